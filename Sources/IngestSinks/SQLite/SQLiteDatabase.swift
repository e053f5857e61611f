import CSQLite
import IngestCore

/// Owns one SQLite connection and its prepared statements; closes them when released.
/// Not `Sendable`: it is used from one actor only.
final class SQLiteDatabase {
    private let handle: OpaquePointer
    let path: String

    init(path: String) throws(RunError) {
        var connection: OpaquePointer? = nil
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(connection)
            throw RunError(.cannotCreateOutput, "cannot open SQLite database \(path): \(message)")
        }
        handle = connection
        self.path = path
        sqlite3_busy_timeout(handle, 30_000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws(RunError) {
        var error: UnsafeMutablePointer<CChar>? = nil
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw RunError(.writeFailed, "SQLite \(path): \(message)")
        }
    }

    func prepare(_ sql: String) throws(RunError) -> SQLiteStatement {
        var statement: OpaquePointer? = nil
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else {
            throw RunError(.writeFailed, "SQLite \(path): \(lastError)")
        }
        return SQLiteStatement(statement, database: self)
    }

    /// The first column of the first row of a query, as an integer.
    func integer(_ sql: String) throws(RunError) -> Int {
        let statement = try prepare(sql)
        guard try statement.step() else { return 0 }
        return statement.integer(at: 0)
    }

    /// Rows changed by the most recent statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }
}
