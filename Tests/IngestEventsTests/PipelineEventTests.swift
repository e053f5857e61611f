import Foundation
import IngestCore
import IngestEntities
import IngestEvents
import IngestFetch
import IngestHTML
import IngestTestSupport
import IngestText
import Logging
import Testing

/// The events stage in a real run over every fixture page, after strip, repair and the entities stage:
/// the seed pages' events have the names, dates, places and counts the record contract lists, the merge
/// page joins seed 001's event, and pages without an event get none.
@Suite struct PipelineEventTests {
    static let run = Task { () throws -> [String: PageRecord] in
        let sink = InMemorySink()
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "events", stages: [HTMLStrip(), MojibakeRepair(), EntityExtractor(), EventExtractor()]),
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

    @Test("dates, places and participants of the fixture pages' events, from the entities stage", arguments: [
        ("seed-000-wix.html", 0, "--10-23", nil, "Vinnytsia", "UA", 70),
        ("seed-001-wordpress-bg.html", 0, "2017-11-08", "2017-11-09", "Valencia", "ES", 300),
        ("seed-002-wordpress-ro.html", 0, "2023-11-21", "2023-11-23", "Iasi", "RO", 205),
        ("seed-003-wordpress-pl.html", 0, "2022-09-26", "2022-09-27", "Prague", "CZ", nil),
        ("seed-004-modus.html", 0, "2022-11-07", "2022-11-08", "Katowice", "PL", nil),
        ("seed-004-modus.html", 1, "2022-11-07", "2022-11-08", "Katowice", "PL", nil),
        // Cities the gazetteer knew by a former or Russian name, or not at all (one of several words, one whose
        // English name is a common word, one its dictionary does not decline), and counts of representatives.
        ("site-joomla-uk.html", 0, "2024-04-16", "2024-04-17", "Poltava", "UA", 32),
        ("site-joomla3-bg.html", 0, "2023-11-07", nil, "Ruse", "BG", 90),
        ("site-tilda-uk.html", 0, "2024-05-21", nil, "Lutsk", "UA", 180),
        ("site-wordpress-elementor-bg.html", 0, "2024-04-16", nil, "Stara Zagora", "BG", 120),
        ("site-drupal-pl.html", 0, "2024-04-10", nil, "Rybnik", "PL", 150),
        // The fair's city is in the title, and in the text only in passing; a later sentence names the next fair's.
        // Its dates open the sentence naming it, cut off by the full stop of "2024 r." before a capital.
        ("site-wordpress-divi-pl.html", 0, "2024-03-19", "2024-03-20", "Bydgoszcz", "PL", 1800),
        // "открито тази сутрин" on a page of 12 October 2023, then "продължава до неделя, 15 октомври": the fair
        // opened that day and runs until the 15th, in its start's year; the 15th is no longer its start.
        ("site-news-portal-bg.html", 0, "2023-10-12", "2023-10-15", "Smolyan", "BG", nil),
    ] as [(String, Int, String, String?, String, String, Int?)])
    func fields(_ page: String, _ index: Int, _ start: String, _ end: String?, _ city: String, _ country: String, _ participants: Int?) async throws {
        let record = try #require(try await Self.run.value[page])
        try #require(record.events.count > index)
        let event = record.events[index]
        #expect(event.start == start)
        #expect(event.end == end)
        #expect(event.location?["city"] == .string(city))
        #expect(event.location?["country"] == .string(country))
        #expect(event.participants?["count"] == participants.map { .number(Double($0)) })
    }

    /// The INNOTECH fair: "ponad 1 800 osób" is more than 1,800, not exactly 800, and its venue, written "w hali
    /// Bydgoskiego Centrum Wystawienniczego", is named as the entities stage names the organisation.
    @Test("a count grouped by a space is read whole, with its qualifier; a venue found as an organisation is in its base form")
    func countAndVenue() async throws {
        let record = try #require(try await Self.run.value["site-wordpress-divi-pl.html"])
        let event = try #require(record.events.first)
        #expect(event.name == "Targi Innowacji Przemysłowych INNOTECH")
        #expect(event.participants?["count"] == .number(1800))
        #expect(event.participants?["qualifier"] == .string("more_than"))
        // "w hali Bydgoskiego Centrum Wystawienniczego": the venue in its base form, as the organisation is.
        #expect(event.location?["venue"] == .string("Bydgoskie Centrum Wystawiennicze"))
    }

    @Test("organisers and people of the seed pages' events, from the entities stage", arguments: [
        ("seed-000-wix.html", 0, ["Ukrainian Cluster Alliance", "Vinnytsia Automation and Instrument Making Cluster"], [String]()),
        ("seed-001-wordpress-bg.html", 0, [], []),
        ("seed-002-wordpress-ro.html", 0, [], ["Iva Maric", "Vasile Asandei", "Mariella Masselink", "Jonathan Loeffler"]),
        ("seed-003-wordpress-pl.html", 0, ["Czeskie Ministerstwo Przemysłu i Handlu", "Europejska Platforma Współpracy Klastrów"], []),
        ("seed-004-modus.html", 0, ["European Cluster Collaboration Platform", "Polish Cluster Association", "European Commission"], ["Petr Tomasek"]),
        ("seed-004-modus.html", 1, [], []),
    ])
    func organisersAndPeople(_ page: String, _ index: Int, _ organisers: [String], _ people: [String]) async throws {
        let record = try #require(try await Self.run.value[page])
        try #require(record.events.count > index)
        #expect(SeedEventTests.names(record.events[index].organisers) == organisers)
        #expect(SeedEventTests.names(record.events[index].people) == people)
    }

    @Test("the English report of Grow your Region gets seed 001's event id in a full run")
    func merge() async throws {
        let records = try await Self.run.value
        let bulgarian = try #require(records["seed-001-wordpress-bg.html"]?.events.first)
        let english = try #require(records["event-en-grow-your-region.html"]?.events.first)
        #expect(bulgarian.start == "2017-11-08")
        #expect(bulgarian.eventID == english.eventID)
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
