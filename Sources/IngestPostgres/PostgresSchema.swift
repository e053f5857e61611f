public import IngestCore
import IngestSinks
import Logging
import PostgresNIO

/// Applies ``DatabaseSchema`` to a PostgreSQL database, whose version lives in `schema_version`.
///
/// Migrations run in one transaction under an advisory lock, so concurrent starts against an empty
/// database (two shards of a cron job) apply each step exactly once, and a failed step leaves nothing.
public enum PostgresSchema {
    /// Serialises migrations across processes; an arbitrary constant private to this schema.
    static let migrationLock: Int64 = 0x696e_6765_7374_0001

    /// Connects and migrates to `target`, returning the version found: what `ingest db migrate` does.
    @discardableResult
    public static func migrate(
        url: PostgresURL, to target: Int = DatabaseSchema.version, policy: PostgresRetryPolicy = .init(), logger: Logger
    ) async throws(RunError) -> Int {
        let (connection, found) = try await PostgresConnector(url: url, policy: policy, logger: logger).open("migrate the schema") {
            connection in try await migrate(connection, url: url, to: target, logger: logger)
        }
        try? await connection.close()
        return found
    }

    /// The version the database is at, 0 when it has no schema yet.
    public static func version(url: PostgresURL, policy: PostgresRetryPolicy = .init(), logger: Logger) async throws(RunError) -> Int {
        let (connection, found) = try await PostgresConnector(url: url, policy: policy, logger: logger).open("read the schema version") {
            connection in try await version(connection, logger: logger)
        }
        try? await connection.close()
        return found
    }

    static func version(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let exists = try await connection.values("SELECT to_regclass('schema_version') IS NOT NULL", as: Bool.self, logger: logger)
        guard exists == [true] else { return 0 }
        let found = try await connection.values("SELECT max(version) FROM schema_version", as: Int?.self, logger: logger)
        return (found.first ?? nil) ?? 0
    }

    /// Checks a database before a run: creates the schema in an empty one, refuses any other version.
    static func prepareForRun(_ connection: PostgresConnection, url: PostgresURL, logger: Logger) async throws {
        let found = try await version(connection, logger: logger)
        let create = try DatabaseSchema.startupAction(
            found: found, database: "PostgreSQL \(url)", migrateHint: "ingest db migrate --postgres-url URL")
        if create { try await migrate(connection, url: url, logger: logger) }
    }

    /// Driver errors come out as they are, so that the caller can tell a lost connection from a failed step.
    @discardableResult
    static func migrate(
        _ connection: PostgresConnection, url: PostgresURL, to target: Int = DatabaseSchema.version, logger: Logger
    ) async throws -> Int {
        var found = 0
        try await connection.transaction(logger: logger) { connection in
            try await connection.perform("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            try await connection.perform(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                logger: logger)
            found = try await version(connection, logger: logger)
            for step in try DatabaseSchema.steps(from: found, to: target, database: "PostgreSQL \(url)") {
                // The driver speaks the extended protocol, which takes one statement per query.
                for statement in step.postgres.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try await connection.perform(PostgresQuery(unsafeSQL: String(statement)), logger: logger)
                }
                try await connection.perform("INSERT INTO schema_version (version) VALUES (\(step.version))", logger: logger)
            }
        }
        return found
    }
}
