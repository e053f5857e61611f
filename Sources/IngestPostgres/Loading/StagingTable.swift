import PostgresNIO

/// The session's staging copy of a table: the statement that creates it, and the one the `prepared`
/// load method inserts one row into it with, made once per table type.
struct StagingTable: Sendable {
    let name: String
    /// Empties itself at every commit, so a batch finds it empty.
    let create: String
    let insertOneRow: String
    /// Declared rather than inferred from the first row a connection binds: a NULL there would leave a
    /// parameter's type to the server, which then refuses the `int8` of every later row in a 4-byte column.
    let parameterTypes: [PostgresDataType]

    init(_ name: String, copying table: String, columns: [BatchColumn]) {
        self.name = name
        create = "CREATE TEMP TABLE IF NOT EXISTS \(name) (LIKE \(table)) ON COMMIT DELETE ROWS"
        let values = columns.indices.map { index in
            columns[index].kind == .json ? "$\(index + 1)::text::jsonb" : "$\(index + 1)"
        }
        insertOneRow = "INSERT INTO \(name) (\(columns.map(\.name).joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))"
        parameterTypes = columns.map { column in
            switch column.kind {
            case .text, .json: .text
            case .integer: .int8
            case .real: .float8
            }
        }
    }
}
