import Foundation
import IngestCore

/// Page records with entities and events, built directly so the database tests exercise every table
/// without depending on which extraction stages this build has.
enum SyntheticPages {
    static let pipeline = PipelineInfo(name: "events", version: "test", stages: ["strip"])

    /// `count` pages; page `i` reports event `e_{i % events}` with a page-specific description, so several
    /// pages report each event with different JSON, and carries one place entity.
    static func records(count: Int, events: Int = 3, variant: String = "") throws -> [EncodedRecord] {
        try (0..<count).map { index in try record(index: index, events: events, variant: variant) }
    }

    static func record(index: Int, events: Int = 3, variant: String = "") throws -> EncodedRecord {
        let url = "https://example.org/news/\(index)"
        var document = Document(
            id: PageID(canonicalSource: url), source: SourceRef(url: url, bytes: 100, sha256: String(repeating: "a", count: 64)),
            raw: [])
        let text = "Forum \(index) \(variant) in Valencia, Spain, on 12 May 2026 with more than 300 participants."
        document.text = text
        document.title = "Forum \(index)"
        document.published = PublishedDate(value: "2026-0\(1 + index % 9)-01", source: "meta")
        document.entities = [
            Entity(
                type: "place", text: "Valencia", span: TextSpan(start: 10, end: 18),
                normalised: ["city": .string("Valencia"), "country": .string("ES")], confidence: 0.9),
            Entity(
                type: "quantity", text: "more than 300 participants", span: TextSpan(start: 40, end: 66),
                normalised: ["value": .number(300), "qualifier": .string("more_than")], confidence: 0.8),
        ]
        if events > 0 {
            let eventNumber = index % events
            document.events = [
                EventRecord(
                    eventID: "e_\(eventNumber)", name: "Cluster Forum \(eventNumber)", kind: "forum",
                    start: "2026-05-1\(eventNumber)", end: "2026-05-1\(eventNumber + 1)", precision: "day",
                    location: ["city": .string(eventNumber == 0 ? "Valencia" : "Prague"), "country": .string(eventNumber == 0 ? "ES" : "CZ")],
                    organisers: [.object(["name": .string("Cluster Alliance \(eventNumber)")])],
                    evidence: ["name": [TextSpan(start: 0, end: 5 + index % 7)]],
                    sourcePageIDs: [document.id])
            ]
        }
        return try EncodedRecord(record: PageRecord(document: document, pipeline: pipeline))
    }
}
