import IngestCore
import IngestSinks
import PostgresNIO

/// Server-side prepared statements that load one row into a staging table, for the `prepared` load
/// method. Each is parsed once per connection and then only bound and executed.
enum StageStatements {
    struct Page: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO stage_pages (page_id, url, sha256, title, published, language, text, schema_version,
                                     record_json, record_sha256, first_run_id, changed_run_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11, $11)
            """
        typealias Row = Void
        let rows: PageRows
        let runID: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 11)
            bindings.append(rows.pageID)
            bindings.append(rows.url)
            bindings.append(rows.sha256)
            bindings.append(rows.title)
            bindings.append(rows.published)
            bindings.append(rows.language)
            bindings.append(rows.text)
            bindings.append(rows.schemaVersion)
            bindings.append(String(decoding: rows.storedJSON, as: UTF8.self))
            bindings.append(rows.recordSHA256)
            bindings.append(runID)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
    }

    struct Entity: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO stage_entities (page_id, ordinal, type, text, span_start, span_end, normalised, confidence)
            VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8)
            """
        typealias Row = Void
        let pageID: String
        let entity: PageRows.EntityRow

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 8)
            bindings.append(pageID)
            bindings.append(entity.ordinal)
            bindings.append(entity.type)
            bindings.append(entity.text)
            bindings.append(entity.spanStart)
            bindings.append(entity.spanEnd)
            bindings.append(String(decoding: entity.normalisedJSON, as: UTF8.self))
            bindings.append(entity.confidence)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
    }

    struct Fetch: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO stage_fetch (url, etag, last_modified, content_sha256, http_status, fetched_at, page_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """
        typealias Row = Void
        let state: FetchState

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 7)
            bindings.append(state.url)
            bindings.append(state.etag)
            bindings.append(state.lastModified)
            bindings.append(state.contentSHA256)
            bindings.append(state.httpStatus)
            bindings.append(state.fetchedAt)
            bindings.append(state.pageID?.rawValue)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
    }

    struct Link: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO stage_links (event_id, page_id, event_json, event_sha256) VALUES ($1, $2, $3::text::jsonb, $4)
            """
        typealias Row = Void
        let pageID: String
        let link: PageRows.EventLink

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 4)
            bindings.append(link.eventID)
            bindings.append(pageID)
            bindings.append(String(decoding: link.json, as: UTF8.self))
            bindings.append(link.sha256)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
    }
}
