/// One stage as a pipeline file names it, with validated options.
public struct StageEntry: Sendable, Equatable {
    public var name: String
    public var options: StageOptions
    /// Where the entry is, for messages that point back into the file.
    public var line: Int

    public init(name: String, options: StageOptions, line: Int) {
        self.name = name
        self.options = options
        self.line = line
    }
}
