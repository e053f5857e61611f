import Foundation
public import IngestCore

/// The state of runs over one SQLite database: shard completions, fetch state and the run lock.
///
/// It opens its own connection to the sink's file, so recording a completion never interleaves with the
/// sink's open transaction; it is recorded only after the sink has committed everything.
public actor SQLiteStateStore: StateStore {
    private let database: SQLiteDatabase
    private var lockFile: RunLockFile?

    public init(path: String) throws(RunError) {
        database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        try SQLiteSchema.prepareForRun(database)
    }

    /// The lock file for `scope` sits beside the database: `ingest.sqlite.lock`, or
    /// `ingest.sqlite.shard-3-of-8.lock`, so shards of one job can share a database while two runs of the
    /// same shard cannot overlap.
    public func lock(scope: String) throws(RunError) {
        let suffix = scope.isEmpty ? "" : "." + scope.map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
        lockFile = try RunLockFile(path: database.path + suffix + ".lock")
    }

    public func unlock() {
        lockFile = nil
    }

    public func completion(of key: ShardCompletion.Key) throws(RunError) -> ShardCompletion? {
        let statement = try database.prepare(
            """
            SELECT run_id, completed_at FROM shard_completions
            WHERE pipeline = ? AND input_key = ? AND shard_index = ? AND shard_count = ?
            """)
        statement.bind([.text(key.pipeline), .text(key.inputKey), .integer(key.shard.index), .integer(key.shard.count)])
        guard try statement.step() else { return nil }
        return ShardCompletion(key: key, runID: statement.text(at: 0) ?? "", completedAt: statement.text(at: 1) ?? "")
    }

    public func recordCompletion(_ completion: ShardCompletion) throws(RunError) {
        let key = completion.key
        try database.prepare(
            """
            INSERT INTO shard_completions (pipeline, input_key, shard_index, shard_count, run_id, completed_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (pipeline, input_key, shard_index, shard_count) DO UPDATE SET
                run_id = excluded.run_id, completed_at = excluded.completed_at
            """
        ).run([
            .text(key.pipeline), .text(key.inputKey), .integer(key.shard.index), .integer(key.shard.count), .text(completion.runID),
            .text(completion.completedAt),
        ])
    }

    public func fetchState(url: String) throws(RunError) -> FetchState? {
        let statement = try database.prepare(
            "SELECT etag, last_modified, content_sha256, http_status, fetched_at, page_id FROM fetch_state WHERE url = ?")
        statement.bind([.text(url)])
        guard try statement.step() else { return nil }
        return FetchState(
            url: url, etag: statement.text(at: 0), lastModified: statement.text(at: 1), contentSHA256: statement.text(at: 2),
            httpStatus: statement.text(at: 3) == nil ? nil : statement.integer(at: 3), fetchedAt: statement.text(at: 4),
            pageID: statement.text(at: 5).map(PageID.init(rawValue:)))
    }

    public func saveFetchState(_ state: FetchState) throws(RunError) {
        try database.prepare(Self.upsertFetchState).run(Self.values(state))
    }

    /// Shared with ``SQLiteSink``, which writes a fetched page's state in the page's transaction.
    static let upsertFetchState = """
        INSERT INTO fetch_state (url, etag, last_modified, content_sha256, http_status, fetched_at, page_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (url) DO UPDATE SET
            etag = excluded.etag, last_modified = excluded.last_modified, content_sha256 = excluded.content_sha256,
            http_status = excluded.http_status, fetched_at = excluded.fetched_at, page_id = excluded.page_id
        """

    static func values(_ state: FetchState) -> [SQLiteValue] {
        func optional(_ text: String?) -> SQLiteValue { text.map(SQLiteValue.text) ?? .null }
        return [
            .text(state.url), optional(state.etag), optional(state.lastModified), optional(state.contentSHA256),
            state.httpStatus.map(SQLiteValue.integer) ?? .null, optional(state.fetchedAt), optional(state.pageID?.rawValue),
        ]
    }
}
