import IngestCore

/// The SQLite schema, versioned through `PRAGMA user_version` so a database written by a newer build
/// is refused rather than silently misread.
enum SQLiteSchema {
    static let version = 1

    static let migrations: [Int: String] = [
        1: """
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
        """
    ]

    /// Brings a database up to ``version``, or refuses one that is newer.
    static func migrate(_ database: SQLiteDatabase) throws(RunError) {
        let current = try database.integer("PRAGMA user_version")
        if current > version {
            throw RunError(
                .invalidConfiguration,
                "\(database.path) has schema version \(current), newer than this build supports (\(version)); upgrade ingest")
        }
        guard current < version else { return }
        try database.execute("BEGIN IMMEDIATE")
        do throws(RunError) {
            for step in (current + 1)...version {
                guard let sql = migrations[step] else { throw RunError(.internal, "no migration to schema version \(step)") }
                try database.execute(sql)
            }
            try database.execute("PRAGMA user_version = \(version)")
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }
}
