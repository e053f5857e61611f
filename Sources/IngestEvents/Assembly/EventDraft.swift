import IngestCore

/// An event while the page is read: its mentions and the fields found so far, each with its evidence.
struct EventDraft: Sendable {
    /// The local name key (see ``EventKey/localStem(_:)``) shared by its mentions.
    var key: [String]
    var mentions: [EventMention] = []

    var name: String = ""
    var aliases: [String] = []
    var kind: String = "other"
    var start: String?
    var end: String?
    var precision: String?
    var location: [String: JSONValue] = [:]
    var organisers: [JSONValue] = []
    var organiserKeys: [String: Int] = [:]
    var participants: [String: JSONValue] = [:]
    var people: [JSONValue] = []
    var edition: Int?
    var evidence: [String: [TextSpan]] = [:]

    init(key: [String]) {
        self.key = key
    }

    var firstToken: Int { mentions.map(\.anchor).min() ?? 0 }

    mutating func cite(_ field: String, _ span: TextSpanRange) {
        let span = TextSpan(start: span.start, end: span.end)
        if evidence[field]?.contains(span) != true { evidence[field, default: []].append(span) }
    }

    /// Adds an organiser once; a name seen as host or supporter and as organiser keeps the organiser role.
    mutating func addOrganiser(name: String, acronym: String?, role: String, span: TextSpanRange) {
        let key = EventKey.nameKey(name)
        if let index = organiserKeys[key] {
            if role == "organiser", case .object(var fields) = organisers[index] {
                fields["role"] = .string(role)
                organisers[index] = .object(fields)
            }
        } else {
            var fields: [String: JSONValue] = ["name": .string(name), "role": .string(role)]
            if let acronym { fields["acronym"] = .string(acronym) }
            organiserKeys[key] = organisers.count
            organisers.append(.object(fields))
        }
        cite("organisers", span)
    }

    /// - Parameter nameKey: ``EventKey/nameKey(_:)`` of `name` when already known.
    func record(page: PageID, nameKey: String? = nil) -> EventRecord {
        EventRecord(
            eventID: EventKey.eventID(start: start, country: location["country"].flatMap(Self.string), nameKey: nameKey ?? EventKey.nameKey(name)),
            name: name, aliases: aliases, kind: kind, start: start, end: end, precision: precision,
            location: location.isEmpty ? nil : location, organisers: organisers,
            participants: participants.isEmpty ? nil : participants, people: people, edition: edition,
            evidence: evidence, sourcePageIDs: [page])
    }

    static func string(_ value: JSONValue) -> String? {
        if case .string(let string) = value { return string }
        return nil
    }
}
