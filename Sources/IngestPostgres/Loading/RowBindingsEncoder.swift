import PostgresNIO

/// Writes a table's rows as one set of statement parameters per row, for the `prepared` load method.
struct RowBindingsEncoder: BatchRowEncoder {
    private let width: Int
    private var row: PostgresBindings
    private(set) var rows: [PostgresBindings] = []

    init(columns: Int, rows: Int) {
        width = columns
        row = PostgresBindings(capacity: columns)
        self.rows.reserveCapacity(rows)
    }

    mutating func text(_ value: String) { row.append(value) }
    mutating func text(_ value: String?) { row.append(value) }
    mutating func utf8(_ bytes: [UInt8]) { row.append(String(decoding: bytes, as: UTF8.self)) }
    mutating func integer(_ value: Int) { row.append(value) }
    mutating func integer(_ value: Int?) { row.append(value) }
    mutating func real(_ value: Double) { row.append(value) }

    mutating func endRow() {
        rows.append(row)
        row = PostgresBindings(capacity: width)
    }
}
