import Foundation
import IngestCore
@testable import IngestPostgres
import IngestSinks
import IngestTestSupport
import Testing

/// PostgreSQL only: the two load methods, and a server that is away at start or goes away mid-run.
@Suite(.enabled(if: PostgresTestServer.isEnabled)) struct PostgresFaultTests {
    /// The rows of an undisturbed run that the disturbed ones must end with.
    static func reference(_ records: [EncodedRecord], label: String) async throws -> [String: [[String?]]] {
        let database = try await TestDatabase.make(.postgres, label: label)
        try await database.write(records, runID: "r_1")
        return try await database.contents()
    }

    @Test("every load method loads identical rows, escapes, NULLs and all", arguments: PostgresLoadMethod.allCases)
    func loadMethods(_ method: PostgresLoadMethod) async throws {
        var records = try SyntheticPages.records(count: 11)
        var tricky = records[0].record
        tricky.text = "tab\there\nnew line\r\nback\\slash \\N and \u{1F600} «Київ» Łódź"
        tricky.title = "\\N"
        records[0] = try EncodedRecord(record: tricky)
        records[1] = try EncodedRecord(
            record: records[1].record, fetchState: FetchState(url: records[1].record.source.url, etag: "W/\"a\tb\\N\"", httpStatus: 200))
        records[2] = try EncodedRecord(record: records[2].record, fetchState: FetchState(url: records[2].record.source.url))
        let database = try await TestDatabase.make(.postgres)
        try await database.write(records, runID: "r_1", loadMethod: method)
        #expect(try await database.contents() == Self.reference(records, label: "reference"))
        #expect(try await database.rows("SELECT text, title FROM pages WHERE page_id = '\(tricky.pageID.rawValue)'") == [[tricky.text, "\\N"]])
        #expect(try await database.rows("SELECT record_json->>'text' FROM page_records WHERE page_id = '\(tricky.pageID.rawValue)'") == [[tricky.text]])
        #expect(try await database.rows("SELECT etag, http_status, page_id FROM fetch_state ORDER BY url") == [
            ["W/\"a\tb\\N\"", "200", records[1].record.pageID.rawValue], [nil, nil, records[2].record.pageID.rawValue],
        ])
    }

    /// A statement prepared on a row whose value is NULL must still take the values of later rows: the
    /// parameter types come from the columns, not from whichever row a connection happened to see first.
    @Test("a NULL in a connection's first row does not fix a column's type for the rows after it", arguments: PostgresLoadMethod.allCases)
    func nullFirst(_ method: PostgresLoadMethod) async throws {
        let records = try SyntheticPages.records(count: 4).enumerated().map { index, encoded in
            try EncodedRecord(
                record: encoded.record,
                fetchState: FetchState(url: encoded.record.source.url, etag: index == 0 ? nil : "e\(index)", httpStatus: index == 0 ? nil : 200))
        }
        let database = try await TestDatabase.make(.postgres)
        try await database.write(records, runID: "r_1", loadMethod: method, batchSize: 2, writers: 1)
        #expect(try await database.rows("SELECT etag, http_status FROM fetch_state ORDER BY etag NULLS FIRST") == [
            [nil, nil], ["e1", "200"], ["e2", "200"], ["e3", "200"],
        ])
    }

    @Test("an unreachable server at start is retried, then reported as unavailable (exit 69)")
    func unreachableAtStart() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        await #expect {
            _ = try await PostgresSink(
                configuration: .init(url: try PostgresURL("postgres://ingest@127.0.0.1:1/none?sslmode=disable"), retry: .init(budget: .seconds(1))),
                runID: "r_1", pipeline: "events", logger: TestDatabase.logger)
        } throws: { error in
            guard let error = error as? RunError else { return false }
            return error.exitStatus == .unavailable && error.message.contains("is unreachable (")
        }
        #expect(clock.now - started >= .milliseconds(500))
    }

    /// Not `copy`: postgres-nio 1.33.2 can stop the process when the connection closes mid-copy (README).
    @Test(
        "a connection lost mid-run is re-opened and the batch retried: the rows are an undisturbed run's",
        arguments: [PostgresLoadMethod.unnest, .prepared])
    func connectionLostAndBack(_ method: PostgresLoadMethod) async throws {
        let records = try SyntheticPages.records(count: 20)
        let database = try await TestDatabase.make(.postgres)
        let sink = try await database.sink(runID: "r_1", loadMethod: method)
        for record in records.prefix(8) { try await sink.write(record) }
        try await database.terminateBackends()
        for record in records.dropFirst(8) { try await sink.write(record) }
        try await database.terminateBackends()
        try await sink.finish(summary: RunSummary(runID: "r_1", pipeline: "events", stageNames: []))
        #expect(try await database.contents() == Self.reference(records, label: "reference"))
    }

    @Test(
        "a connection lost while the schema is checked at start is opened again, not waited on for ever",
        .timeLimit(.minutes(4)))
    func connectionLostAtStart() async throws {
        let records = try SyntheticPages.records(count: 6)
        let database = try await TestDatabase.make(.postgres)
        // Another session holds the migration lock, so the sink's start-up waits inside its transaction.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "psql", database.location, "-X", "-q", "-c", "SELECT pg_advisory_lock(\(PostgresSchema.migrationLock))", "-c", "SELECT pg_sleep(60)",
        ]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        try await Self.waitFor(database, "SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()")

        // The budget counts from the first attempt, which waits on the lock while this test polls: on a
        // busy machine that alone can take longer than the usual five seconds.
        let starting = Task { try await database.sink(runID: "r_1", retryBudget: .seconds(90)) }
        try await Self.waitFor(database, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
        // The server drops the waiting session, then the lock holder goes too.
        _ = try await database.rows(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
        // The holder is found by the lock it holds, not by its statement: on a busy machine psql may not
        // have sent its second statement yet.
        _ = try await database.rows(
            "SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database() AND l.pid <> pg_backend_pid()")
        let sink = try await starting.value
        for record in records { try await sink.write(record) }
        try await sink.finish(summary: RunSummary(runID: "r_1", pipeline: "events", stageNames: []))
        #expect(try await database.contents() == Self.reference(records, label: "reference"))
    }

    /// Polls until `sql` returns a row, for at most a minute (each poll is a psql process, slow on a busy machine).
    static func waitFor(_ database: TestDatabase, _ sql: String) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if try await !database.rows(sql).isEmpty { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for: \(sql)")
    }

    @Test(
        "a server that stays away mid-run stops the run with a temporary failure (75); the rerun completes it exactly",
        arguments: [1, 2])
    func serverStaysAway(writers: Int) async throws {
        let records = try SyntheticPages.records(count: 24)
        let database = try await TestDatabase.make(.postgres, label: "serverStaysAway-\(writers)")
        let sink = try await database.sink(runID: "r_1", writers: writers)
        // Twelve records fill at least one batch of five on one of the connections.
        for record in records.prefix(12) { try await sink.write(record) }
        try await #require(sink as? PostgresSink).settleAll()
        #expect(try await database.rows("SELECT count(*) >= 5 FROM pages") == [["t"]])
        try await database.refuseConnections(true)
        await #expect {
            for record in records.dropFirst(12) { try await sink.write(record) }
            try await sink.finish(summary: RunSummary(runID: "r_1", pipeline: "events", stageNames: []))
        } throws: { error in
            guard let error = error as? RunError else { return false }
            return error.exitStatus == .tempFail && error.message.contains("processed again by the next run")
        }
        try await database.refuseConnections(false)
        // Only whole batches were committed, and not the run's last ones.
        let committed = Int(try await database.rows("SELECT count(*) FROM pages").first?.first??.description ?? "") ?? -1
        #expect(committed >= 5 && committed % 5 == 0 && committed < records.count, "\(committed) pages committed")
        try await database.write(records, runID: "r_2")
        let reference = try await Self.reference(records, label: "reference-\(writers)")
        #expect(try await database.contents(withoutRunColumns: true) == TestDatabase.withoutRunColumns(reference))
    }

    @Test("several connections give exactly the rows of one, pages repeated and changed across batches included", arguments: [2, 3])
    func writersAgreeWithOne(writers: Int) async throws {
        // Every page three times with different content, interleaved, so most pages change in several
        // batches of one run and the last record of each must win, as through one connection.
        let first = try SyntheticPages.records(count: 30)
        let second = try SyntheticPages.records(count: 30, variant: "changed")
        let third = try SyntheticPages.records(count: 20, variant: "again")
        var records: [EncodedRecord] = []
        for index in 0..<30 {
            records.append(first[index])
            if index >= 4 { records.append(second[index - 4]) }
            if index >= 10 { records.append(third[index - 10]) }
        }
        records += second.suffix(4)
        let letters = (100..<106).map { index in
            DeadLetter(
                runID: "r_1", pageID: PageID(canonicalSource: "https://example.org/broken/\(index)"),
                source: SourceRef(url: "https://example.org/broken/\(index)", bytes: 0, sha256: ""), stage: "decode",
                code: "empty-input", message: "the input is empty")
        }
        let one = try await TestDatabase.make(.postgres, label: "writersAgreeWithOne-one-\(writers)")
        try await one.write(records, runID: "r_1", deadLetters: letters, batchSize: 4, writers: 1)
        let several = try await TestDatabase.make(.postgres, label: "writersAgreeWithOne-several-\(writers)")
        try await several.write(records, runID: "r_1", deadLetters: letters, batchSize: 4, writers: writers)
        let expected = try await one.contents()
        #expect(try await several.contents() == expected)
        #expect(expected["pages"]?.count == 30)
        #expect(expected["dead_letters"]?.count == 6)
        // A rerun through several connections ends with the same rows (its earlier versions of a page are
        // written and replaced again on the way, as through one connection).
        try await several.write(records, runID: "r_2", deadLetters: letters, batchSize: 4, writers: writers)
        #expect(try await several.contents(withoutRunColumns: true) == TestDatabase.withoutRunColumns(expected))
    }
}
