import CSQLite
import Foundation

/// Reads rows back from a SQLite database through the plain C API, independent of the sink, for every
/// test target that checks what a run wrote.
public struct SQLiteRows {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func rows(_ sql: String) throws -> [[String?]] {
        var handle: OpaquePointer? = nil
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let handle else {
            throw QueryError(message: "cannot open \(path)")
        }
        defer { sqlite3_close_v2(handle) }
        var statement: OpaquePointer? = nil
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw QueryError(message: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_finalize(statement) }
        var rows: [[String?]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
        }
        return rows
    }

    public func execute(_ sql: String) throws {
        var handle: OpaquePointer? = nil
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
            throw QueryError(message: "cannot open \(path)")
        }
        defer { sqlite3_close_v2(handle) }
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw QueryError(message: String(cString: sqlite3_errmsg(handle)))
        }
    }

    public struct QueryError: Error {
        public var message: String
    }
}
