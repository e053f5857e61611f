import PostgresNIO

/// Sorts driver errors into what a retry can fix and what it cannot.
enum PostgresFailure {
    /// SQLSTATE classes and codes that mean the server is away or restarting, not that the SQL is wrong.
    private static let transientStates: Set<String> = [
        "57P01", "57P02", "57P03",  // admin shutdown, crash shutdown, cannot connect now
        "55000",  // the database is not accepting connections
        "53300",  // too many connections
    ]

    /// The connection is gone or the server is going away: reconnect and try again.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            return [transaction.beginError, transaction.closureError, transaction.commitError]
                .compactMap { $0 }.contains(where: isConnectionLoss)
        }
        if error is ConnectionWatchdog.Abandoned { return true }
        // The driver's older error type: COPY (pages and their children are copied in) reports a channel
        // that closed under it as `connectionClosed`, and an unclean shutdown as this protocol message.
        if let error = error as? PostgresError {
            switch error {
            case .connectionClosed: return true
            case .protocol(let message): return message == "Unexpected connection close"
            default: return false
            }
        }
        guard let error = error as? PSQLError else { return error is ChannelError || error is IOError }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection: return true
        case .server:
            guard let state = error.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || transientStates.contains(state)
        default: return false
        }
    }

    /// Two writers collided (deadlock, serialization, or both inserting one new page, whose key the
    /// second then violates): the same transaction can simply run again, and sees the other's rows.
    static func isConflict(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            return [transaction.beginError, transaction.closureError, transaction.commitError]
                .compactMap { $0 }.contains(where: isConflict)
        }
        guard let error = error as? PSQLError, error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01" || state == "23505"
    }

    /// A one-line explanation: the server's message when there is one, not the driver's generic text.
    static func describe(_ error: any Error) -> String {
        if let transaction = error as? PostgresTransactionError,
            let inner = transaction.closureError ?? transaction.commitError ?? transaction.beginError
        {
            return describe(inner)
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            let detail = error.serverInfo?[.detail].map { "; \($0)" } ?? ""
            return message + detail + state
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
