/// How a run behaves, independent of what it reads and where it writes.
public struct RunOptions: Sendable {
    /// Documents in flight at once; each holds its raw bytes, so this bounds memory.
    public var concurrency: Int
    /// Input bytes the documents in flight may hold between them. A page's stages take some eighteen times
    /// its size at their peak (a 20 MB page of text, 365 MB), so a few large pages in flight together, not
    /// the number of pages, is what runs a machine out of memory. A document that would take the total past
    /// this waits for others to finish; one larger than all of it runs alone.
    public var inFlightBytes: Int
    /// Above this share of failed inputs the run exits with status 65 (after flushing everything).
    public var maxFailureRatio: Double
    /// An identifier for this run, stamped on dead letters and the runs table.
    public var runID: String
    /// The part of the input this run owns; inputs outside it are counted as skipped, never processed.
    public var shard: Shard?

    public init(
        concurrency: Int = RunOptions.defaultConcurrency, maxFailureRatio: Double = 0.2, runID: String, shard: Shard? = nil,
        inFlightBytes: Int = RunOptions.defaultInFlightBytes
    ) {
        self.concurrency = max(1, concurrency)
        self.inFlightBytes = max(1, inFlightBytes)
        self.maxFailureRatio = maxFailureRatio
        self.runID = runID
        self.shard = shard
    }

    public static var defaultConcurrency: Int { SystemInfo.activeProcessorCount }

    /// Room for a hundred pages of 300 KB at once; a page over it (a directory walk reads up to 64 MiB)
    /// runs alone, so the run's peak is that page's rather than a multiple of it.
    public static let defaultInFlightBytes = 32 << 20
}
