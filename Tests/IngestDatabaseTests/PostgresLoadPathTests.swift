import Foundation
import IngestCore
@testable import IngestPostgres
import IngestSinks
import IngestTestSupport
import Testing

/// PostgreSQL only: new pages are loaded straight into the tables, stored ones staged and merged. Both
/// paths, and a batch that mixes them, must leave the rows the staging path alone leaves.
@Suite(.enabled(if: PostgresTestServer.isEnabled)) struct PostgresLoadPathTests {
    /// Eight pages, then a second run with three of them unchanged, three changed (one of which stops
    /// reporting its event and loses an entity) and four new ones, in an order that mixes all three in
    /// every batch of five.
    static func runs() throws -> (first: [EncodedRecord], second: [EncodedRecord]) {
        let first = try SyntheticPages.records(count: 8, events: 3)
        var changed = try (3..<6).map { try SyntheticPages.record(index: $0, events: 3, variant: "moved") }
        var withdrawn = changed[2].record
        withdrawn.events = []
        withdrawn.entities.removeLast()
        changed[2] = try EncodedRecord(record: withdrawn)
        let fresh = try (8..<12).map { try SyntheticPages.record(index: $0, events: 4) }
        let second = [fresh[0], first[0], changed[0], fresh[1], first[1], changed[1], fresh[2], first[2], changed[2], fresh[3]]
        return (first, second)
    }

    @Test(
        "a batch of new, changed and unchanged pages leaves the rows the staging path leaves",
        arguments: PostgresLoadMethod.allCases.filter(\.loadsWholeTables))
    func mixedBatch(_ method: PostgresLoadMethod) async throws {
        let (first, second) = try Self.runs()
        let staged = try await TestDatabase.make(.postgres, label: "staged")
        try await staged.write(first, runID: "r_1", loadMethod: .prepared)
        try await staged.write(second, runID: "r_2", loadMethod: .prepared)
        let loaded = try await TestDatabase.make(.postgres, label: "loaded")
        try await loaded.write(first, runID: "r_1", loadMethod: method)
        let afterFirst = try await loaded.contents()
        try await loaded.write(second, runID: "r_2", loadMethod: method)
        let expected = try await staged.contents()
        #expect(try await loaded.contents() == expected)
        #expect(expected["pages"]?.count == 12)
        #expect(expected["events"]?.count == 4)
        // Unchanged pages keep their run; changed and new ones carry the second.
        #expect(try await loaded.rows("SELECT changed_run_id, count(*) FROM pages GROUP BY 1 ORDER BY 1") == [["r_1", "5"], ["r_2", "7"]])
        #expect(try await loaded.rows("SELECT count(*) FROM entities WHERE page_id = '\(second[8].record.pageID.rawValue)'") == [["1"]])
        // A rerun of the second run changes nothing.
        try await loaded.write(second, runID: "r_3", loadMethod: method)
        #expect(try await loaded.contents() == expected)
        #expect(afterFirst["pages"]?.count == 8)
    }

    /// Parts of one page each: every table of every batch is loaded in several statements or copies.
    @Test("a batch loaded in parts leaves the rows of a batch loaded at once", arguments: PostgresLoadMethod.allCases)
    func loadedInParts(_ method: PostgresLoadMethod) async throws {
        let (first, second) = try Self.runs()
        let whole = try await TestDatabase.make(.postgres, label: "whole")
        try await whole.write(first, runID: "r_1", loadMethod: method)
        try await whole.write(second, runID: "r_2", loadMethod: method)
        let parts = try await TestDatabase.make(.postgres, label: "parts")
        try await parts.write(first, runID: "r_1", loadMethod: method, partBytes: 1)
        try await parts.write(second, runID: "r_2", loadMethod: method, partBytes: 1)
        #expect(try await parts.contents() == whole.contents())
    }

    @Test("entities and event links left without their page are replaced when the page arrives new")
    func orphanedChildren() async throws {
        let records = try SyntheticPages.records(count: 6, events: 2)
        let reference = try await TestDatabase.make(.postgres, label: "reference")
        try await reference.write(records, runID: "r_1")
        let database = try await TestDatabase.make(.postgres)
        try await database.write(records, runID: "r_1")
        // Page rows removed by hand leave their children behind; the next run sees those pages as new.
        try await database.execute("DELETE FROM pages WHERE page_id IN (SELECT page_id FROM pages ORDER BY page_id LIMIT 3)")
        try await database.write(records, runID: "r_1")
        #expect(try await database.contents() == reference.contents())
    }

    @Test("LZ4 compresses the long values a session stores, where the server has it")
    func compression() async throws {
        let database = try await TestDatabase.make(.postgres)
        var record = try SyntheticPages.record(index: 0).record
        record.text = String(repeating: "Cluster forum in Valencia. ", count: 400)
        // `record_json` no longer carries the text; long warnings make it long enough to compress.
        record.warnings = [StageWarning(stage: "strip", code: "long", message: String(repeating: "Kept a table of sessions. ", count: 200))]
        try await database.write([try EncodedRecord(record: record)], runID: "r_1")
        let available = try await database.rows("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        let methods = try await database.rows("SELECT pg_column_compression(text), pg_column_compression(record_json) FROM pages")
        #expect(methods == [available == [["t"]] ? ["lz4", "lz4"] : ["pglz", "pglz"]])
        #expect(try await database.rows("SELECT p.text = r.record_json->>'text' FROM page_records r JOIN pages p USING (page_id)") == [["t"]])
    }

    @Test("a new page another writer inserts first makes the batch roll back and run again", .timeLimit(.minutes(4)))
    func racedInsert() async throws {
        let records = try SyntheticPages.records(count: 4)
        let reference = try await TestDatabase.make(.postgres, label: "reference")
        try await reference.write(records, runID: "r_1")
        let database = try await TestDatabase.make(.postgres)
        try await database.migrate()
        let gateKey = 0x7261_6365
        // The gate holds a lock that the other writer needs before it commits, so its new page stays
        // uncommitted, and its key taken, until the test lets it go.
        let gate = try Self.psql(database, ["SELECT pg_advisory_lock(\(gateKey))", "SELECT pg_sleep(120)"])
        defer { if gate.isRunning { gate.terminate() } }
        try await PostgresFaultTests.waitFor(database, Self.heldAdvisoryLock)
        let page = records[2].record.pageID.rawValue
        let other = try Self.psql(database, [
            "BEGIN",
            """
            INSERT INTO pages (page_id, url, sha256, text, schema_version, record_json, record_sha256, first_run_id, changed_run_id)
            VALUES ('\(page)', 'https://example.org/other', 'other', 'other', 1, '{}', 'other', 'r_0', 'r_0')
            """,
            "SELECT pg_advisory_lock_shared(\(gateKey))", "COMMIT",
        ])
        defer { if other.isRunning { other.terminate() } }
        try await PostgresFaultTests.waitFor(
            database, "SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()")
        let writing = Task { try await database.write(records, runID: "r_1") }
        // The sink's copy waits on the other writer's uncommitted key; then the other writer commits.
        try await PostgresFaultTests.waitFor(database, "SELECT 1 FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted")
        _ = try await database.rows(
            "SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND l.mode = 'ExclusiveLock' AND d.datname = current_database() AND l.pid <> pg_backend_pid()")
        try await writing.value
        other.waitUntilExit()
        #expect(other.terminationStatus == 0)
        // The page the other writer stored differs from this run's, so the retry replaced it.
        #expect(try await database.contents(withoutRunColumns: true) == reference.contents(withoutRunColumns: true))
    }

    static let heldAdvisoryLock =
        "SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()"

    static func psql(_ database: TestDatabase, _ statements: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", database.location, "-X", "-q", "-v", "ON_ERROR_STOP=1"] + statements.flatMap { ["-c", $0] }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
