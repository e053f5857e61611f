/// How a batch's rows reach the server before they are merged into the tables. All three are kept so
/// the benchmark can compare them on the machine at hand (`ingest db bench`, see the README).
public enum PostgresLoadMethod: String, Sendable, CaseIterable {
    /// Each table's rows bound as one array per column and inserted with `unnest`: one statement per
    /// table and batch. The default, because a connection closed under it fails the batch like any
    /// other statement, which is retried.
    case unnest
    /// `COPY … FROM STDIN` in text format: one stream per table and batch. postgres-nio 1.33.2 can stop
    /// the process on an internal precondition when the server closes the connection mid-copy (README).
    case copy
    /// One execution of a server-side prepared statement per row.
    case prepared

    /// Whether whole tables go in one operation each, so that pages the database has never seen can
    /// skip the staging tables.
    var loadsWholeTables: Bool { self != .prepared }
}
