/// How a run behaves, independent of what it reads and where it writes.
public struct RunOptions: Sendable {
    /// Documents in flight at once; each holds its raw bytes, so this bounds memory.
    public var concurrency: Int
    /// Above this share of failed inputs the run exits with status 65 (after flushing everything).
    public var maxFailureRatio: Double
    /// An identifier for this run, stamped on dead letters and the runs table.
    public var runID: String
    /// The part of the input this run owns; inputs outside it are counted as skipped, never processed.
    public var shard: Shard?

    public init(
        concurrency: Int = RunOptions.defaultConcurrency, maxFailureRatio: Double = 0.2, runID: String, shard: Shard? = nil
    ) {
        self.concurrency = max(1, concurrency)
        self.maxFailureRatio = maxFailureRatio
        self.runID = runID
        self.shard = shard
    }

    public static var defaultConcurrency: Int { SystemInfo.activeProcessorCount }
}
