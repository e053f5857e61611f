/// One column of a table a batch loads, named as in the table, with the kind of value it holds: what
/// both bulk load methods need to know beyond the values themselves.
struct BatchColumn: Sendable {
    enum Kind: Sendable {
        case text
        /// Sent as text and cast to `jsonb` by the server, which checks it there.
        case json
        /// Sent as `int8`; the server narrows it to the column's own type on insert.
        case integer
        /// Sent as `float8`.
        case real
    }

    let name: String
    let kind: Kind

    static func text(_ name: String) -> BatchColumn { BatchColumn(name: name, kind: .text) }
    static func json(_ name: String) -> BatchColumn { BatchColumn(name: name, kind: .json) }
    static func integer(_ name: String) -> BatchColumn { BatchColumn(name: name, kind: .integer) }
    static func real(_ name: String) -> BatchColumn { BatchColumn(name: name, kind: .real) }
}
