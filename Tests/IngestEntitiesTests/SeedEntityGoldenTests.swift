import Foundation
import IngestCore
import IngestEntities
import IngestFetch
import IngestHTML
import IngestTestSupport
import IngestText
import Logging
import Testing

/// Runs strip, repair and entities over every fixture page and compares each page's entities and
/// entity warnings with `Fixtures/expected-entities/<page>.json` (`UPDATE_GOLDEN=1` rewrites them).
@Suite struct SeedEntityGoldenTests {
    static let fixtureRun = Task { try await run() }

    private static func run() async throws -> [String: PageRecord] {
        let sink = InMemorySink()
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "events", stages: [HTMLStrip(), MojibakeRepair(), EntityExtractor()]),
            options: RunOptions(concurrency: 2, runID: "r_entities"),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        _ = try await runner.run(reader: try LocalFileReader(inputs: [.path(FixturePaths.pages.path)]), sinks: [sink])
        var records: [String: PageRecord] = [:]
        for encoded in await sink.records {
            records[String(encoded.record.source.url.dropFirst("file:".count))] = encoded.record
        }
        return records
    }

    struct Golden: Encodable {
        var entities: [Entity]
        var warnings: [StageWarning]
    }

    static func golden(_ record: PageRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let golden = Golden(entities: record.entities, warnings: record.warnings.filter { $0.stage == EntityExtractor.name })
        return String(decoding: try encoder.encode(golden), as: UTF8.self) + "\n"
    }

    static var pagesWithText: [String] {
        FixturePaths.pageNames().filter { $0 != "empty.html" && $0 != "binary-garbage.html" }
    }

    @Test("each fixture page's entities match their golden file", arguments: pagesWithText)
    func matchesGolden(_ name: String) async throws {
        let record = try #require(try await Self.fixtureRun.value[name], "no record for \(name)")
        let actual = try Self.golden(record)
        let expected = try GoldenFile.check(actual, against: "../expected-entities/" + name.replacingOccurrences(of: ".html", with: ".json"))
        #expect(expected == actual, "\(name) entities differ from their golden file; run UPDATE_GOLDEN=1 swift test to review")
    }

    /// The dates and ranges the event records of the seed pages rest on.
    @Test("the seed pages' event dates are found and normalised", arguments: [
        ("seed-000-wix.html", "23 October", "2023-10-23", nil as String?),
        ("seed-001-wordpress-bg.html", "8-9 ноември 2017г.", "2017-11-08", "2017-11-09"),
        ("seed-002-wordpress-ro.html", "21-23 November 2023", "2023-11-21", "2023-11-23"),
        ("seed-003-wordpress-pl.html", "26 – 27 września 2022 r.", "2022-09-26", "2022-09-27"),
        ("seed-004-modus.html", "7.11. - 8.11.2022", "2022-11-07", "2022-11-08"),
    ])
    func seedDates(_ name: String, _ written: String, _ start: String, _ end: String?) async throws {
        let record = try #require(try await Self.fixtureRun.value[name])
        let entity = try #require(record.entities.first { $0.text == written })
        if let end {
            #expect(entity.type == "date_range")
            #expect(entity.normalised["start"] == .string(start))
            #expect(entity.normalised["end"] == .string(end))
        } else {
            #expect(entity.type == "date")
            #expect(entity.normalised["value"] == .string(start))
        }
    }
}
