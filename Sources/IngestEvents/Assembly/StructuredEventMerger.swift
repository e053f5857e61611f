import Foundation
import IngestCore

/// Folds the page's schema.org `Event` data into the events found in the text. The site stated it
/// explicitly, so it is strong evidence: its dates replace dates read from the text, and it fills
/// whatever else the text left empty. An event only the structured data names becomes an event of its
/// own. Evidence spans point at the text where the value is written there too; a value given only in
/// the structured data has no span, since it is not in `text`.
struct StructuredEventMerger {
    let text: TokenizedText

    /// Returns the name key (``EventKey/nameKey(_:)``) of each draft whose key it had to compute, nil for
    /// the others: the key transliterates the name, and the event id needs it again.
    @discardableResult
    func merge(_ structured: [StructuredEvent], into drafts: inout [EventDraft]) -> [String?] {
        var nameKeys = [String?](repeating: nil, count: drafts.count)
        for event in structured {
            guard let name = event.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { continue }
            let nameKey = EventKey.nameKey(name)
            let key = nameKey.split(separator: " ")
            var index = drafts.indices.first { index in
                let draftKey = nameKeys[index] ?? EventKey.nameKey(drafts[index].name)
                nameKeys[index] = draftKey
                return Self.sameEvent(key, draftKey.split(separator: " "))
            }
            if let index, drafts[index].name != name, !drafts[index].aliases.contains(name) {
                drafts[index].aliases.append(name)
            }
            if index == nil {
                var draft = EventDraft(key: key.map(String.init))
                draft.name = name
                if let span = find(name) { draft.cite("name", span) }
                drafts.append(draft)
                nameKeys.append(nameKey)
                index = drafts.count - 1
            }
            guard let index else { continue }
            apply(event, to: &drafts[index])
        }
        return nameKeys
    }

    private func apply(_ event: StructuredEvent, to draft: inout EventDraft) {
        if let start = event.start.map(Self.day) {
            let end = event.end.map(Self.day)
            if draft.start != start || draft.end != end { draft.evidence["start"] = nil; draft.evidence["end"] = nil }
            draft.start = start
            draft.end = end == start ? nil : end
            draft.precision = FieldAssigner.precision(of: start)
        }
        // The structured locality wins over a place read from the text unless that place is the same
        // city (its English or its local name).
        if let locality = event.locality, !locality.isEmpty,
            ![draft.location["city"], draft.location["local"]].contains(.string(locality))
        {
            draft.location["city"] = .string(locality)
            draft.location["local"] = .string(locality)
            draft.location["country"] = nil
            draft.evidence["location"] = nil
            if let span = find(locality) { draft.cite("location", span) }
        }
        if let country = event.country, let code = CountryCodes.shared.code(for: country) {
            draft.location["country"] = .string(code)
        }
        if draft.location["venue"] == nil, let venue = event.venue {
            draft.location["venue"] = .string(venue)
            if let span = find(venue) { draft.cite("location.venue", span) }
        }
        if draft.location["online"] == nil, let attendance = event.attendance {
            draft.location["online"] = attendance == "hybrid" ? .string("hybrid") : .bool(attendance == "online")
        }
        for organiser in event.organisers {
            let span = find(organiser)
            if let span {
                draft.addOrganiser(name: organiser, acronym: nil, role: "organiser", span: span)
            } else if !draft.organisers.contains(where: { if case .object(let fields) = $0 { return fields["name"] == .string(organiser) }; return false }) {
                draft.organisers.append(.object(["name": .string(organiser), "role": .string("organiser")]))
            }
        }
    }

    /// Structured data often wraps the name the text uses ("Green Shipping Forum 2024", `Тренінг «Експорт
    /// крафтової продукції…»`): one name key holding the other as a run of words is the same event.
    static func sameEvent(_ one: [Substring], _ other: [Substring]) -> Bool {
        let (short, long) = one.count <= other.count ? (one, other) : (other, one)
        guard !short.isEmpty else { return false }
        return (0...(long.count - short.count)).contains { start in Array(long[start..<(start + short.count)]) == short }
    }

    /// The date part of an ISO 8601 date-time.
    static func day(_ value: String) -> String {
        String(value.prefix(10))
    }

    /// Where a value is written in the text, compared word by word ignoring case.
    private func find(_ value: String) -> TextSpanRange? {
        let words = TokenizedText(value).tokens.filter { $0.kind != .punctuation }
        guard let first = words.first else { return nil }
        let tokens = text.tokens
        for start in tokens.indices where tokens[start].hasSameLower(as: first) {
            var position = start
            var matched = 0
            while position < tokens.count, matched < words.count {
                if tokens[position].kind == .punctuation { position += 1; continue }
                guard tokens[position].hasSameLower(as: words[matched]) else { break }
                matched += 1
                position += 1
            }
            if matched == words.count { return TextSpanRange(start: tokens[start].start, end: tokens[position - 1].end) }
        }
        return nil
    }
}
