/// How a stage appears to pipeline files: its name, what it does, its options, and how to build it.
///
/// Modules that provide stages publish a descriptor; the CLI puts them in a ``StageRegistry``. A stage
/// that is not registered cannot be named in a pipeline file, so nothing unbuilt can be faked.
public struct StageDescriptor: Sendable {
    public var name: String
    public var summary: String
    public var options: [StageOptionSpec]
    public var make: @Sendable (StageOptions) -> any Stage

    public init(
        name: String, summary: String, options: [StageOptionSpec], make: @escaping @Sendable (StageOptions) -> any Stage
    ) {
        self.name = name
        self.summary = summary
        self.options = options
        self.make = make
    }
}
