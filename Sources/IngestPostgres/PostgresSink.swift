import Foundation
public import IngestCore
import IngestSinks
public import Logging
import PostgresNIO

/// Page records, their entities and events, and dead letters upserted into PostgreSQL
/// (``DatabaseSchema``), a batch per transaction.
///
/// The server may go away mid-run: the current batch, never more than ``Configuration/batchSize``
/// records, is held while the sink reconnects and retries it within the retry budget. If the server
/// does not come back, the run stops with a temporary failure (exit 75). Nothing of that batch was
/// committed, so the next run processes those pages again, and because every write is an idempotent
/// upsert, a batch committed just before the connection dropped is not duplicated either.
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

        public init(
            url: PostgresURL, retry: PostgresRetryPolicy = .init(), batchSize: Int = 1000, loadMethod: PostgresLoadMethod = .copy,
            transactionTimeout: Duration = .seconds(60), keepsFetchState: Bool = true
        ) {
            self.url = url
            self.keepsFetchState = keepsFetchState
            self.transactionTimeout = transactionTimeout
            self.retry = retry
            self.batchSize = batchSize
            self.loadMethod = loadMethod
        }
    }

    public nonisolated let name = "postgres"

    private let configuration: Configuration
    private let connector: PostgresConnector
    private let writer: PostgresBatchWriter
    private let runID: String
    private let logger: Logger
    private var connection: PostgresConnection?
    private var pages: [PageRows] = []
    private var letters: [DeadLetter] = []

    /// Connects (retrying within the budget, then exit 69), checks the schema (exit 78 when it is not
    /// this build's) and records the run.
    public init(configuration: Configuration, runID: String, pipeline: String, logger: Logger) async throws(RunError) {
        self.configuration = configuration
        self.runID = runID
        self.logger = logger
        connector = PostgresConnector(url: configuration.url, policy: configuration.retry, logger: logger)
        writer = PostgresBatchWriter(
            runID: runID, method: configuration.loadMethod, keepsFetchState: configuration.keepsFetchState, logger: logger)
        let url = configuration.url
        let writer = writer
        connection = try await connector.open("check the schema and prepare the session") { connection in
            try await PostgresSchema.prepareForRun(connection, url: url, logger: logger)
            try await writer.prepareSession(connection)
        }.connection
        let started = RFC3339.string(from: Date())
        try await withRetry("record the run") { connection in
            try await connection.perform(
                """
                INSERT INTO runs (run_id, pipeline, tool_version, started_at) VALUES (\(runID), \(pipeline), \(IngestVersion.current), \(started))
                ON CONFLICT (run_id) DO NOTHING
                """, logger: logger)
        }
    }

    /// A run that stopped early (another sink failed, a signal) never calls ``finish(summary:)``; its
    /// connection is still closed, which rolls back the open transaction if there is one.
    deinit {
        if let connection {
            Task { try? await connection.close() }
        }
    }

    public func write(_ encoded: EncodedRecord) async throws(RunError) {
        pages.append(try PageRows(encoded))
        if pages.count + letters.count >= configuration.batchSize { try await flush() }
    }

    public func write(_ deadLetter: DeadLetter) async throws(RunError) {
        letters.append(deadLetter)
        if pages.count + letters.count >= configuration.batchSize { try await flush() }
    }

    public func finish(summary: RunSummary) async throws(RunError) {
        try await flush()
        let json: String
        do {
            json = String(decoding: try RecordJSON.encode(summary), as: UTF8.self)
        } catch {
            throw RunError(.internal, "the run summary could not be encoded: \(error)")
        }
        let finished = RFC3339.string(from: Date())
        let runID = runID
        let logger = logger
        try await withRetry("record the run summary") { connection in
            try await connection.perform(
                """
                UPDATE runs SET finished_at = \(finished), inputs = \(summary.inputs), records = \(summary.records),
                    dead_letters = \(summary.deadLetters), skipped = \(summary.skipped), summary_json = \(json)::text::jsonb
                WHERE run_id = \(runID)
                """, logger: logger)
        }
        if let connection {
            self.connection = nil
            try? await connection.close()
        }
    }

    /// Writes the held batch; it is dropped from memory only once committed.
    private func flush() async throws(RunError) {
        guard !pages.isEmpty || !letters.isEmpty else { return }
        // The last record of a page wins, as it would with row-by-row upserts.
        var seen = Set<String>()
        let unique = pages.reversed().filter { seen.insert($0.pageID).inserted }.reversed() as [PageRows]
        let letters = letters
        let writer = writer
        try await withRetry("write \(unique.count) pages and \(letters.count) dead letters") { connection in
            try await writer.write(pages: unique, letters: letters, on: connection)
        }
        pages.removeAll(keepingCapacity: true)
        self.letters.removeAll(keepingCapacity: true)
    }

    /// Runs `body` on a live connection. A lost connection is re-opened and `body` run again until the
    /// retry budget is spent (then exit 75); a collision with another writer is retried at once; any
    /// other error is a write failure (exit 74).
    private func withRetry(_ what: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> Void) async throws(RunError) {
        var deadline: ContinuousClock.Instant? = nil
        var conflicts = 0
        while true {
            let connection: PostgresConnection
            if let current = self.connection, !current.isClosed {
                connection = current
            } else {
                if let stale = self.connection {
                    // The server closed it between batches (a restart, an administrator): a loss like any other.
                    self.connection = nil
                    try? await stale.close()
                    deadline = deadline ?? ContinuousClock.now + configuration.retry.budget
                    logger.warning("PostgreSQL connection was closed by the server, reconnecting", metadata: ["sink": "postgres"])
                }
                let until = deadline ?? ContinuousClock.now + configuration.retry.budget
                do {
                    connection = try await connector.connect(until: until, failure: .temporaryFailure)
                } catch where error.code == .temporaryFailure {
                    throw RunError(
                        .temporaryFailure,
                        "\(error.message); could not \(what); the pages not written are processed again by the next run")
                }
                do {
                    let writer = writer
                    try await ConnectionWatchdog.run(on: connection, limit: configuration.transactionTimeout) { connection in
                        try await writer.prepareSession(connection)
                    }
                } catch {
                    try? await connection.close()
                    if PostgresFailure.isConnectionLoss(error) { continue }
                    throw RunError(.writeFailed, "PostgreSQL \(configuration.url): \(PostgresFailure.describe(error))")
                }
                self.connection = connection
                if deadline != nil {
                    logger.notice("PostgreSQL reachable again", metadata: ["sink": "postgres"])
                }
            }
            do {
                try await ConnectionWatchdog.run(on: connection, limit: configuration.transactionTimeout, body)
                return
            } catch {
                if PostgresFailure.isConnectionLoss(error) {
                    self.connection = nil
                    try? await connection.close()
                    let now = ContinuousClock.now
                    deadline = deadline ?? now + configuration.retry.budget
                    guard let deadline, now < deadline else {
                        throw RunError(
                            .temporaryFailure,
                            "PostgreSQL \(configuration.url) went away and did not come back in \(configuration.retry.budget) (\(PostgresFailure.describe(error))); could not \(what); the pages not written are processed again by the next run")
                    }
                    logger.warning(
                        "PostgreSQL connection lost, reconnecting",
                        metadata: ["sink": "postgres", "error": "\(PostgresFailure.describe(error))"])
                    continue
                }
                if PostgresFailure.isConflict(error), conflicts < 20 {
                    conflicts += 1
                    logger.info("PostgreSQL write collided with another writer, retrying", metadata: ["sink": "postgres"])
                    continue
                }
                throw RunError(.writeFailed, "PostgreSQL \(configuration.url): could not \(what): \(PostgresFailure.describe(error))")
            }
        }
    }
}
