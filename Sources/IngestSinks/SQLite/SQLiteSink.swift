import Foundation
public import IngestCore

/// The embedded default sink: pages upserted by `page_id` into a SQLite file (``DatabaseSchema``), with
/// their entities, event links and events, and dead letters beside them.
///
/// A page row changes only when its record does, so re-running the same input rewrites nothing; when it
/// does change, its entities and event links are replaced in the same transaction. A page that succeeds
/// clears its earlier dead letter. Writes are grouped in transactions of ``batchSize``. When this file is
/// also the run's state database, a fetched page's `fetch_state` row is written in the page's transaction.
public actor SQLiteSink: RecordSink {
    public nonisolated let name = "sqlite"
    public static let batchSize = 500

    private let database: SQLiteDatabase
    private let runID: String
    private let upsertPage: SQLiteStatement
    private let deleteEntities: SQLiteStatement
    private let insertEntity: SQLiteStatement
    private let deleteLinks: SQLiteStatement
    private let insertLink: SQLiteStatement
    private let refreshEvent: SQLiteStatement
    private let deleteOrphanEvent: SQLiteStatement
    private let clearDeadLetter: SQLiteStatement
    private let upsertDeadLetter: SQLiteStatement
    private let finishRun: SQLiteStatement
    private let upsertFetchState: SQLiteStatement?
    private var inTransaction = false
    private var writesInTransaction = 0

    /// - Parameter keepsFetchState: whether this file is the run's state database, so pages' fetch state
    ///   belongs here; when another database keeps it, writing it here would split the state in two.
    public init(path: String, runID: String, pipeline: String, keepsFetchState: Bool = true) throws(RunError) {
        database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        try SQLiteSchema.prepareForRun(database)
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
        deleteEntities = try database.prepare("DELETE FROM entities WHERE page_id = ?")
        insertEntity = try database.prepare(
            """
            INSERT INTO entities (page_id, ordinal, type, text, span_start, span_end, normalised, confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        deleteLinks = try database.prepare("DELETE FROM event_pages WHERE page_id = ? RETURNING event_id")
        insertLink = try database.prepare(
            "INSERT INTO event_pages (event_id, page_id, event_json, event_sha256) VALUES (?, ?, ?, ?)")
        refreshEvent = try database.prepare(
            """
            INSERT INTO events (event_id, name, kind, starts, ends, precision, city, country, record_json,
                                record_sha256, first_run_id, changed_run_id)
            SELECT event_id, json_extract(event_json, '$.name'), json_extract(event_json, '$.kind'),
                   json_extract(event_json, '$.start'), json_extract(event_json, '$.end'),
                   json_extract(event_json, '$.precision'), json_extract(event_json, '$.location.city'),
                   json_extract(event_json, '$.location.country'), event_json, event_sha256, ?2, ?2
            FROM event_pages WHERE event_id = ?1 ORDER BY event_sha256, page_id LIMIT 1
            ON CONFLICT(event_id) DO UPDATE SET
                name = excluded.name, kind = excluded.kind, starts = excluded.starts, ends = excluded.ends,
                precision = excluded.precision, city = excluded.city, country = excluded.country,
                record_json = excluded.record_json, record_sha256 = excluded.record_sha256,
                changed_run_id = excluded.changed_run_id
            WHERE events.record_sha256 <> excluded.record_sha256
            """)
        deleteOrphanEvent = try database.prepare(
            "DELETE FROM events WHERE event_id = ?1 AND NOT EXISTS (SELECT 1 FROM event_pages WHERE event_id = ?1)")
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
        upsertFetchState = keepsFetchState ? try database.prepare(SQLiteStateStore.upsertFetchState) : nil
    }

    public func write(_ encoded: EncodedRecord) throws(RunError) {
        try beginIfNeeded()
        let rows = try PageRows(encoded)
        try upsertPage.run([
            .text(rows.pageID), .text(rows.url), .text(rows.sha256), rows.title.map(SQLiteValue.text) ?? .null,
            rows.published.map(SQLiteValue.text) ?? .null, rows.language.map(SQLiteValue.text) ?? .null,
            .text(rows.text), .integer(rows.schemaVersion), .utf8(rows.storedJSON), .text(rows.recordSHA256),
            .text(runID),
        ])
        if database.changes > 0 { try replaceChildren(of: rows) }
        try clearDeadLetter.run([.text(rows.pageID)])
        if let upsertFetchState, let state = rows.fetchState { try upsertFetchState.run(SQLiteStateStore.values(state)) }
        try commitIfBatchFull()
    }

    /// Replaces a changed page's entities and event links, then brings every event it reported, before or
    /// now, back in line with the pages that still report it.
    private func replaceChildren(of rows: PageRows) throws(RunError) {
        try deleteEntities.run([.text(rows.pageID)])
        for entity in rows.entities {
            try insertEntity.run([
                .text(rows.pageID), .integer(entity.ordinal), .text(entity.type), .text(entity.text),
                .integer(entity.spanStart), .integer(entity.spanEnd), .utf8(entity.normalisedJSON),
                .real(entity.confidence),
            ])
        }
        var affected = Set<String>()
        deleteLinks.bind([.text(rows.pageID)])
        while try deleteLinks.step() {
            if let eventID = deleteLinks.text(at: 0) { affected.insert(eventID) }
        }
        for link in rows.events {
            try insertLink.run([.text(link.eventID), .text(rows.pageID), .utf8(link.json), .text(link.sha256)])
            affected.insert(link.eventID)
        }
        for eventID in affected.sorted() {
            try refreshEvent.run([.text(eventID), .text(runID)])
            try deleteOrphanEvent.run([.text(eventID)])
        }
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
