/// One stage's pass over a document, kept in order so a document shows exactly what touched it.
public struct TrailEntry: Sendable, Equatable {
    public enum Result: String, Sendable {
        case passed, skipped, failed
    }

    public var stage: String
    public var result: Result
    public var nanoseconds: UInt64

    public init(stage: String, result: Result, nanoseconds: UInt64) {
        self.stage = stage
        self.result = result
        self.nanoseconds = nanoseconds
    }
}
