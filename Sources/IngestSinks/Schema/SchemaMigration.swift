/// One step of the database schema, written once per SQL dialect so SQLite and PostgreSQL stay the same
/// tables with the same columns, only spelled in each engine's types.
public struct SchemaMigration: Sendable {
    /// The schema version a database has once this step is applied.
    public let version: Int
    public let sqlite: String
    public let postgres: String
}
