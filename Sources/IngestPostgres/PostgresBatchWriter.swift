import IngestCore
import IngestSinks
import Logging
import PostgresNIO

/// Writes one batch inside one transaction: load the rows into per-connection staging tables, then
/// merge them into the real tables with set-based statements.
///
/// Pages the database has never seen are copied straight into the tables; pages stored with another
/// record are staged and merged by `page_id`.
///
/// Concurrent writers (overlapping shards) stay correct because new pages are inserted and changed ones
/// upserted in `page_id` order (a page another writer inserted first makes the batch roll back and run
/// again, now as a stored page), a page whose record did not change is left alone (its children too), and every
/// event touched is recomputed from its links under a transaction-scoped advisory lock taken in
/// `event_id` order, so two writers never both decide an event row from half the links.
///
/// When this database keeps the run's state, fetched pages' `fetch_state` rows are merged in the same
/// transaction as the pages, so the state never runs ahead of or behind the rows it describes.
struct PostgresBatchWriter: Sendable {
    let runID: String
    let method: PostgresLoadMethod
    let keepsFetchState: Bool
    /// The most bytes of values one statement or copy loads (``BatchParts``).
    var partBytes = BatchParts.defaultLimit
    let logger: Logger

    /// Staging tables live per session and empty themselves at every commit.
    static let createStaging = [PagesBatch.staging, EntitiesBatch.staging, EventLinksBatch.staging, FetchStatesBatch.staging].map(\.create)

    /// Compresses the long values this session stores (`text`, `record_json`) with LZ4 where the server
    /// has it (PostgreSQL 14 and later, built with LZ4, as Debian's is): on a first load, PostgreSQL's
    /// default (pglz) took about as long as parsing the JSON. Each stored value records its own method,
    /// so readers, and values written before, are unaffected; other servers keep their default.
    static let preferLZ4 = """
        SELECT set_config('default_toast_compression', 'lz4', false) FROM pg_settings
        WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)
        """

    func prepareSession(_ connection: PostgresConnection) async throws {
        for statement in Self.createStaging + [Self.preferLZ4] {
            try await connection.perform(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }

    /// `pages` must have unique page ids; `letters` are upserted after them.
    func write(pages: [PageRows], letters: [DeadLetter], on connection: PostgresConnection) async throws {
        try await connection.transaction(logger: logger) { connection in
            if !pages.isEmpty { try await self.merge(pages, on: connection) }
            if self.keepsFetchState { try await self.mergeFetchState(pages, on: connection) }
            for letter in letters { try await self.upsert(letter, on: connection) }
        }
    }

    private func merge(_ pages: [PageRows], on connection: PostgresConnection) async throws {
        let allIDs = pages.map(\.pageID)
        // A page stored with this very record needs nothing more: only its id and hash cross the wire, so
        // a rerun over unchanged input costs one query per batch instead of the whole records. The same
        // statement clears the pages' dead letters: every statement is a round trip the batch waits for.
        var stored: [String: String] = [:]
        let rows = try await connection.query(
            """
            WITH cleared AS (DELETE FROM dead_letters WHERE page_id = ANY(\(allIDs)))
            SELECT page_id, record_sha256 FROM pages WHERE page_id = ANY(\(allIDs))
            """, logger: logger)
        for try await (pageID, hash) in rows.decode((String, String).self) { stored[pageID] = hash }
        let pending = pages.filter { stored[$0.pageID] != $0.recordSHA256 }
        guard !pending.isEmpty else { return }
        var affected: Set<String>
        if method.loadsWholeTables {
            // A first load is mostly pages the database has never seen: they go straight into the tables,
            // each row parsed and stored once, instead of through the staging tables and an upsert.
            let fresh = pending.filter { stored[$0.pageID] == nil }.sorted { $0.pageID < $1.pageID }
            affected = fresh.isEmpty ? [] : try await insertFresh(fresh, on: connection)
            let changed = pending.filter { stored[$0.pageID] != nil }
            if !changed.isEmpty { affected.formUnion(try await upsertChanged(changed, on: connection)) }
        } else {
            affected = try await upsertChanged(pending, on: connection)
        }
        guard !affected.isEmpty else { return }
        try await refreshEvents(affected.sorted(), on: connection)
    }

    /// Pages with no row yet, sorted by `page_id`, copied into `pages`, `entities` and `event_pages`
    /// directly; returns the events they report.
    ///
    /// Another writer may insert one of these pages between the look-up and the copy (overlapping
    /// shards). The copy then fails on the page's key, the whole batch rolls back, and the retry finds
    /// the page stored and compares hashes as for any stored page (``PostgresFailure/isConflict(_:)``).
    /// Children left without their page (a page row deleted by hand) are cleared first, as the upsert
    /// path clears a changed page's children, so both paths end with the same rows.
    private func insertFresh(_ pages: [PageRows], on connection: PostgresConnection) async throws -> Set<String> {
        let parts = BatchParts.split(pages, limit: partBytes)
        for part in parts { try await load(PagesBatch(pages: part, runID: runID), into: "pages", on: connection) }
        let ids = pages.map(\.pageID)
        var affected = Set(
            try await connection.values(
                """
                WITH orphans AS (DELETE FROM entities WHERE page_id = ANY(\(ids)))
                DELETE FROM event_pages WHERE page_id = ANY(\(ids)) RETURNING event_id
                """, as: String.self, logger: logger))
        for part in parts {
            try await load(EntitiesBatch(pages: part), into: "entities", on: connection)
            try await load(EventLinksBatch(pages: part), into: "event_pages", on: connection)
        }
        for page in pages { affected.formUnion(page.events.map(\.eventID)) }
        return affected
    }

    /// Pages that have a row with another record: staged, then merged by `page_id`; their entities and
    /// event links are replaced. Returns the events they report, before or now.
    private func upsertChanged(_ pages: [PageRows], on connection: PostgresConnection) async throws -> Set<String> {
        for part in BatchParts.split(pages, limit: partBytes) {
            try await stage(PagesBatch(pages: part, runID: runID), on: connection)
            try await stage(EntitiesBatch(pages: part), on: connection)
            try await stage(EventLinksBatch(pages: part), on: connection)
        }
        let changed = try await connection.values(
            """
            INSERT INTO pages AS p (page_id, url, sha256, title, published, language, text, schema_version, record_json,
                                    record_sha256, first_run_id, changed_run_id)
            SELECT page_id, url, sha256, title, published, language, text, schema_version, record_json, record_sha256,
                   first_run_id, changed_run_id
            FROM stage_pages ORDER BY page_id
            ON CONFLICT (page_id) DO UPDATE SET
                url = excluded.url, sha256 = excluded.sha256, title = excluded.title, published = excluded.published,
                language = excluded.language, text = excluded.text, schema_version = excluded.schema_version,
                record_json = excluded.record_json, record_sha256 = excluded.record_sha256,
                changed_run_id = excluded.changed_run_id
            WHERE p.record_sha256 <> excluded.record_sha256
            RETURNING page_id
            """, as: String.self, logger: logger)
        guard !changed.isEmpty else { return [] }

        try await connection.perform("DELETE FROM entities WHERE page_id = ANY(\(changed))", logger: logger)
        try await connection.perform(
            // A semi-join on the set of ids, not `= ANY(array)`, which compares every staged row with every id.
            """
            INSERT INTO entities SELECT * FROM stage_entities WHERE page_id IN (SELECT unnest(\(changed)::text[]))
            ORDER BY page_id, ordinal
            """,
            logger: logger)
        var affected = Set(
            try await connection.values(
                "DELETE FROM event_pages WHERE page_id = ANY(\(changed)) RETURNING event_id", as: String.self, logger: logger))
        let added = try await connection.values(
            """
            INSERT INTO event_pages SELECT * FROM stage_links WHERE page_id IN (SELECT unnest(\(changed)::text[]))
            ORDER BY event_id, page_id
            RETURNING event_id
            """, as: String.self, logger: logger)
        affected.formUnion(added)
        return affected
    }

    /// Recomputes each event in `events` (sorted) from the links that report it now.
    private func refreshEvents(_ events: [String], on connection: PostgresConnection) async throws {
        try await connection.perform(
            """
            SELECT count(pg_advisory_xact_lock(key))
            FROM (SELECT hashtextextended('event:' || id, 0) AS key FROM unnest(\(events)::text[]) AS id ORDER BY id) AS keys
            """, logger: logger)
        // Events some page still reports are upserted, the others deleted: disjoint rows, so one
        // statement does both.
        try await connection.perform(
            """
            WITH gone AS (
                DELETE FROM events AS e WHERE e.event_id = ANY(\(events))
                AND NOT EXISTS (SELECT 1 FROM event_pages AS l WHERE l.event_id = e.event_id)
            )
            INSERT INTO events AS e (event_id, name, kind, starts, ends, precision, city, country, record_json,
                                     record_sha256, first_run_id, changed_run_id)
            SELECT DISTINCT ON (event_id) event_id, event_json->>'name', event_json->>'kind', event_json->>'start',
                   event_json->>'end', event_json->>'precision', event_json->'location'->>'city',
                   event_json->'location'->>'country', event_json, event_sha256, \(runID), \(runID)
            FROM event_pages WHERE event_id = ANY(\(events)) ORDER BY event_id, event_sha256, page_id
            ON CONFLICT (event_id) DO UPDATE SET
                name = excluded.name, kind = excluded.kind, starts = excluded.starts, ends = excluded.ends,
                precision = excluded.precision, city = excluded.city, country = excluded.country,
                record_json = excluded.record_json, record_sha256 = excluded.record_sha256,
                changed_run_id = excluded.changed_run_id
            WHERE e.record_sha256 <> excluded.record_sha256
            """, logger: logger)
    }

    /// Upserts the fetch state of every fetched page in the batch, changed or not: a 200 with a new ETag
    /// can carry the same page.
    private func mergeFetchState(_ pages: [PageRows], on connection: PostgresConnection) async throws {
        let states = pages.compactMap(\.fetchState)
        guard !states.isEmpty else { return }
        try await stage(FetchStatesBatch(states: states), on: connection)
        try await connection.perform(
            """
            INSERT INTO fetch_state AS f SELECT DISTINCT ON (url) * FROM stage_fetch ORDER BY url
            ON CONFLICT (url) DO UPDATE SET
                etag = excluded.etag, last_modified = excluded.last_modified, content_sha256 = excluded.content_sha256,
                http_status = excluded.http_status, fetched_at = excluded.fetched_at, page_id = excluded.page_id
            WHERE (f.etag, f.last_modified, f.content_sha256, f.http_status, f.fetched_at, f.page_id)
                IS DISTINCT FROM (excluded.etag, excluded.last_modified, excluded.content_sha256, excluded.http_status,
                                  excluded.fetched_at, excluded.page_id)
            """, logger: logger)
    }

    /// Loads every row of `rows` into `table` (one with `rows`' columns: the real table or its staging
    /// copy) with one of the two methods that load whole tables.
    private func load<Table: BatchTable>(_ rows: Table, into table: String, on connection: PostgresConnection) async throws {
        precondition(method.loadsWholeTables, "\(method) loads row by row")
        let count = rows.rowCount
        guard count > 0 else { return }
        if method == .copy {
            var encoder = CopyTextEncoder(capacity: 256 * count)
            rows.encode(into: &encoder)
            let data = encoder.buffer
            try await connection.copyFrom(table: table, columns: Table.columns.map(\.name), logger: logger) { writer in
                try await writer.write(data)
            }
        } else {
            var encoder = ColumnArrayEncoder(Table.columns, rows: count)
            rows.encode(into: &encoder)
            try await connection.perform(encoder.insert(into: table), logger: logger)
        }
    }

    /// Loads every row of `rows` into its session's staging table, with whichever method the batch uses.
    private func stage<Table: BatchTable>(_ rows: Table, on connection: PostgresConnection) async throws {
        guard !method.loadsWholeTables else { return try await load(rows, into: Table.staging.name, on: connection) }
        var encoder = RowBindingsEncoder(columns: Table.columns.count, rows: rows.rowCount)
        rows.encode(into: &encoder)
        for bindings in encoder.rows {
            for try await _ in try await connection.execute(StagedRowInsert<Table>(bindings: bindings), logger: logger) {}
        }
    }

    private func upsert(_ letter: DeadLetter, on connection: PostgresConnection) async throws {
        let json = String(decoding: try RecordJSON.encode(letter), as: UTF8.self)
        try await connection.perform(
            """
            INSERT INTO dead_letters AS d (page_id, run_id, url, stage, code, message, letter_json)
            VALUES (\(letter.pageID.rawValue), \(letter.runID), \(letter.source.url), \(letter.stage), \(letter.code),
                    \(letter.message), \(json)::text::jsonb)
            ON CONFLICT (page_id) DO UPDATE SET
                run_id = excluded.run_id, url = excluded.url, stage = excluded.stage, code = excluded.code,
                message = excluded.message, letter_json = excluded.letter_json
            WHERE (d.stage, d.code, d.message, d.url) IS DISTINCT FROM (excluded.stage, excluded.code, excluded.message, excluded.url)
            """, logger: logger)
    }
}
