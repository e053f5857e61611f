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

    public var failureRatio: Double { inputs == 0 ? 0 : Double(deadLetters) / Double(inputs) }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case pipeline, inputs, records
        case deadLetters = "dead_letters"
        case skipped
        case skipReasons = "skip_reasons"
        case failureReasons = "failure_reasons"
        case bytes, stages
        case wallNanoseconds = "wall_ns"
    }
}
