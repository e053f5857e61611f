import Foundation
import IngestCore
import IngestEvents
import IngestTestSupport
import Testing

/// The seed pages give exactly the events the record contract lists for them, with the entities the
/// entities stage's contract says their text holds; the merge page joins seed 001's event; pages that
/// report no event give none.
@Suite struct SeedEventTests {
    static let pages = FixturePaths.pageNames().filter { $0.hasPrefix("seed-") || $0.hasPrefix("event-") || $0.hasPrefix("noevent-") }

    @Test("each page's events match their reviewed golden file", arguments: pages)
    func golden(_ name: String) async throws {
        let (_, events) = try await FixturePage.events(name)
        let actual = try FixturePage.golden(events)
        try FileManager.default.createDirectory(at: FixturePaths.expected.appendingPathComponent("events"), withIntermediateDirectories: true)
        let golden = try GoldenFile.check(actual, against: "events/" + name.replacingOccurrences(of: ".html", with: ".json"))
        #expect(golden == actual, "\(name): events differ from the golden file; UPDATE_GOLDEN=1 swift test to review")
    }

    @Test("every field of every event cites text that holds its value", arguments: pages)
    func evidence(_ name: String) async throws {
        let (document, events) = try await FixturePage.events(name)
        let text = document.text ?? ""
        for event in events {
            #expect(event.evidence["name"]?.first.map { FixturePage.slice(text, $0) } == event.name)
            for (field, filled) in [
                ("kind", event.kind != "other"), ("start", event.start != nil), ("location", event.location?["city"] != nil),
                ("organisers", !event.organisers.isEmpty), ("participants", event.participants?["count"] != nil),
                ("people", !event.people.isEmpty), ("edition", event.edition != nil),
            ] where filled {
                #expect(!(event.evidence[field] ?? []).isEmpty, "\(name): \(event.name) has \(field) without evidence")
            }
            for spans in event.evidence.values {
                for span in spans { #expect(span.end <= text.unicodeScalars.count) }
            }
        }
    }

    @Test("page records with events conform to the page-record JSON Schema", arguments: pages)
    func schema(_ name: String) async throws {
        let (document, _) = try await FixturePage.events(name)
        let record = try EncodedRecord(record: PageRecord(document: document, pipeline: PipelineInfo(name: "events", version: "test", stages: [])))
        let validator = try JSONSchemaValidator(schemaAt: FixturePaths.schemas.appendingPathComponent("page-record.schema.json"))
        let problems = validator.problems(inJSON: record.json)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("seed 000: the intercluster conference in Vinnytsia, hybrid, with its two organisers")
    func seed000() async throws {
        let events = try await FixturePage.events("seed-000-wix.html").events
        try #require(events.count == 1)
        let event = events[0]
        #expect(event.name == "Regional Cluster Initiatives")
        #expect(event.kind == "conference")
        #expect(event.start == "--10-23")
        #expect(event.precision == "month-day")
        #expect(event.location?["city"] == .string("Vinnytsia"))
        #expect(event.location?["country"] == .string("UA"))
        #expect(event.location?["online"] == .string("hybrid"))
        #expect(event.participants?["count"] == .number(70))
        #expect(event.participants?["qualifier"] == .string("more_than"))
        #expect(Self.names(event.organisers) == ["Ukrainian Cluster Alliance", "Vinnytsia Automation and Instrument Making Cluster"])
    }

    @Test("seed 001: the second Grow your Region in Valencia; the related posts' dates belong to no event")
    func seed001() async throws {
        let events = try await FixturePage.events("seed-001-wordpress-bg.html").events
        try #require(events.count == 1)
        let event = events[0]
        #expect(event.name == "Grow your Region")
        #expect(event.kind == "conference")
        #expect(event.edition == 2)
        #expect(event.start == "2017-11-08")
        #expect(event.end == "2017-11-09")
        #expect(event.location?["city"] == .string("Valencia"))
        #expect(event.location?["country"] == .string("ES"))
        #expect(event.location?["local"] == .string("Валенсия"))
        #expect(event.participants?["count"] == .number(300))
        #expect(event.participants?["qualifier"] == .string("more_than"))
        #expect(event.participants?["countries"] == .object(["count": .number(25), "qualifier": .string("more_than")]))
        #expect(event.organisers.isEmpty)
    }

    @Test("seed 002: Clusters Meet Regions in Iași with 205 participants and four speakers")
    func seed002() async throws {
        let (document, events) = try await FixturePage.events("seed-002-wordpress-ro.html")
        try #require(events.count == 1)
        let event = events[0]
        #expect(event.name == "Clusters Meet Regions")
        #expect(event.start == "2023-11-21")
        #expect(event.end == "2023-11-23")
        #expect(event.location?["city"] == .string("Iasi"))
        #expect(event.location?["country"] == .string("RO"))
        #expect(event.participants?["count"] == .number(205))
        #expect(event.participants?["qualifier"] == .string("exact"))
        #expect(Self.names(event.people) == ["Iva Maric", "Vasile Asandei", "Mariella Masselink", "Jonathan Loeffler"])
        #expect(event.people.first == .object(["name": .string("Iva Maric"), "role": .string("Programme Manager"), "affiliation": .string("DG Regio")]))
        #expect(document.published?.value.hasPrefix("2023-11-28") == true)
    }

    @Test("seed 003: the 8th European Cluster Conference in Prague, organised by the Czech ministry, supported by the ECCP")
    func seed003() async throws {
        let events = try await FixturePage.events("seed-003-wordpress-pl.html").events
        try #require(events.count == 1)
        let event = events[0]
        #expect(event.name == "Europejska Konferencja Klastrów")
        #expect(event.aliases == ["Europejskiej Konferencji Klastrowej"])
        #expect(event.kind == "conference")
        #expect(event.edition == 8)
        #expect(event.start == "2022-09-26")
        #expect(event.end == "2022-09-27")
        #expect(event.location?["city"] == .string("Prague"))
        #expect(event.location?["country"] == .string("CZ"))
        #expect(event.location?["local"] == .string("Praga"))
        #expect(event.organisers == [
            .object(["name": .string("Czeskie Ministerstwo Przemysłu i Handlu"), "role": .string("organiser")]),
            .object(["name": .string("Europejska Platforma Współpracy Klastrów"), "acronym": .string("ECCP"), "role": .string("supporter")]),
        ])
    }

    @Test("seed 004: two events on the same dates at the International Convention Centre in Katowice")
    func seed004() async throws {
        let events = try await FixturePage.events("seed-004-modus.html").events
        try #require(events.count == 2)
        let (meet, congress) = (events[0], events[1])
        #expect(meet.name == "Clusters Meet Region")
        #expect(meet.aliases == ["Clusters meet Regions"])
        #expect(meet.kind == "conference")
        #expect(meet.edition == 3)
        #expect(Self.names(meet.organisers) == ["European Cluster Collaboration Platform", "Polish Cluster Association", "European Commission"])
        #expect(Self.names(meet.people) == ["Petr Tomasek"])
        #expect(congress.name == "Polish Cluster Congress")
        #expect(congress.edition == 8)
        for event in events {
            #expect(event.start == "2022-11-07")
            #expect(event.end == "2022-11-08")
            #expect(event.location?["city"] == .string("Katowice"))
            #expect(event.location?["country"] == .string("PL"))
            #expect(event.location?["venue"] == .string("International Convention Centre"))
        }
        #expect(meet.eventID != congress.eventID)
    }

    @Test("an English page about Grow your Region 2017 gives seed 001's event id, and the two merge into one event")
    func crossPageMerge() async throws {
        let bulgarian = try await FixturePage.events("seed-001-wordpress-bg.html")
        let english = try await FixturePage.events("event-en-grow-your-region.html")
        let first = try #require(bulgarian.events.first)
        let second = try #require(english.events.first)
        #expect(second.name == "Grow your Region")
        #expect(first.eventID == second.eventID)
        var forwards = MergedEvent(first)
        forwards.add(second)
        var backwards = MergedEvent(second)
        backwards.add(first)
        #expect(Set(forwards.record.sourcePageIDs) == [bulgarian.document.id, english.document.id])
        #expect(forwards.record == backwards.record)
    }

    @Test("a page that reports no event gives none", arguments: pages.filter { $0.hasPrefix("noevent-") })
    func noEvent(_ name: String) async throws {
        let (document, events) = try await FixturePage.events(name)
        #expect(!document.entities.isEmpty, "the page has dates, places and organisations, and still no event")
        #expect(events.isEmpty)
    }

    static func names(_ values: [JSONValue]) -> [String] {
        values.compactMap { value in
            guard case .object(let fields) = value, case .string(let name)? = fields["name"] else { return nil }
            return name
        }
    }
}
