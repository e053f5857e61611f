import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs a statement and reads its result to the end. A row sequence dropped before its end can leave
    /// the connection waiting for it to be drained, so no result is ever left unread.
    func perform(_ query: PostgresQuery, logger: Logger) async throws {
        let rows = try await self.query(query, logger: logger)
        for try await _ in rows {}
    }

    /// Every value of a one-column result.
    func values<Value: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: Value.Type, logger: Logger) async throws -> [Value] {
        var values: [Value] = []
        for try await value in try await self.query(query, logger: logger).decode(Value.self) { values.append(value) }
        return values
    }
}

extension PostgresConnection {
    /// `BEGIN` … `COMMIT`, rolled back when `body` throws. Unlike the driver's own helper it sends no
    /// `ROLLBACK` over a connection that is already gone (the server rolls back by itself then), because
    /// a statement sent on a closed connection is never answered.
    func transaction(logger: Logger, _ body: (PostgresConnection) async throws -> Void) async throws {
        try await perform("BEGIN", logger: logger)
        do {
            try await body(self)
            try await perform("COMMIT", logger: logger)
        } catch {
            if !isClosed { try? await perform("ROLLBACK", logger: logger) }
            throw error
        }
    }
}
