public import IngestCore

extension HTMLStrip {
    /// How pipeline files name and configure strip.
    public static let descriptor = StageDescriptor(
        name: name,
        summary: "choose the charset, parse with libxml2, keep the main text, title and dates",
        options: [
            StageOptionSpec(
                name: "max_input_bytes", summary: "larger pages become too-large dead letters",
                kind: .integer(1024...(1 << 30)), defaultValue: .integer(Configuration().maxInputBytes)),
            StageOptionSpec(
                name: "max_elements", summary: "pages with more elements become too-large dead letters",
                kind: .integer(100...50_000_000), defaultValue: .integer(Configuration().maxElements)),
            StageOptionSpec(
                name: "learn_templates", summary: "learn blocks repeated across each site's pages in a pre-pass and drop them",
                kind: .boolean, defaultValue: .boolean(true)),
        ],
        make: { options in
            HTMLStrip(
                configuration: Configuration(
                    maxInputBytes: options.integer("max_input_bytes") ?? Configuration().maxInputBytes,
                    maxElements: options.integer("max_elements") ?? Configuration().maxElements,
                    learnTemplates: options.boolean("learn_templates") ?? true))
        })
}
