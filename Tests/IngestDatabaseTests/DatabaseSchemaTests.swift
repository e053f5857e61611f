import Foundation
import IngestCore
import IngestSinks
import Testing

@Suite struct DatabaseSchemaTests {
    static let backends = TestDatabase.Backend.enabled

    @Test("migrate creates every table at this build's version, and again is a no-op", arguments: backends)
    func migrateEmpty(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        try await database.migrate()
        #expect(try await database.version() == DatabaseSchema.version)
        for table in ["runs", "pages", "entities", "events", "event_pages", "dead_letters", "fetch_state", "shard_completions"] {
            #expect(try await database.rows("SELECT count(*) FROM \(table)") == [["0"]], "\(table)")
        }
        try await database.migrate()
        #expect(try await database.version() == DatabaseSchema.version)
    }

    @Test("fetch state and shard completions have the columns the fetch stage reads", arguments: backends)
    func stateTables(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        try await database.migrate()
        try await database.execute(
            """
            INSERT INTO fetch_state (url, etag, last_modified, content_sha256, http_status, fetched_at, page_id)
            VALUES ('https://example.org/', '"v1"', 'Sun, 29 Nov 2026 10:00:00 GMT', 'ab', 200, '2026-11-29T10:00:00Z', 'p_1');
            INSERT INTO shard_completions (pipeline, input_key, shard_index, shard_count, run_id, completed_at)
            VALUES ('events', 'k', 0, 2, 'r_1', '2026-11-29T10:00:00Z')
            """)
        #expect(try await database.rows("SELECT etag, http_status FROM fetch_state") == [["\"v1\"", "200"]])
        await #expect(throws: (any Error).self) {
            try await database.execute(
                "INSERT INTO shard_completions (pipeline, input_key, shard_index, shard_count, run_id) VALUES ('events', 'k', 0, 2, 'r_2')")
        }
    }

    @Test("a database at an older version is refused until migrated, and keeps its rows", arguments: backends)
    func olderRefusedThenMigrated(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        try await database.migrate(to: 1)
        try await database.execute(
            """
            INSERT INTO pages (page_id, url, sha256, text, schema_version, record_json, record_sha256, first_run_id, changed_run_id)
            VALUES ('p_old', 'https://example.org/old', 'aa', 'old text', 1, '{}', 'bb', 'r_0', 'r_0')
            """)
        await #expect {
            _ = try await database.sink(runID: "r_1")
        } throws: { error in
            guard let error = error as? RunError else { return false }
            return error.exitStatus == .config
                && error.message.contains("schema version 1, older than this build's (\(DatabaseSchema.version)); run `ingest db migrate")
        }
        try await database.migrate()
        #expect(try await database.version() == DatabaseSchema.version)
        #expect(try await database.rows("SELECT page_id, text FROM pages") == [["p_old", "old text"]])
        try await database.write(try SyntheticPages.records(count: 2), runID: "r_1")
        #expect(try await database.rows("SELECT count(*) FROM pages") == [["3"]])
    }

    @Test("version 3 adds the index that picks an event's row, to a version 2 database with links", arguments: backends)
    func eventPickIndex(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        try await database.migrate(to: 2)
        try await database.execute(
            """
            INSERT INTO event_pages (event_id, page_id, event_json, event_sha256)
            VALUES ('e_1', 'p_1', '{"name": "a"}', 'bb'), ('e_1', 'p_2', '{"name": "b"}', 'aa')
            """)
        try await database.migrate()
        #expect(try await database.version() == DatabaseSchema.version)
        #expect(try await database.rows("SELECT count(*) FROM event_pages") == [["2"]])
        switch backend {
        case .sqlite:
            let plan = try await database.rows(
                "EXPLAIN QUERY PLAN SELECT page_id FROM event_pages WHERE event_id = 'e_1' ORDER BY event_sha256, page_id LIMIT 1")
            let details = plan.compactMap(\.last).compactMap { $0 }
            #expect(details.contains { $0.contains("USING COVERING INDEX event_pages_pick") || $0.contains("USING INDEX event_pages_pick") },
                    "\(details)")
            #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
        case .postgres:
            #expect(try await database.rows(
                "SELECT indexdef LIKE '%(event_id, event_sha256, page_id)' FROM pg_indexes WHERE indexname = 'event_pages_pick'")
                == [["t"]])
        }
    }

    @Test("a database at a newer version is refused, by runs and by migrate", arguments: backends)
    func newerRefused(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        try await database.migrate()
        try await database.setVersion(DatabaseSchema.version + 7)
        let expected = "schema version \(DatabaseSchema.version + 7), newer than this build supports (\(DatabaseSchema.version)); upgrade ingest"
        await #expect {
            _ = try await database.sink(runID: "r_1")
        } throws: { error in
            (error as? RunError)?.exitStatus == .config && (error as? RunError)?.message.contains(expected) == true
        }
        await #expect {
            try await database.migrate()
        } throws: { error in
            (error as? RunError)?.exitStatus == .config && (error as? RunError)?.message.contains(expected) == true
        }
    }
}
