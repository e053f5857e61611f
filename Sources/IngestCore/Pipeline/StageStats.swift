/// Counters for one stage over a run, as the summary and the stats file report them.
public struct StageStats: Sendable, Codable, Equatable {
    public var stage: String
    public var input: Int = 0
    public var output: Int = 0
    /// Counted skips decided by this stage.
    public var dropped: Int = 0
    public var failed: Int = 0
    /// Total time spent in the stage, in nanoseconds.
    public var nanoseconds: UInt64 = 0

    public init(stage: String) {
        self.stage = stage
    }

    mutating func count(_ entry: TrailEntry) {
        input += 1
        nanoseconds += entry.nanoseconds
        switch entry.result {
        case .passed: output += 1
        case .skipped: dropped += 1
        case .failed: failed += 1
        }
    }
}
