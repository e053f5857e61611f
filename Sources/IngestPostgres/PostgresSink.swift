import Foundation
public import IngestCore
import IngestSinks
public import Logging
import PostgresNIO

/// Page records, their entities and events, and dead letters upserted into PostgreSQL
/// (``DatabaseSchema``), a batch per transaction, over ``Configuration/writers`` connections at once.
///
/// Each page goes to one connection by a hash of its id, so the server parses and stores two batches at
/// once (on a first load its work, mostly parsing `record_json` into `jsonb`, is as large as the
/// client's), while every record of one page is still written in order through the same connection: the
/// rows are those of a single connection. Each connection has one batch in flight while the next one is
/// being filled (and its rows built), so the client's work overlaps the server's instead of waiting.
///
/// The server may go away mid-run: the batches in hand, never more than two of
/// ``Configuration/batchSize`` records per connection, are held while the sink reconnects and retries
/// them within the retry budget. If the server does not come back, the run stops with a temporary
/// failure (exit 75). Nothing of those batches was committed, so the next run processes those pages
/// again, and because every write is an idempotent upsert, a batch committed just before the
/// connection dropped is not duplicated either.
public actor PostgresSink: RecordSink {
    public struct Configuration: Sendable {
        public var url: PostgresURL
        public var retry: PostgresRetryPolicy
        public var batchSize: Int
        public var loadMethod: PostgresLoadMethod
        /// The longest one batch's transaction may take before the connection is treated as lost.
        public var transactionTimeout: Duration
        /// Whether this database is the run's state database, so fetched pages' `fetch_state` rows are
        /// written with the pages; when another database keeps the state, they belong there instead.
        public var keepsFetchState: Bool
        /// Connections writing batches at once.
        public var writers: Int
        /// The most bytes of values one statement or copy of a batch loads (``BatchParts``).
        var partBytes = BatchParts.defaultLimit

        public init(
            url: PostgresURL, retry: PostgresRetryPolicy = .init(), batchSize: Int = 1000, loadMethod: PostgresLoadMethod = .unnest,
            transactionTimeout: Duration = .seconds(60), keepsFetchState: Bool = true, writers: Int = 2
        ) {
            self.url = url
            self.keepsFetchState = keepsFetchState
            self.transactionTimeout = transactionTimeout
            self.retry = retry
            self.batchSize = batchSize
            self.loadMethod = loadMethod
            self.writers = max(1, writers)
        }
    }

    public nonisolated let name = "postgres"

    private let configuration: Configuration
    private let runID: String
    private let logger: Logger
    private let lanes: [PostgresWriterLane]
    /// Per lane, the batch being filled.
    private var pages: [[PageRows]]
    private var letters: [[DeadLetter]]
    /// Per lane, the batch on the server. A run that stopped early (another sink failed, a signal) never
    /// calls ``finish(summary:)``: such a batch then commits or fails on its own, and each lane's
    /// connection closes when the lane goes, which rolls back a transaction still open.
    private var inFlight: [Task<Void, any Error>?]

    /// Connects (retrying within the budget, then exit 69), checks the schema (exit 78 when it is not
    /// this build's) and records the run. Connections beyond the first open with their first batch.
    public init(configuration: Configuration, runID: String, pipeline: String, logger: Logger) async throws(RunError) {
        self.configuration = configuration
        self.runID = runID
        self.logger = logger
        let connector = PostgresConnector(url: configuration.url, policy: configuration.retry, logger: logger)
        let writer = PostgresBatchWriter(
            runID: runID, method: configuration.loadMethod, keepsFetchState: configuration.keepsFetchState,
            partBytes: configuration.partBytes, logger: logger)
        let url = configuration.url
        let first = try await connector.open("check the schema and prepare the session") { connection in
            try await PostgresSchema.prepareForRun(connection, url: url, logger: logger)
            try await writer.prepareSession(connection)
        }.connection
        lanes = (0..<configuration.writers).map { index in
            PostgresWriterLane(
                url: url, retry: configuration.retry, transactionTimeout: configuration.transactionTimeout, connector: connector,
                writer: writer, logger: logger, connection: index == 0 ? first : nil)
        }
        pages = Array(repeating: [], count: configuration.writers)
        letters = Array(repeating: [], count: configuration.writers)
        inFlight = Array(repeating: nil, count: configuration.writers)
        let started = RFC3339.string(from: Date())
        try await lanes[0].withRetry("record the run") { connection in
            try await connection.perform(
                """
                INSERT INTO runs (run_id, pipeline, tool_version, started_at) VALUES (\(runID), \(pipeline), \(IngestVersion.current), \(started))
                ON CONFLICT (run_id) DO NOTHING
                """, logger: logger)
        }
    }

    public func write(_ encoded: EncodedRecord) async throws(RunError) {
        let rows = try PageRows(encoded)
        let lane = lane(of: rows.pageID)
        pages[lane].append(rows)
        if pages[lane].count + letters[lane].count >= configuration.batchSize { try await dispatch(lane) }
    }

    public func write(_ deadLetter: DeadLetter) async throws(RunError) {
        let lane = lane(of: deadLetter.pageID.rawValue)
        letters[lane].append(deadLetter)
        if pages[lane].count + letters[lane].count >= configuration.batchSize { try await dispatch(lane) }
    }

    public func finish(summary: RunSummary) async throws(RunError) {
        for lane in lanes.indices { try await dispatch(lane) }
        try await settleAll()
        let json: String
        do {
            json = String(decoding: try RecordJSON.encode(summary), as: UTF8.self)
        } catch {
            throw RunError(.internal, "the run summary could not be encoded: \(error)")
        }
        let finished = RFC3339.string(from: Date())
        let runID = runID
        let logger = logger
        try await lanes[0].withRetry("record the run summary") { connection in
            try await connection.perform(
                """
                UPDATE runs SET finished_at = \(finished), inputs = \(summary.inputs), records = \(summary.records),
                    dead_letters = \(summary.deadLetters), skipped = \(summary.skipped), summary_json = \(json)::text::jsonb
                WHERE run_id = \(runID)
                """, logger: logger)
        }
        for lane in lanes { await lane.close() }
    }

    /// The lane of a page: FNV-1a of its id, the same in every run and process.
    private func lane(of pageID: String) -> Int {
        guard lanes.count > 1 else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in pageID.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(lanes.count))
    }

    /// Hands the lane's filled batch over once its previous batch is committed: one batch ahead, so
    /// memory stays bounded and batches of one page keep their order. A failed lane stops the sink.
    private func dispatch(_ lane: Int) async throws(RunError) {
        try await settle(lane)
        guard !pages[lane].isEmpty || !letters[lane].isEmpty else { return }
        // The last record of a page wins, as it would with row-by-row upserts.
        var seen = Set<String>()
        let unique = pages[lane].reversed().filter { seen.insert($0.pageID).inserted }.reversed() as [PageRows]
        let batchLetters = letters[lane]
        pages[lane].removeAll(keepingCapacity: true)
        letters[lane].removeAll(keepingCapacity: true)
        let writer = lanes[lane]
        inFlight[lane] = Task { try await writer.write(pages: unique, letters: batchLetters) }
    }

    /// Waits for the lane's batch on the server. When it failed, the other lanes' batches are waited for
    /// too (each commits or fails within its own budget) before the failure stops the run, so no
    /// transaction is left open behind it.
    private func settle(_ lane: Int) async throws(RunError) {
        guard let task = inFlight[lane] else { return }
        inFlight[lane] = nil
        do {
            try await task.value
        } catch {
            for other in inFlight.indices {
                if let task = inFlight[other] {
                    inFlight[other] = nil
                    _ = try? await task.value
                }
            }
            throw error as? RunError ?? RunError(.writeFailed, "PostgreSQL \(configuration.url): \(error)")
        }
    }

    /// Waits until every batch handed to a connection is committed, or throws its failure; the batches
    /// still being filled stay where they are. Tests use it to know what the database holds mid-run.
    func settleAll() async throws(RunError) {
        for lane in lanes.indices { try await settle(lane) }
    }
}
