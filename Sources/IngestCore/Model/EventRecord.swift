/// An event the page reports as happening, as the record contract describes it.
///
/// Fields beyond identity and dates are JSON objects whose shape the events stage owns; every field
/// has its evidence span in `evidence`, keyed by field name.
public struct EventRecord: Sendable, Codable, Equatable {
    public var eventID: String
    public var name: String
    public var aliases: [String]
    public var kind: String
    public var start: String?
    public var end: String?
    public var precision: String?
    public var location: [String: JSONValue]?
    public var organisers: [JSONValue]
    public var participants: [String: JSONValue]?
    public var people: [JSONValue]
    public var edition: Int?
    public var evidence: [String: [TextSpan]]
    public var sourcePageIDs: [PageID]

    public init(
        eventID: String, name: String, aliases: [String] = [], kind: String, start: String? = nil,
        end: String? = nil, precision: String? = nil, location: [String: JSONValue]? = nil,
        organisers: [JSONValue] = [], participants: [String: JSONValue]? = nil, people: [JSONValue] = [],
        edition: Int? = nil, evidence: [String: [TextSpan]] = [:], sourcePageIDs: [PageID] = []
    ) {
        self.eventID = eventID
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.start = start
        self.end = end
        self.precision = precision
        self.location = location
        self.organisers = organisers
        self.participants = participants
        self.people = people
        self.edition = edition
        self.evidence = evidence
        self.sourcePageIDs = sourcePageIDs
    }

    enum CodingKeys: String, CodingKey {
        case eventID = "event_id"
        case name, aliases, kind, start, end, precision, location, organisers, participants, people, edition,
            evidence
        case sourcePageIDs = "source_page_ids"
    }
}
