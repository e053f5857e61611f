import IngestCore
import IngestSinks
import Logging
import PostgresNIO

/// One connection of the sink and the batches that go through it, one transaction at a time, in the
/// order they were handed over.
///
/// The sink routes every page to one lane by its id, so two records of the same page are always
/// written in the order they arrived, as they would be with a single connection; lanes differ only in
/// which pages they carry. A lost connection is re-opened and the batch run again within the retry
/// budget, each lane on its own: the others go on while the server lets them.
actor PostgresWriterLane {
    private let url: PostgresURL
    private let retry: PostgresRetryPolicy
    private let transactionTimeout: Duration
    private let connector: PostgresConnector
    private let writer: PostgresBatchWriter
    private let logger: Logger
    private var connection: PostgresConnection?

    init(
        url: PostgresURL, retry: PostgresRetryPolicy, transactionTimeout: Duration, connector: PostgresConnector,
        writer: PostgresBatchWriter, logger: Logger, connection: PostgresConnection?
    ) {
        self.url = url
        self.retry = retry
        self.transactionTimeout = transactionTimeout
        self.connector = connector
        self.writer = writer
        self.logger = logger
        self.connection = connection
    }

    /// A run that stopped early never calls ``close()``; the connection still closes, which rolls back
    /// an open transaction.
    deinit {
        if let connection {
            Task { try? await connection.close() }
        }
    }

    /// Writes one batch in one transaction; `pages` must have unique page ids.
    func write(pages: [PageRows], letters: [DeadLetter]) async throws(RunError) {
        let writer = writer
        try await withRetry("write \(pages.count) pages and \(letters.count) dead letters") { connection in
            try await writer.write(pages: pages, letters: letters, on: connection)
        }
    }

    func close() async {
        if let connection {
            self.connection = nil
            try? await connection.close()
        }
    }

    /// Runs `body` on a live connection. A lost connection is re-opened and `body` run again until the
    /// retry budget is spent (then exit 75); a collision with another writer is retried at once; any
    /// other error is a write failure (exit 74).
    func withRetry(_ what: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> Void) async throws(RunError) {
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
                    deadline = deadline ?? ContinuousClock.now + retry.budget
                    logger.warning("PostgreSQL connection was closed by the server, reconnecting", metadata: ["sink": "postgres"])
                }
                let until = deadline ?? ContinuousClock.now + retry.budget
                do {
                    connection = try await connector.connect(until: until, failure: .temporaryFailure)
                } catch where error.code == .temporaryFailure {
                    throw RunError(
                        .temporaryFailure,
                        "\(error.message); could not \(what); the pages not written are processed again by the next run")
                }
                do {
                    let writer = writer
                    try await ConnectionWatchdog.run(on: connection, limit: transactionTimeout) { connection in
                        try await writer.prepareSession(connection)
                    }
                } catch {
                    try? await connection.close()
                    if PostgresFailure.isConnectionLoss(error) { continue }
                    throw RunError(.writeFailed, "PostgreSQL \(url): \(PostgresFailure.describe(error))")
                }
                self.connection = connection
                if deadline != nil {
                    logger.notice("PostgreSQL reachable again", metadata: ["sink": "postgres"])
                }
            }
            do {
                try await ConnectionWatchdog.run(on: connection, limit: transactionTimeout, body)
                return
            } catch {
                if PostgresFailure.isConnectionLoss(error) {
                    self.connection = nil
                    try? await connection.close()
                    let now = ContinuousClock.now
                    deadline = deadline ?? now + retry.budget
                    guard let deadline, now < deadline else {
                        throw RunError(
                            .temporaryFailure,
                            "PostgreSQL \(url) went away and did not come back in \(retry.budget) (\(PostgresFailure.describe(error))); could not \(what); the pages not written are processed again by the next run")
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
                throw RunError(.writeFailed, "PostgreSQL \(url): could not \(what): \(PostgresFailure.describe(error))")
            }
        }
    }
}
