import Foundation
import IngestCore
import IngestEvents
import IngestSinks
import IngestTestSupport
import Testing

/// The JSON Lines sink writes the run's events beside the page records, one line per event, merged
/// across the pages that report it.
@Suite struct EventSinkTests {
    @Test("two pages about one event give one line with both page ids, whatever order they arrive in")
    func mergesAcrossPages() async throws {
        let bulgarian = try await FixturePage.events("seed-001-wordpress-bg.html")
        let english = try await FixturePage.events("event-en-grow-your-region.html")
        let seed004 = try await FixturePage.events("seed-004-modus.html")
        var outputs: [String] = []
        for order in [[bulgarian, english, seed004], [seed004, english, bulgarian]] {
            let directory = try FixturePaths.temporaryDirectory()
            let records = directory.appendingPathComponent("pages.jsonl").path
            let eventsPath = try #require(JSONLSink.eventsPath(besideRecords: records))
            #expect(eventsPath.hasSuffix("pages.events.jsonl"))
            let sink = try JSONLSink(recordsPath: records, deadLettersPath: nil, eventsPath: eventsPath)
            for page in order {
                try await sink.write(try EncodedRecord(record: PageRecord(document: page.document, pipeline: PipelineInfo(name: "events", version: "test", stages: []))))
            }
            try await sink.finish(summary: RunSummary(runID: "r_events", pipeline: "events", stageNames: []))
            outputs.append(try String(contentsOfFile: eventsPath, encoding: .utf8))
        }
        #expect(outputs[0] == outputs[1])
        let lines = outputs[0].split(separator: "\n")
        #expect(lines.count == 3)
        let events = try lines.map { try JSONDecoder().decode(EventRecord.self, from: Data($0.utf8)) }
        let grow = try #require(events.first { $0.name == "Grow your Region" })
        #expect(Set(grow.sourcePageIDs) == [bulgarian.document.id, english.document.id])
        #expect(events.filter { $0.sourcePageIDs.count == 1 }.count == 2)
    }

    @Test("standard output has no events file beside it")
    func noEventsBesideStandardOutput() {
        #expect(JSONLSink.eventsPath(besideRecords: "-") == nil)
        #expect(JSONLSink.eventsPath(besideRecords: "out/run.jsonl") == "out/run.events.jsonl")
    }
}
