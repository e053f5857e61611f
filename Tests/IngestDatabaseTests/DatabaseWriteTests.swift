import Foundation
import IngestCore
import IngestFetch
import IngestHTML
import IngestSinks
import IngestTestSupport
import Logging
import Testing

@Suite struct DatabaseWriteTests {
    static let backends = TestDatabase.Backend.enabled

    @Test("pages, entities, events and their links are written, and a rerun changes nothing", arguments: backends)
    func rerunChangesNothing(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        let records = try SyntheticPages.records(count: 12)
        let letter = DeadLetter(
            runID: "r_1", pageID: PageID(canonicalSource: "https://example.org/broken"),
            source: SourceRef(url: "https://example.org/broken"), stage: "strip", code: "empty-input", message: "no bytes")
        try await database.write(records, runID: "r_1", deadLetters: [letter])
        let first = try await database.contents()
        #expect(first["pages"]?.count == 12)
        #expect(first["entities"]?.count == 24)
        #expect(first["events"]?.count == 3)
        #expect(first["event_pages"]?.count == 12)
        #expect(first["dead_letters"]?.count == 1)
        #expect(try await database.rows("SELECT event_id, name, kind, starts, ends, precision, city, country FROM events ORDER BY event_id") == [
            ["e_0", "Cluster Forum 0", "forum", "2026-05-10", "2026-05-11", "day", "Valencia", "ES"],
            ["e_1", "Cluster Forum 1", "forum", "2026-05-11", "2026-05-12", "day", "Prague", "CZ"],
            ["e_2", "Cluster Forum 2", "forum", "2026-05-12", "2026-05-13", "day", "Prague", "CZ"],
        ])
        try await database.write(records, runID: "r_2", deadLetters: [letter])
        #expect(try await database.contents() == first)
        #expect(try await database.rows("SELECT DISTINCT changed_run_id FROM pages") == [["r_1"]])
        #expect(try await database.rows("SELECT DISTINCT changed_run_id FROM events") == [["r_1"]])
        #expect(try await database.rows("SELECT run_id, records FROM runs ORDER BY run_id") == [["r_1", "12"], ["r_2", "12"]])
    }

    @Test("the rows do not depend on the order pages are written in", arguments: backends)
    func orderIndependent(_ backend: TestDatabase.Backend) async throws {
        let records = try SyntheticPages.records(count: 9)
        let forward = try await TestDatabase.make(backend, label: "forward")
        try await forward.write(records, runID: "r_1")
        let backward = try await TestDatabase.make(backend, label: "backward")
        try await backward.write(records.reversed(), runID: "r_1")
        try await backward.write(Array(records.prefix(4)), runID: "r_1")
        #expect(try await forward.contents() == backward.contents())
    }

    @Test("a changed page replaces its entities and event links; an event no page reports any more goes", arguments: backends)
    func replacedPage(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        try await database.write(try SyntheticPages.records(count: 4, events: 4), runID: "r_1")
        #expect(try await database.rows("SELECT count(*) FROM events") == [["4"]])
        var changed = try SyntheticPages.record(index: 3, events: 4, variant: "moved")
        changed.record.entities.removeLast()
        changed.record.events = []
        changed = try EncodedRecord(record: changed.record)
        try await database.write([changed], runID: "r_2")
        let pageID = changed.record.pageID.rawValue
        #expect(try await database.rows("SELECT ordinal, type FROM entities WHERE page_id = '\(pageID)'") == [["0", "place"]])
        #expect(try await database.rows("SELECT count(*) FROM event_pages WHERE page_id = '\(pageID)'") == [["0"]])
        #expect(try await database.rows("SELECT event_id FROM events ORDER BY event_id") == [["e_0"], ["e_1"], ["e_2"]])
        #expect(try await database.rows("SELECT changed_run_id FROM pages WHERE page_id = '\(pageID)'") == [["r_2"]])
    }

    @Test("the events row follows the lowest-hashed JSON among the pages that still report it", arguments: backends)
    func eventRowFollowsLinks(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        let records = try SyntheticPages.records(count: 6, events: 1)
        try await database.write(records, runID: "r_1")
        let chosen = try await database.rows("SELECT record_sha256 FROM events")
        let lowest = try await database.rows("SELECT min(event_sha256) FROM event_pages")
        #expect(chosen == lowest)
        // Withdraw the event from the page whose JSON was chosen: the row moves to the next lowest.
        let holder = try await database.rows("SELECT page_id FROM event_pages WHERE event_sha256 = (SELECT min(event_sha256) FROM event_pages)")
        let index = try #require(records.firstIndex { $0.record.pageID.rawValue == holder.first?.first })
        var withdrawn = records[index].record
        withdrawn.events = []
        try await database.write([try EncodedRecord(record: withdrawn)], runID: "r_2")
        #expect(try await database.rows("SELECT record_sha256 FROM events") == database.rows("SELECT min(event_sha256) FROM event_pages"))
        #expect(try await database.rows("SELECT changed_run_id FROM events") == [["r_2"]])
    }

    @Test("the fixtures through strip: a rerun of the whole pipeline changes no row", arguments: backends)
    func pipelineRerun(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        let first = try await Self.runFixtures(into: database, runID: "r_1")
        let before = try await database.contents()
        let second = try await Self.runFixtures(into: database, runID: "r_2")
        #expect(first.records == second.records && first.deadLetters == second.deadLetters)
        #expect(before["pages"]?.count == first.records)
        #expect(before["dead_letters"]?.count == first.deadLetters)
        #expect(try await database.contents() == before)
    }

    static func runFixtures(into database: TestDatabase, runID: String) async throws -> RunSummary {
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "events", stages: [HTMLStrip()]), options: RunOptions(concurrency: 2, runID: runID),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        return try await runner.run(
            reader: try LocalFileReader(inputs: [.path(FixturePaths.pages.path)]), sinks: [try await database.sink(runID: runID)])
    }
}
