import CSQLite
import IngestCore

/// A prepared statement, reused across rows and finalised when released.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private unowned let database: SQLiteDatabase

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bind(_ values: [SQLiteValue]) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .integer(let number): sqlite3_bind_int64(handle, index, Int64(number))
            case .real(let number): sqlite3_bind_double(handle, index, number)
            case .text(let text): sqlite3_bind_text(handle, index, text, -1, csqlite_transient())
            case .utf8(let bytes):
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { chars in
                        _ = sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), csqlite_transient())
                    }
                }
            }
        }
    }

    /// Runs the statement to completion.
    func run(_ values: [SQLiteValue]) throws(RunError) {
        bind(values)
        while try step() {}
    }

    /// Advances one row; false when done.
    func step() throws(RunError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw RunError(.writeFailed, "SQLite \(database.path): \(database.lastError)")
        }
    }

    func integer(at column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func text(at column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: text)
    }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int)
    case real(Double)
    case text(String)
    /// UTF-8 bytes bound as text without building a String.
    case utf8([UInt8])
}
