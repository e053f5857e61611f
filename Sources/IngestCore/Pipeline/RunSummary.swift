/// The outcome of a run. It always adds up: `inputs == records + deadLetters + skipped`.
public struct RunSummary: Sendable, Codable, Equatable {
    public var runID: String
    public var pipeline: String
    public var inputs: Int = 0
    public var records: Int = 0
    public var deadLetters: Int = 0
    /// Inputs deliberately not turned into records: duplicates and stage skips, by reason.
    public var skipped: Int = 0
    public var skipReasons: [String: Int] = [:]
    /// The shard this run processed (`K/N`), when the input was split.
    public var shard: String?
    /// Inputs skipped because another shard owns them; part of `skipped`.
    public var outOfShard: Int = 0
    /// The signal that stopped the run before its inputs ran out; the inputs it did read are all accounted for.
    public var stoppedBySignal: Int32?
    /// Dead letters by `stage/code`.
    public var failureReasons: [String: Int] = [:]
    public var bytes: Int = 0
    public var stages: [StageStats]
    public var wallNanoseconds: UInt64 = 0

    public init(runID: String, pipeline: String, stageNames: [String]) {
        self.runID = runID
        self.pipeline = pipeline
        self.stages = stageNames.map(StageStats.init(stage:))
    }

    public var addsUp: Bool { inputs == records + deadLetters + skipped }

    /// Dead letters over the inputs this run owned: other shards' inputs must not dilute the ratio.
    public var failureRatio: Double {
        let owned = inputs - outOfShard
        return owned <= 0 ? 0 : Double(deadLetters) / Double(owned)
    }

    /// The reason recorded for inputs another shard owns.
    public static let outOfShardReason = "out of shard"

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case pipeline, inputs, records
        case deadLetters = "dead_letters"
        case skipped
        case skipReasons = "skip_reasons"
        case shard
        case outOfShard = "out_of_shard"
        case stoppedBySignal = "stopped_by_signal"
        case failureReasons = "failure_reasons"
        case bytes, stages
        case wallNanoseconds = "wall_ns"
    }
}
