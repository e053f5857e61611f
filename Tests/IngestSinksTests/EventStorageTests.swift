import Foundation
import IngestCore
import IngestEvents
import IngestFetch
import IngestHTML
import IngestSinks
import IngestTestSupport
import IngestText
import Logging
import Testing

/// Events found in a real run reach the SQLite `events` and `event_pages` tables and the JSON Lines
/// events file, and a second run over the same pages changes neither.
@Suite struct EventStorageTests {
    static func run(into directory: URL, runID: String) async throws {
        let sinks: [any RecordSink] = [
            try JSONLSink(
                recordsPath: directory.appendingPathComponent("pages.jsonl").path, deadLettersPath: nil,
                eventsPath: directory.appendingPathComponent("pages.events.jsonl").path),
            try SQLiteSink(path: directory.appendingPathComponent("ingest.sqlite").path, runID: runID, pipeline: "events"),
        ]
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "events", stages: [HTMLStrip(), MojibakeRepair(), EventExtractor()]),
            options: RunOptions(concurrency: 2, runID: runID), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        _ = try await runner.run(reader: try LocalFileReader(inputs: [.path(FixturePaths.pages.path)]), sinks: sinks)
    }

    @Test("a run fills the events tables and the events file, and a rerun changes nothing")
    func rerunChangesNothing() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let database = SQLiteRows(path: directory.appendingPathComponent("ingest.sqlite").path)
        try await Self.run(into: directory, runID: "r_first")
        let events = try database.rows("SELECT event_id, name, changed_run_id FROM events ORDER BY event_id")
        let links = try database.rows("SELECT event_id, page_id FROM event_pages ORDER BY event_id, page_id")
        let file = try String(contentsOf: directory.appendingPathComponent("pages.events.jsonl"), encoding: .utf8)
        #expect(events.count == file.split(separator: "\n").count)
        #expect(events.contains { $0[1] == "Grow your Region" })
        // Seed 001 and the English report of the same conference share one event and two links.
        let grow = try #require(events.first { $0[1] == "Grow your Region" }?[0])
        #expect(links.filter { $0[0] == grow }.count == 2)
        #expect(links.count > events.count)

        try await Self.run(into: directory, runID: "r_second")
        #expect(try database.rows("SELECT event_id, name, changed_run_id FROM events ORDER BY event_id") == events)
        #expect(try database.rows("SELECT event_id, page_id FROM event_pages ORDER BY event_id, page_id") == links)
        #expect(try String(contentsOf: directory.appendingPathComponent("pages.events.jsonl"), encoding: .utf8) == file)
    }
}
