import Foundation
public import IngestCore

/// What one page record becomes in the database: its `pages` row values, its `entities` rows and its
/// links to events. Built once per record so both database sinks write identical rows.
///
/// Each event a page reports is linked with that page's own JSON of it; the `events` row is then the
/// link whose JSON hashes lowest. That choice depends only on the set of pages that report the event,
/// never on the order they were written in, so overlapping shards and reruns converge on the same row.
public struct PageRows: Sendable {
    public struct EntityRow: Sendable, Equatable {
        public var ordinal: Int
        public var type: String
        public var text: String
        public var spanStart: Int
        public var spanEnd: Int
        public var normalisedJSON: [UInt8]
        public var confidence: Double
    }

    public struct EventLink: Sendable, Equatable {
        public var eventID: String
        public var json: [UInt8]
        public var sha256: String
    }

    public var pageID: String
    public var url: String
    public var sha256: String
    public var title: String?
    public var published: String?
    public var language: String?
    public var text: String
    public var schemaVersion: Int
    /// `record_json`: the record without `text` (``StoredRecordJSON``).
    public var storedJSON: [UInt8]
    /// The SHA-256 of the whole record's canonical JSON, `text` included, so a changed text is a
    /// changed record.
    public var recordSHA256: String
    public var entities: [EntityRow]
    /// One per event id, sorted by event id.
    public var events: [EventLink]
    /// The `fetch_state` row written with the page, when the page was fetched.
    public var fetchState: FetchState?

    public init(_ encoded: EncodedRecord) throws(RunError) {
        let record = encoded.record
        pageID = record.pageID.rawValue
        url = record.source.url
        sha256 = record.source.sha256
        title = record.title
        published = record.published
        language = record.language?.code
        text = record.text
        schemaVersion = record.schemaVersion
        storedJSON = try StoredRecordJSON.withoutText(encoded.json, of: record)
        recordSHA256 = SHA256Hex.digest(encoded.json)
        fetchState = encoded.fetchState
        // Entities' small objects are written directly (``JSONValueWriter``), events by ``RecordJSONWriter``.
        do {
            entities = try record.entities.enumerated().map { ordinal, entity in
                EntityRow(
                    ordinal: ordinal, type: entity.type, text: entity.text, spanStart: entity.span.start,
                    spanEnd: entity.span.end, normalisedJSON: try JSONValueWriter.encode(entity.normalised),
                    confidence: entity.confidence)
            }
            var byID: [String: EventLink] = [:]
            for event in record.events {
                let json = try RecordJSON.encode(event)
                let link = EventLink(eventID: event.eventID, json: json, sha256: SHA256Hex.digest(json))
                if let known = byID[event.eventID], known.sha256 <= link.sha256 { continue }
                byID[event.eventID] = link
            }
            events = byID.values.sorted { $0.eventID < $1.eventID }
        } catch {
            throw RunError(.internal, "page \(pageID): its entities or events could not be encoded: \(error)")
        }
    }
}
