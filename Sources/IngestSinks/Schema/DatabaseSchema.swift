public import IngestCore

/// The one schema both database sinks write, as ordered migrations.
///
/// A database records the version it is at (SQLite in `PRAGMA user_version`, PostgreSQL in the
/// `schema_version` table). An empty database is brought to ``version`` by the first run; any other
/// version must match this build exactly, because a run that silently wrote an older layout, or misread
/// a newer one, would corrupt what downstream queries see. `ingest db migrate` upgrades an older one.
public enum DatabaseSchema {
    public static var version: Int { migrations.count }

    public static let migrations: [SchemaMigration] = [
        SchemaMigration(
            version: 1,
            sqlite: """
                CREATE TABLE runs (
                    run_id TEXT PRIMARY KEY,
                    pipeline TEXT NOT NULL,
                    tool_version TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    inputs INTEGER,
                    records INTEGER,
                    dead_letters INTEGER,
                    skipped INTEGER,
                    summary_json TEXT
                );
                CREATE TABLE pages (
                    page_id TEXT PRIMARY KEY,
                    url TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    title TEXT,
                    published TEXT,
                    language TEXT,
                    text TEXT NOT NULL,
                    schema_version INTEGER NOT NULL,
                    record_json TEXT NOT NULL,
                    record_sha256 TEXT NOT NULL,
                    first_run_id TEXT NOT NULL,
                    changed_run_id TEXT NOT NULL
                );
                CREATE INDEX pages_published ON pages(published);
                CREATE TABLE dead_letters (
                    page_id TEXT PRIMARY KEY,
                    run_id TEXT NOT NULL,
                    url TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    code TEXT NOT NULL,
                    message TEXT NOT NULL,
                    letter_json TEXT NOT NULL
                );
                CREATE INDEX dead_letters_code ON dead_letters(stage, code);
                """,
            postgres: """
                CREATE TABLE runs (
                    run_id TEXT PRIMARY KEY,
                    pipeline TEXT NOT NULL,
                    tool_version TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    inputs BIGINT,
                    records BIGINT,
                    dead_letters BIGINT,
                    skipped BIGINT,
                    summary_json JSONB
                );
                CREATE TABLE pages (
                    page_id TEXT PRIMARY KEY,
                    url TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    title TEXT,
                    published TEXT,
                    language TEXT,
                    text TEXT NOT NULL,
                    schema_version INTEGER NOT NULL,
                    record_json JSONB NOT NULL,
                    record_sha256 TEXT NOT NULL,
                    first_run_id TEXT NOT NULL,
                    changed_run_id TEXT NOT NULL
                );
                CREATE INDEX pages_published ON pages(published);
                CREATE TABLE dead_letters (
                    page_id TEXT PRIMARY KEY,
                    run_id TEXT NOT NULL,
                    url TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    code TEXT NOT NULL,
                    message TEXT NOT NULL,
                    letter_json JSONB NOT NULL
                );
                CREATE INDEX dead_letters_code ON dead_letters(stage, code);
                """),
        SchemaMigration(
            version: 2,
            sqlite: """
                CREATE TABLE entities (
                    page_id TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    normalised TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    PRIMARY KEY (page_id, ordinal)
                );
                CREATE INDEX entities_type ON entities(type);
                CREATE TABLE events (
                    event_id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    starts TEXT,
                    ends TEXT,
                    precision TEXT,
                    city TEXT,
                    country TEXT,
                    record_json TEXT NOT NULL,
                    record_sha256 TEXT NOT NULL,
                    first_run_id TEXT NOT NULL,
                    changed_run_id TEXT NOT NULL
                );
                CREATE INDEX events_starts ON events(starts);
                CREATE INDEX events_place ON events(country, city);
                CREATE TABLE event_pages (
                    event_id TEXT NOT NULL,
                    page_id TEXT NOT NULL,
                    event_json TEXT NOT NULL,
                    event_sha256 TEXT NOT NULL,
                    PRIMARY KEY (event_id, page_id)
                );
                CREATE INDEX event_pages_page ON event_pages(page_id);
                CREATE TABLE fetch_state (
                    url TEXT PRIMARY KEY,
                    etag TEXT,
                    last_modified TEXT,
                    content_sha256 TEXT,
                    http_status INT,
                    fetched_at TEXT,
                    page_id TEXT
                );
                CREATE TABLE shard_completions (
                    pipeline TEXT,
                    input_key TEXT,
                    shard_index INT,
                    shard_count INT,
                    run_id TEXT,
                    completed_at TEXT,
                    PRIMARY KEY (pipeline, input_key, shard_index, shard_count)
                );
                """,
            postgres: """
                CREATE TABLE entities (
                    page_id TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    normalised JSONB NOT NULL,
                    confidence DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (page_id, ordinal)
                );
                CREATE INDEX entities_type ON entities(type);
                CREATE TABLE events (
                    event_id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    starts TEXT,
                    ends TEXT,
                    precision TEXT,
                    city TEXT,
                    country TEXT,
                    record_json JSONB NOT NULL,
                    record_sha256 TEXT NOT NULL,
                    first_run_id TEXT NOT NULL,
                    changed_run_id TEXT NOT NULL
                );
                CREATE INDEX events_starts ON events(starts);
                CREATE INDEX events_place ON events(country, city);
                CREATE TABLE event_pages (
                    event_id TEXT NOT NULL,
                    page_id TEXT NOT NULL,
                    event_json JSONB NOT NULL,
                    event_sha256 TEXT NOT NULL,
                    PRIMARY KEY (event_id, page_id)
                );
                CREATE INDEX event_pages_page ON event_pages(page_id);
                CREATE TABLE fetch_state (
                    url TEXT PRIMARY KEY,
                    etag TEXT,
                    last_modified TEXT,
                    content_sha256 TEXT,
                    http_status INT,
                    fetched_at TEXT,
                    page_id TEXT
                );
                CREATE TABLE shard_completions (
                    pipeline TEXT,
                    input_key TEXT,
                    shard_index INT,
                    shard_count INT,
                    run_id TEXT,
                    completed_at TEXT,
                    PRIMARY KEY (pipeline, input_key, shard_index, shard_count)
                );
                """),
        // The events row is the link with the lowest event_sha256 (then page_id), picked again whenever a
        // page reporting the event changes; without this index that pick reads every link of the event, so
        // a run's cost per page grew with the pages already behind its events.
        SchemaMigration(
            version: 3,
            sqlite: "CREATE INDEX event_pages_pick ON event_pages(event_id, event_sha256, page_id);",
            postgres: "CREATE INDEX event_pages_pick ON event_pages(event_id, event_sha256, page_id);"),
        // A page's text was stored twice, in `text` and inside `record_json`, and PostgreSQL parsed,
        // compressed and logged it both times (``StoredRecordJSON``). `record_json` now holds the record
        // without it; the view `page_records` gives the whole record. `record_sha256` stays the hash of
        // the whole record, so a rerun after the upgrade rewrites nothing.
        SchemaMigration(
            version: 4,
            sqlite: """
                UPDATE pages SET record_json = json_remove(record_json, '$.text') WHERE json_type(record_json, '$.text') IS NOT NULL;
                CREATE VIEW page_records AS SELECT page_id, json_set(record_json, '$.text', text) AS record_json FROM pages;
                """,
            postgres: """
                UPDATE pages SET record_json = record_json - 'text' WHERE record_json ? 'text';
                CREATE VIEW page_records AS SELECT page_id, record_json || jsonb_build_object('text', text) AS record_json FROM pages;
                """),
    ]

    /// What opening a database at `found` should do: nothing, create the schema (an empty database), or
    /// refuse with a configuration error that says how to fix it.
    public static func startupAction(found: Int, database: String, migrateHint: String) throws(RunError) -> Bool {
        if found == version { return false }
        if found == 0 { return true }
        if found > version {
            throw RunError(
                .invalidConfiguration,
                "\(database) has schema version \(found), newer than this build supports (\(version)); upgrade ingest")
        }
        throw RunError(
            .invalidConfiguration,
            "\(database) has schema version \(found), older than this build's (\(version)); run `\(migrateHint)` first")
    }

    /// The migrations that take a database from `found` to `target`, or an error if it is newer.
    public static func steps(from found: Int, to target: Int = version, database: String) throws(RunError) -> [SchemaMigration] {
        if found > version {
            throw RunError(
                .invalidConfiguration,
                "\(database) has schema version \(found), newer than this build supports (\(version)); upgrade ingest")
        }
        guard (0...version).contains(target) else {
            throw RunError(.invalidConfiguration, "no schema version \(target); this build knows 1 to \(version)")
        }
        return migrations.filter { $0.version > found && $0.version <= target }
    }
}
