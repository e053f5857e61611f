import Foundation
import IngestCore
import IngestEvents
import IngestFetch
import IngestHTML
import IngestTestSupport
import IngestText
import Logging
import Testing

/// The events stage in a real run over every fixture page, after strip and repair, with the entities the
/// pipeline provides: event names come from the text alone, and pages without an event get none.
@Suite struct PipelineEventTests {
    static let run = Task { () throws -> [String: PageRecord] in
        let sink = InMemorySink()
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "events", stages: [HTMLStrip(), MojibakeRepair(), EventExtractor()]),
            options: RunOptions(concurrency: 2, runID: "r_events"), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let summary = try await runner.run(reader: try LocalFileReader(inputs: [.path(FixturePaths.pages.path)]), sinks: [sink])
        #expect(summary.addsUp)
        var records: [String: PageRecord] = [:]
        for encoded in await sink.records { records[String(encoded.record.source.url.dropFirst("file:".count))] = encoded.record }
        return records
    }

    @Test("the seed pages' events are found by name in a full run", arguments: [
        ("seed-000-wix.html", ["Regional Cluster Initiatives"]),
        ("seed-001-wordpress-bg.html", ["Grow your Region"]),
        ("seed-002-wordpress-ro.html", ["Clusters Meet Regions"]),
        ("seed-003-wordpress-pl.html", ["Europejska Konferencja Klastrów"]),
        ("seed-004-modus.html", ["Clusters Meet Region", "Polish Cluster Congress"]),
        ("event-en-grow-your-region.html", ["Grow your Region"]),
    ])
    func names(_ page: String, _ names: [String]) async throws {
        let record = try #require(try await Self.run.value[page])
        #expect(record.events.map(\.name) == names)
        #expect(record.events.allSatisfy { $0.sourcePageIDs == [record.pageID] })
    }

    @Test("pages that report no event get an empty list", arguments: FixturePaths.pageNames().filter { $0.hasPrefix("noevent-") })
    func none(_ page: String) async throws {
        let record = try #require(try await Self.run.value[page])
        #expect(record.events.isEmpty)
    }

    @Test("schema.org Event data on the site pages becomes events with their dates and countries")
    func structuredData() async throws {
        let records = try await Self.run.value
        for page in ["site-wordpress-elementor-bg.html", "site-joomla-uk.html", "site-drupal-pl.html", "site-squarespace-en.html"] {
            let record = try #require(records[page])
            #expect(record.events.contains { $0.start != nil && $0.location?["country"] != nil }, "\(page)")
        }
    }
}
