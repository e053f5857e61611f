import PostgresNIO

/// Writes a table's rows into one ``PostgresColumnArray`` per column, and turns them into the
/// statement that inserts them: `INSERT … SELECT unnest($1), unnest($2), …`, one round trip for the
/// whole table, in the extended query protocol like every other statement of a batch.
struct ColumnArrayEncoder: BatchRowEncoder {
    private let columns: [BatchColumn]
    private var arrays: [PostgresColumnArray]
    private var field = 0

    init(_ columns: [BatchColumn], rows: Int) {
        self.columns = columns
        arrays = columns.map { column in
            let perRow = switch column.kind {
            case .integer, .real: 12
            case .text, .json: 64
            }
            return PostgresColumnArray(column.kind, capacity: perRow * rows)
        }
    }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { arrays[field].append(utf8: UnsafeRawBufferPointer($0)) }
        field += 1
    }

    mutating func text(_ value: String?) {
        guard let value else { return null() }
        text(value)
    }

    mutating func utf8(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { arrays[field].append(utf8: $0) }
        field += 1
    }

    mutating func integer(_ value: Int) {
        arrays[field].append(value)
        field += 1
    }

    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        integer(value)
    }

    mutating func real(_ value: Double) {
        arrays[field].append(value)
        field += 1
    }

    mutating func endRow() {
        precondition(field == columns.count, "a row wrote \(field) fields into \(columns.count) columns")
        field = 0
    }

    private mutating func null() {
        arrays[field].appendNull()
        field += 1
    }

    /// The insert of every row written into `table`, whose named columns must be ``columns``.
    ///
    /// The arrays are unnested in the select list, not in `FROM`: a function in `FROM` first stores
    /// all its rows, and a batch of pages is more than `work_mem`, so it went through a temporary file
    /// (1,251 blocks written and read for 1,000 rows of 5 kB); in the select list the rows are
    /// produced one at a time, the arrays in step.
    func insert(into table: String) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arrays.count)
        for array in arrays { bindings.append(array) }
        let names = columns.map(\.name).joined(separator: ", ")
        let values = columns.map { $0.kind == .json ? "\($0.name)::jsonb" : $0.name }.joined(separator: ", ")
        let unnested = columns.indices.map { "unnest($\($0 + 1)) AS \(columns[$0].name)" }.joined(separator: ", ")
        return PostgresQuery(
            unsafeSQL: "INSERT INTO \(table) (\(names)) SELECT \(values) FROM (SELECT \(unnested)) AS batch",
            binds: bindings)
    }
}
