/// The page's language as the language stage decided it.
public struct LanguageInfo: Sendable, Codable, Equatable {
    /// ISO 639-1, or `und` when the detector is not sure.
    public var code: String
    public var confidence: Double
    /// ISO 15924, e.g. `Cyrl`, `Latn`.
    public var script: String?
    /// Ranges of `text` in a language other than `code`.
    public var segments: [LanguageSegment]
    /// Every paragraph of `text` that has letters, with its own language, so consumers can skip or route
    /// paragraphs one by one.
    public var paragraphs: [LanguageSegment]

    public init(
        code: String, confidence: Double, script: String? = nil, segments: [LanguageSegment] = [],
        paragraphs: [LanguageSegment] = []
    ) {
        self.code = code
        self.confidence = confidence
        self.script = script
        self.segments = segments
        self.paragraphs = paragraphs
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        confidence = try container.decode(Double.self, forKey: .confidence)
        script = try container.decodeIfPresent(String.self, forKey: .script)
        segments = try container.decode([LanguageSegment].self, forKey: .segments)
        // Records written before paragraphs were reported have none.
        paragraphs = try container.decodeIfPresent([LanguageSegment].self, forKey: .paragraphs) ?? []
    }
}
