import PostgresNIO

/// One row of `Table` into its staging table, for the `prepared` load method: a server-side prepared
/// statement, parsed once per connection and then only bound and executed.
struct StagedRowInsert<Table: BatchTable>: PostgresPreparedStatement {
    typealias Row = Void
    static var sql: String { Table.staging.insertOneRow }
    static var bindingDataTypes: [PostgresDataType] { Table.staging.parameterTypes }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) {}
}
