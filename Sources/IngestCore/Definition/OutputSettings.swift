/// Where a pipeline writes when the command line does not say. Paths are relative to the working directory.
///
/// Connection strings never live here: they come from the command line or the environment, so pipeline
/// files can be committed and shared without secrets.
public struct OutputSettings: Sendable, Equatable {
    public var sqlite: String?
    public var jsonl: String?
    public var deadLetters: String?

    public init(sqlite: String? = nil, jsonl: String? = nil, deadLetters: String? = nil) {
        self.sqlite = sqlite
        self.jsonl = jsonl
        self.deadLetters = deadLetters
    }
}
