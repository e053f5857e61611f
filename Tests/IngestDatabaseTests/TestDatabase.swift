import Foundation
import IngestCore
@testable import IngestPostgres
import IngestSinks
import IngestTestSupport
import Logging

/// One fresh database of one backend for one test, with the sink under test and an independent reader.
struct TestDatabase: Sendable {
    enum Backend: String, Sendable, CaseIterable, CustomStringConvertible {
        case sqlite, postgres
        var description: String { rawValue }

        /// SQLite always; PostgreSQL when a server is configured, and always under CI.
        static var enabled: [Backend] { PostgresTestServer.isEnabled ? [.sqlite, .postgres] : [.sqlite] }
    }

    let backend: Backend
    /// The SQLite file path, or the PostgreSQL URL.
    let location: String

    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func make(_ backend: Backend, label: String = #function) async throws -> TestDatabase {
        switch backend {
        case .sqlite:
            let directory = try FixturePaths.temporaryDirectory(label)
            return TestDatabase(backend: .sqlite, location: directory.appendingPathComponent("ingest.sqlite").path)
        case .postgres:
            return TestDatabase(backend: .postgres, location: try PostgresTestServer.required().createDatabase(label))
        }
    }

    /// Small PostgreSQL batches, so a handful of test records spans several transactions, over the
    /// sink's default number of connections unless `writers` says otherwise.
    func sink(
        runID: String, batchSize: Int = 5, loadMethod: PostgresLoadMethod = .unnest, keepsFetchState: Bool = true,
        retryBudget: Duration = .seconds(5), writers: Int? = nil, partBytes: Int? = nil
    ) async throws -> any RecordSink {
        switch backend {
        case .sqlite:
            return try SQLiteSink(path: location, runID: runID, pipeline: "events", keepsFetchState: keepsFetchState)
        case .postgres:
            var configuration = PostgresSink.Configuration(
                url: try PostgresURL(location), retry: PostgresRetryPolicy(budget: retryBudget), batchSize: batchSize,
                loadMethod: loadMethod, keepsFetchState: keepsFetchState)
            if let writers { configuration.writers = writers }
            if let partBytes { configuration.partBytes = partBytes }
            return try await PostgresSink(configuration: configuration, runID: runID, pipeline: "events", logger: Self.logger)
        }
    }

    func migrate(to target: Int = DatabaseSchema.version) async throws {
        switch backend {
        case .sqlite: try SQLiteSchema.migrate(path: location, to: target)
        case .postgres: try await PostgresSchema.migrate(url: try PostgresURL(location), to: target, logger: Self.logger)
        }
    }

    func version() async throws -> Int {
        switch backend {
        case .sqlite: try SQLiteSchema.version(path: location)
        case .postgres: try await PostgresSchema.version(url: try PostgresURL(location), logger: Self.logger)
        }
    }

    func rows(_ sql: String) async throws -> [[String?]] {
        switch backend {
        case .sqlite: try SQLiteRows(path: location).rows(sql)
        case .postgres: try PostgresTestServer.rows(location, sql)
        }
    }

    func execute(_ sql: String) async throws {
        switch backend {
        case .sqlite: try SQLiteRows(path: location).execute(sql)
        case .postgres: try PostgresTestServer.execute(location, sql)
        }
    }

    func setVersion(_ version: Int) async throws {
        switch backend {
        case .sqlite: try await execute("PRAGMA user_version = \(version)")
        case .postgres: try await execute("INSERT INTO schema_version (version) VALUES (\(version))")
        }
    }

    /// Every content table, in a stable order, for comparing two databases or two moments.
    func contents() async throws -> [String: [[String?]]] {
        var tables: [String: [[String?]]] = [:]
        for (table, order) in Self.contentTables {
            tables[table] = try await rows("SELECT * FROM \(table) ORDER BY \(order)")
        }
        return tables
    }

    /// The same contents without the columns that name the run that wrote a row, for comparing
    /// databases filled by different runs.
    func contents(withoutRunColumns: Bool) async throws -> [String: [[String?]]] {
        let tables = try await contents()
        return withoutRunColumns ? Self.withoutRunColumns(tables) : tables
    }

    /// Drops `first_run_id`, `changed_run_id` (the last two columns of pages and events) and the
    /// dead letter's `run_id` (second column).
    static func withoutRunColumns(_ tables: [String: [[String?]]]) -> [String: [[String?]]] {
        var result = tables
        for table in ["pages", "events"] { result[table] = tables[table]?.map { Array($0.dropLast(2)) } }
        result["dead_letters"] = tables["dead_letters"]?.map { row in row.enumerated().filter { $0.offset != 1 }.map(\.element) }
        return result
    }

    /// Drops every other session on this PostgreSQL database, as a server restart would.
    func terminateBackends() async throws {
        _ = try await rows(
            """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """)
    }

    /// While true, the database refuses new sessions and has none: the server is away.
    func refuseConnections(_ refuse: Bool) async throws {
        let name = URLComponents(string: location)?.path.dropFirst() ?? ""
        let admin = try PostgresTestServer.required().url
        try PostgresTestServer.execute(admin, "ALTER DATABASE \(name) ALLOW_CONNECTIONS \(refuse ? "false" : "true")")
        if refuse {
            _ = try PostgresTestServer.rows(
                admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND backend_type = 'client backend'")
        }
    }

    /// Makes every insert of `url` into `fetch_state` fail, as a write that fails part-way through a batch.
    func refuseFetchState(url: String) async throws {
        switch backend {
        case .sqlite:
            try await execute(
                "CREATE TRIGGER refuse_fetch BEFORE INSERT ON fetch_state WHEN NEW.url = '\(url)' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        case .postgres:
            try await execute(
                """
                CREATE FUNCTION refuse_fetch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.url = '\(url)' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse_fetch BEFORE INSERT ON fetch_state FOR EACH ROW EXECUTE FUNCTION refuse_fetch();
                """)
        }
    }

    /// Content tables and their sort order.
    static let contentTables: [(String, String)] = [
        ("pages", "page_id"), ("entities", "page_id, ordinal"), ("events", "event_id"),
        ("event_pages", "event_id, page_id"), ("dead_letters", "page_id"), ("fetch_state", "url"),
    ]

    /// Writes `records` through one sink and finishes it, as a run would.
    func write(
        _ records: [EncodedRecord], runID: String, deadLetters: [DeadLetter] = [], loadMethod: PostgresLoadMethod = .unnest,
        keepsFetchState: Bool = true, batchSize: Int = 5, writers: Int? = nil, partBytes: Int? = nil
    ) async throws {
        let sink = try await sink(
            runID: runID, batchSize: batchSize, loadMethod: loadMethod, keepsFetchState: keepsFetchState, writers: writers,
            partBytes: partBytes)
        for record in records { try await sink.write(record) }
        for letter in deadLetters { try await sink.write(letter) }
        var summary = RunSummary(runID: runID, pipeline: "events", stageNames: [])
        summary.inputs = records.count + deadLetters.count
        summary.records = records.count
        summary.deadLetters = deadLetters.count
        try await sink.finish(summary: summary)
    }
}

