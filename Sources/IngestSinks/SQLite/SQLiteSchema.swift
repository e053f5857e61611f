public import IngestCore

/// Applies ``DatabaseSchema`` to a SQLite file, whose version lives in `PRAGMA user_version`.
public enum SQLiteSchema {
    /// Opens (creating if missing) the database at `path` and migrates it to `target`, returning the
    /// version it was at before: what `ingest db migrate --sqlite` does.
    @discardableResult
    public static func migrate(path: String, to target: Int = DatabaseSchema.version) throws(RunError) -> Int {
        let database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = WAL")
        return try migrate(database, to: target)
    }

    /// The version the file at `path` is at, 0 for a new or empty database.
    public static func version(path: String) throws(RunError) -> Int {
        try SQLiteDatabase(path: path).integer("PRAGMA user_version")
    }

    /// Checks a database before a run: creates the schema in an empty one, refuses any other version.
    static func prepareForRun(_ database: SQLiteDatabase) throws(RunError) {
        let found = try database.integer("PRAGMA user_version")
        let create = try DatabaseSchema.startupAction(
            found: found, database: database.path, migrateHint: "ingest db migrate --sqlite \(database.path)")
        if create { try migrate(database) }
    }

    @discardableResult
    static func migrate(_ database: SQLiteDatabase, to target: Int = DatabaseSchema.version) throws(RunError) -> Int {
        // The write lock is taken before the version is read, so two processes migrating one file at
        // once apply each step exactly once.
        try database.execute("BEGIN IMMEDIATE")
        do throws(RunError) {
            let found = try database.integer("PRAGMA user_version")
            for step in try DatabaseSchema.steps(from: found, to: target, database: database.path) {
                try database.execute(step.sqlite)
                try database.execute("PRAGMA user_version = \(step.version)")
            }
            try database.execute("COMMIT")
            return found
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }
}
