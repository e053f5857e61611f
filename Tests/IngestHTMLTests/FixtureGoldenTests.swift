import Foundation
import IngestCore
import IngestFetch
import IngestHTML
import IngestLanguage
import IngestText
import IngestTestSupport
import Logging
import Testing

/// Runs the default stages over every page in `Fixtures/pages` and compares each outcome, record or
/// dead letter, with its golden file in `Fixtures/expected` (`UPDATE_GOLDEN=1` rewrites them).
@Suite struct FixtureGoldenTests {
    struct Outcomes {
        var records: [String: PageRecord] = [:]
        var deadLetters: [String: DeadLetter] = [:]
        var summary: RunSummary
    }

    /// One run over the fixtures, shared by every test in the suite.
    static let fixtureRun = Task { try await run() }

    static func runFixtures() async throws -> Outcomes {
        try await fixtureRun.value
    }

    private static func run() async throws -> Outcomes {
        let sink = InMemorySink()
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "events", stages: [HTMLStrip(), MojibakeRepair(), LanguageDetection()]), options: RunOptions(concurrency: 2, runID: "r_golden"),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let summary = try await runner.run(reader: try LocalFileReader(inputs: [.path(FixturePaths.pages.path)]), sinks: [sink])
        var outcomes = Outcomes(summary: summary)
        for encoded in await sink.records {
            outcomes.records[String(encoded.record.source.url.dropFirst("file:".count))] = encoded.record
        }
        for letter in await sink.deadLetters {
            outcomes.deadLetters[String(letter.source.url.dropFirst("file:".count))] = letter
        }
        return outcomes
    }

    /// The golden form of an outcome: pretty, sorted JSON, without the file's modification time, which
    /// a fresh clone does not preserve.
    static func golden(record: PageRecord?, deadLetter: DeadLetter?) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        if var record {
            record.source.fetchedAt = nil
            return String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
        }
        guard let deadLetter else { return "" }
        let fields = ["dead_letter": ["stage": deadLetter.stage, "code": deadLetter.code, "message": deadLetter.message]]
        return String(decoding: try encoder.encode(fields), as: UTF8.self) + "\n"
    }

    @Test("each fixture's record or dead letter matches its golden file", arguments: FixturePaths.pageNames())
    func matchesGolden(_ name: String) async throws {
        let outcomes = try await Self.runFixtures()
        let actual = try Self.golden(record: outcomes.records[name], deadLetter: outcomes.deadLetters[name])
        #expect(!actual.isEmpty, "no outcome for \(name)")
        let golden = try GoldenFile.check(actual, against: name.replacingOccurrences(of: ".html", with: ".json"))
        #expect(golden == actual, "\(name) differs from its golden file; run UPDATE_GOLDEN=1 swift test to review")
    }

    @Test("bad inputs become dead letters with a clear reason", arguments: [
        ("empty.html", "empty-input", "the input is empty"),
        ("binary-garbage.html", "not-text", "binary, not text"),
    ])
    func deadLetters(_ name: String, _ code: String, _ message: String) async throws {
        let letter = try #require(try await Self.runFixtures().deadLetters[name])
        #expect(letter.stage == "strip")
        #expect(letter.code == code)
        #expect(letter.message.contains(message))
    }

    @Test("parseable bad markup and legacy encodings become records", arguments: [
        ("nested-divs.html", "Deeply nested content survives.", "utf-8"),
        ("unclosed-tags.html", "Members surveyed | 84", "utf-8"),
        ("bg-windows-1251-meta.html", "в Пловдив се проведе", "windows-1251"),
        ("pl-iso-8859-2.html", "W środę w Łodzi", "iso-8859-2"),
        ("utf8-meta-says-latin1.html", "Делегація Українського кластерного альянсу", "utf-8"),
    ])
    func records(_ name: String, _ excerpt: String, _ encoding: String) async throws {
        let record = try #require(try await Self.runFixtures().records[name])
        #expect(record.text.contains(excerpt))
        #expect(record.encoding?.used == encoding)
    }

    @Test("a page whose meta lies is read as UTF-8, and the disagreement is a warning")
    func lyingMetaWarns() async throws {
        let record = try #require(try await Self.runFixtures().records["utf8-meta-says-latin1.html"])
        #expect(record.encoding?.declared == "meta: iso-8859-1")
        #expect(record.encoding?.detected == "utf-8")
        #expect(record.encoding?.used == "utf-8")
        #expect(record.encoding.map { $0.confidence > 0.5 && $0.confidence < 1 } == true)
        #expect(record.warnings.contains { $0.stage == "strip" && $0.code == "charset" && $0.message.contains("bytes are valid UTF-8") })
    }

    @Test("an undeclared windows-1251 page is detected and reads as Bulgarian")
    func undeclaredLegacyPage() async throws {
        let record = try #require(try await Self.runFixtures().records["bg-windows-1251-no-meta.html"])
        #expect(record.encoding?.used == "windows-1251")
        #expect(record.encoding?.detected == "windows-1251")
        #expect(record.text.contains("в Пловдив се проведе"))
    }

    @Test("seed 002's mojibake is repaired in the record, and the repair is listed")
    func seed002Repaired() async throws {
        let record = try #require(try await Self.runFixtures().records["seed-002-wordpress-ro.html"])
        #expect(record.text.contains("21-23 November 2023 in Iași, the largest university campus"))
        #expect(record.text.contains("“Supporting clusters could have a multiplying effect on improving regional competitiveness” believes"))
        #expect(!record.text.contains("โ€"))
        #expect(record.encoding?.repairs.first?.chain == "utf-8 read as windows-874")
    }

    @Test("the fixture run adds up: every page is a record or a dead letter")
    func summaryAddsUp() async throws {
        let outcomes = try await Self.runFixtures()
        #expect(outcomes.summary.addsUp)
        #expect(outcomes.summary.inputs == FixturePaths.pageNames().count)
        #expect(outcomes.summary.deadLetters == 2)
    }
}
