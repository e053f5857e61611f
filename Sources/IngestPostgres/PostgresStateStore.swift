import Foundation
public import IngestCore
import IngestSinks
public import Logging
import PostgresNIO

/// The state of runs kept in PostgreSQL when that is where the records go: shard completions and fetch
/// state in the shared schema's tables, and the run lock as a session advisory lock, so shards on
/// different machines writing to one server lock against each other without a shared file system.
///
/// The lock lives as long as this store's connection: if the server drops it, the lock is gone too, and
/// the sink's own retries decide whether the run can go on.
public actor PostgresStateStore: StateStore {
    private let url: PostgresURL
    private let retry: PostgresRetryPolicy
    private let logger: Logger
    private var connection: PostgresConnection?
    private var lockKey: String?

    /// Connects (retrying within `retry`, then exit 69) and checks the schema (exit 78 when it is not
    /// this build's; an empty database gets it).
    public init(url: PostgresURL, retry: PostgresRetryPolicy = .init(), logger: Logger) async throws(RunError) {
        self.url = url
        self.retry = retry
        self.logger = logger
        connection = try await PostgresConnector(url: url, policy: retry, logger: logger).open("check the schema") { connection in
            try await PostgresSchema.prepareForRun(connection, url: url, logger: logger)
        }.connection
    }

    deinit {
        if let connection {
            Task { try? await connection.close() }
        }
    }

    public func lock(scope: String) async throws(RunError) {
        let key = "ingest-run:" + scope
        let taken = try await run("take the run lock") { connection, logger in
            try await connection.values("SELECT pg_try_advisory_lock(hashtextextended(\(key), 0))", as: Bool.self, logger: logger)
        }
        guard taken == [true] else {
            throw RunError(
                .temporaryFailure,
                "another run holds the lock for \(scope.isEmpty ? "these inputs" : scope) on PostgreSQL \(url); try again later")
        }
        lockKey = key
    }

    public func unlock() async {
        guard let key = lockKey, let connection else { return }
        lockKey = nil
        let logger = logger
        _ = try? await ConnectionWatchdog.run(on: connection, limit: retry.answerTimeout) { connection in
            try await connection.perform("SELECT pg_advisory_unlock(hashtextextended(\(key), 0))", logger: logger)
        }
    }

    public func completion(of key: ShardCompletion.Key) async throws(RunError) -> ShardCompletion? {
        let rows = try await run("read shard completions") { connection, logger in
            try await connection.values(
                """
                SELECT run_id || E'\\t' || completed_at FROM shard_completions
                WHERE pipeline = \(key.pipeline) AND input_key = \(key.inputKey) AND shard_index = \(key.shard.index)
                AND shard_count = \(key.shard.count)
                """, as: String.self, logger: logger)
        }
        guard let row = rows.first else { return nil }
        let fields = row.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        return ShardCompletion(key: key, runID: fields[0], completedAt: fields.count > 1 ? fields[1] : "")
    }

    public func recordCompletion(_ completion: ShardCompletion) async throws(RunError) {
        let key = completion.key
        _ = try await run("record a shard completion") { connection, logger in
            try await connection.perform(
                """
                INSERT INTO shard_completions (pipeline, input_key, shard_index, shard_count, run_id, completed_at)
                VALUES (\(key.pipeline), \(key.inputKey), \(key.shard.index), \(key.shard.count), \(completion.runID), \(completion.completedAt))
                ON CONFLICT (pipeline, input_key, shard_index, shard_count) DO UPDATE SET
                    run_id = excluded.run_id, completed_at = excluded.completed_at
                """, logger: logger)
            return [Bool]()
        }
    }

    public func fetchState(url pageURL: String) async throws(RunError) -> FetchState? {
        let rows = try await run("read fetch state") { connection, logger in
            try await connection.values(
                """
                SELECT json_build_array(etag, last_modified, content_sha256, http_status, fetched_at, page_id)::text
                FROM fetch_state WHERE url = \(pageURL)
                """, as: String.self, logger: logger)
        }
        guard let row = rows.first, let fields = try? JSONDecoder().decode([JSONValue].self, from: Data(row.utf8)) else {
            return nil
        }
        func text(_ index: Int) -> String? {
            if case .string(let value) = fields[index] { return value }
            return nil
        }
        var status: Int? = nil
        if case .number(let value) = fields[3] { status = Int(value) }
        return FetchState(
            url: pageURL, etag: text(0), lastModified: text(1), contentSHA256: text(2), httpStatus: status, fetchedAt: text(4),
            pageID: text(5).map(PageID.init(rawValue:)))
    }

    public func saveFetchState(_ state: FetchState) async throws(RunError) {
        _ = try await run("save fetch state") { connection, logger in
            try await connection.perform(
                """
                INSERT INTO fetch_state (url, etag, last_modified, content_sha256, http_status, fetched_at, page_id)
                VALUES (\(state.url), \(state.etag), \(state.lastModified), \(state.contentSHA256), \(state.httpStatus),
                        \(state.fetchedAt), \(state.pageID?.rawValue))
                ON CONFLICT (url) DO UPDATE SET
                    etag = excluded.etag, last_modified = excluded.last_modified, content_sha256 = excluded.content_sha256,
                    http_status = excluded.http_status, fetched_at = excluded.fetched_at, page_id = excluded.page_id
                """, logger: logger)
            return [Bool]()
        }
    }

    /// The connection, re-opened within the retry budget if the server dropped it; a held run lock is
    /// taken again on the new session, and if another run got it in between, this one stops (exit 75).
    private func liveConnection(_ what: String) async throws(RunError) -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        if let stale = connection {
            connection = nil
            try? await stale.close()
        }
        let fresh = try await PostgresConnector(url: url, policy: retry, logger: logger)
            .connect(until: ContinuousClock.now + retry.budget, failure: .temporaryFailure)
        connection = fresh
        if let key = lockKey {
            let taken: [Bool]
            do {
                let logger = logger
                taken = try await ConnectionWatchdog.run(on: fresh, limit: retry.answerTimeout) { connection in
                    try await connection.values("SELECT pg_try_advisory_lock(hashtextextended(\(key), 0))", as: Bool.self, logger: logger)
                }
            } catch {
                throw RunError(.temporaryFailure, "PostgreSQL \(url): could not take the run lock again: \(PostgresFailure.describe(error))")
            }
            guard taken == [true] else {
                throw RunError(.temporaryFailure, "PostgreSQL \(url): another run took the run lock while the server was away; could not \(what)")
            }
        }
        return fresh
    }

    private func run<Value: Sendable>(
        _ what: String, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> [Value]
    ) async throws(RunError) -> [Value] {
        let connection = try await liveConnection(what)
        let logger = logger
        do {
            return try await ConnectionWatchdog.run(on: connection, limit: retry.answerTimeout) { connection in
                try await body(connection, logger)
            }
        } catch {
            throw RunError(
                PostgresFailure.isConnectionLoss(error) ? .temporaryFailure : .writeFailed,
                "PostgreSQL \(url): could not \(what): \(PostgresFailure.describe(error))")
        }
    }
}
