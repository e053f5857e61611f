import Foundation
public import IngestCore

/// The embedded default sink: pages upserted by `page_id` into a SQLite file, dead letters beside them.
///
/// A page row changes only when its record does, so re-running the same input rewrites nothing. A page
/// that succeeds clears its earlier dead letter. Writes are grouped in transactions of ``batchSize``.
public actor SQLiteSink: RecordSink {
    public nonisolated let name = "sqlite"
    public static let batchSize = 500

    private let database: SQLiteDatabase
    private let runID: String
    private let upsertPage: SQLiteStatement
    private let clearDeadLetter: SQLiteStatement
    private let upsertDeadLetter: SQLiteStatement
    private let finishRun: SQLiteStatement
    private var inTransaction = false
    private var writesInTransaction = 0

    public init(path: String, runID: String, pipeline: String) throws(RunError) {
        database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        try SQLiteSchema.migrate(database)
        self.runID = runID
        try database.prepare(
            "INSERT INTO runs (run_id, pipeline, tool_version, started_at) VALUES (?, ?, ?, ?) ON CONFLICT(run_id) DO NOTHING"
        ).run([.text(runID), .text(pipeline), .text(IngestVersion.current), .text(RFC3339.string(from: Date()))])
        upsertPage = try database.prepare(
            """
            INSERT INTO pages (page_id, url, sha256, title, published, language, text, schema_version, record_json,
                               record_sha256, first_run_id, changed_run_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
            ON CONFLICT(page_id) DO UPDATE SET
                url = excluded.url, sha256 = excluded.sha256, title = excluded.title, published = excluded.published,
                language = excluded.language, text = excluded.text, schema_version = excluded.schema_version,
                record_json = excluded.record_json, record_sha256 = excluded.record_sha256,
                changed_run_id = excluded.changed_run_id
            WHERE pages.record_sha256 <> excluded.record_sha256
            """)
        clearDeadLetter = try database.prepare("DELETE FROM dead_letters WHERE page_id = ?")
        upsertDeadLetter = try database.prepare(
            """
            INSERT INTO dead_letters (page_id, run_id, url, stage, code, message, letter_json)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(page_id) DO UPDATE SET
                run_id = excluded.run_id, url = excluded.url, stage = excluded.stage, code = excluded.code,
                message = excluded.message, letter_json = excluded.letter_json
            WHERE (dead_letters.stage, dead_letters.code, dead_letters.message, dead_letters.url)
                IS NOT (excluded.stage, excluded.code, excluded.message, excluded.url)
            """)
        finishRun = try database.prepare(
            """
            UPDATE runs SET finished_at = ?, inputs = ?, records = ?, dead_letters = ?, skipped = ?, summary_json = ?
            WHERE run_id = ?
            """)
    }

    public func write(_ encoded: EncodedRecord) throws(RunError) {
        try beginIfNeeded()
        let record = encoded.record
        try upsertPage.run([
            .text(record.pageID.rawValue), .text(record.source.url), .text(record.source.sha256),
            record.title.map(SQLiteValue.text) ?? .null, record.published.map(SQLiteValue.text) ?? .null,
            record.language.map { .text($0.code) } ?? .null, .text(record.text), .integer(record.schemaVersion),
            .utf8(encoded.json), .text(SHA256Hex.digest(encoded.json)), .text(runID),
        ])
        try clearDeadLetter.run([.text(record.pageID.rawValue)])
        try commitIfBatchFull()
    }

    public func write(_ deadLetter: DeadLetter) throws(RunError) {
        try beginIfNeeded()
        let json: [UInt8]
        do {
            json = try RecordJSON.encode(deadLetter)
        } catch {
            throw RunError(.internal, "a dead letter could not be encoded: \(error)")
        }
        try upsertDeadLetter.run([
            .text(deadLetter.pageID.rawValue), .text(deadLetter.runID), .text(deadLetter.source.url),
            .text(deadLetter.stage), .text(deadLetter.code), .text(deadLetter.message), .utf8(json),
        ])
        try commitIfBatchFull()
    }

    public func finish(summary: RunSummary) throws(RunError) {
        try beginIfNeeded()
        let json: [UInt8]
        do {
            json = try RecordJSON.encode(summary)
        } catch {
            throw RunError(.internal, "the run summary could not be encoded: \(error)")
        }
        try finishRun.run([
            .text(RFC3339.string(from: Date())), .integer(summary.inputs), .integer(summary.records),
            .integer(summary.deadLetters), .integer(summary.skipped), .utf8(json), .text(runID),
        ])
        try commit()
    }

    private func beginIfNeeded() throws(RunError) {
        guard !inTransaction else { return }
        try database.execute("BEGIN IMMEDIATE")
        inTransaction = true
        writesInTransaction = 0
    }

    private func commitIfBatchFull() throws(RunError) {
        writesInTransaction += 1
        if writesInTransaction >= Self.batchSize { try commit() }
    }

    private func commit() throws(RunError) {
        guard inTransaction else { return }
        try database.execute("COMMIT")
        inTransaction = false
    }
}
