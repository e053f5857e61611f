import Foundation
public import IngestCore
public import Logging
import PostgresNIO

/// Throw-away databases for the sink benchmark, so it never writes into a database that holds data.
public enum PostgresBenchDatabase {
    /// Creates an empty database on the server `admin` points at and returns its URL.
    public static func create(admin: PostgresURL, logger: Logger) async throws(RunError) -> PostgresURL {
        let name = "ingest_bench_" + UUID().uuidString.lowercased().prefix(8)
        try await run("CREATE DATABASE \(name)", admin: admin, logger: logger)
        return try PostgresURL(admin.with(database: name))
    }

    public static func drop(_ database: PostgresURL, admin: PostgresURL, logger: Logger) async throws(RunError) {
        try await run("DROP DATABASE IF EXISTS \(database.database)", admin: admin, logger: logger)
    }

    private static func run(_ sql: String, admin: PostgresURL, logger: Logger) async throws(RunError) {
        let connection = try await PostgresConnector(url: admin, policy: .init(budget: .seconds(5)), logger: logger).connect()
        do {
            try await connection.perform(PostgresQuery(unsafeSQL: sql), logger: logger)
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw RunError(.writeFailed, "PostgreSQL \(admin): \(sql): \(PostgresFailure.describe(error))")
        }
    }
}
