/// One event as several pages report it: the pages' records of it (same `event_id`) folded into one.
///
/// The fields, and so the evidence spans, are one page's own record of the event: the one whose JSON
/// has the lowest SHA-256, the same choice the database sinks make for the `events` row, so a JSON Lines
/// events file and a database agree, and the result depends only on the set of pages, never on the
/// order they arrive in. That page is listed first in `source_page_ids`, so the evidence spans point into
/// its text; the other pages add their ids and their spellings of the name as aliases.
public struct MergedEvent: Sendable {
    private var representative: EventRecord
    private var representativeSHA256: String
    private var pages: Set<PageID>
    private var spellings: Set<String>

    public init(_ event: EventRecord) {
        representative = event
        representativeSHA256 = Self.sha256(event)
        pages = Set(event.sourcePageIDs)
        spellings = Set(event.aliases + [event.name])
    }

    public var eventID: String { representative.eventID }

    public mutating func add(_ event: EventRecord) {
        precondition(event.eventID == eventID, "only records of one event merge")
        let sha256 = Self.sha256(event)
        if sha256 < representativeSHA256 {
            representative = event
            representativeSHA256 = sha256
        }
        pages.formUnion(event.sourcePageIDs)
        spellings.formUnion(event.aliases + [event.name])
    }

    public var record: EventRecord {
        var record = representative
        let first = representative.sourcePageIDs.first
        record.sourcePageIDs = (first.map { [$0] } ?? []) + pages.subtracting(first.map { [$0] } ?? []).sorted()
        record.aliases = spellings.subtracting([representative.name]).sorted()
        return record
    }

    private static func sha256(_ event: EventRecord) -> String {
        SHA256Hex.digest((try? RecordJSON.encode(event)) ?? [])
    }
}
