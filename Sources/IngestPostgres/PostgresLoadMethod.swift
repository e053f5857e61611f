/// How a batch's rows reach the server before they are merged into the tables. Both are kept so the
/// benchmark can compare them on the machine at hand (`ingest db bench`); `copy` is the default because
/// it measured faster (see the README).
public enum PostgresLoadMethod: String, Sendable, CaseIterable {
    /// `COPY … FROM STDIN` in text format: one stream per table and batch.
    case copy
    /// One execution of a server-side prepared statement per row.
    case prepared
}
