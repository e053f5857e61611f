import Foundation
import IngestCore
import Testing

/// Entities written by hand for a text, as the entities stage's contract describes them, so the events
/// stage can be tested on its own: each is found in the text by what it says, and its span computed.
struct EntityScript {
    let text: String
    private(set) var entities: [Entity] = []

    init(_ text: String) {
        self.text = text
    }

    /// Adds an entity for the `occurrence`-th appearance of `written` in the text.
    mutating func add(
        _ type: String, _ written: String, occurrence: Int = 1, _ normalised: [String: JSONValue], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            found = text.range(of: written, range: searchStart..<text.endIndex)
            guard let range = found else { break }
            searchStart = range.upperBound
        }
        guard let range = found else {
            Issue.record("\"\(written)\" (occurrence \(occurrence)) is not in the text", sourceLocation: sourceLocation)
            return
        }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        let end = start + text[range].unicodeScalars.count
        entities.append(Entity(type: type, text: written, span: TextSpan(start: start, end: end), normalised: normalised, confidence: 0.9))
    }

    mutating func date(_ written: String, _ value: String, precision: String = "day", occurrence: Int = 1) {
        add("date", written, occurrence: occurrence, ["value": JSONValue.string(value), "precision": JSONValue.string(precision)])
    }

    mutating func range(_ written: String, _ start: String, _ end: String, precision: String = "day") {
        add("date_range", written, ["start": JSONValue.string(start), "end": JSONValue.string(end), "precision": JSONValue.string(precision)])
    }

    mutating func place(_ written: String, city: String? = nil, country: String, local: String? = nil, occurrence: Int = 1) {
        var fields: [String: JSONValue] = ["country": .string(country)]
        if let city { fields["city"] = .string(city) }
        if let local { fields["local"] = .string(local) }
        add("place", written, occurrence: occurrence, fields)
    }

    mutating func organisation(_ written: String, name: String? = nil, acronym: String? = nil, occurrence: Int = 1) {
        var fields: [String: JSONValue] = ["name": .string(name ?? written)]
        if let acronym { fields["acronym"] = .string(acronym) }
        add("organisation", written, occurrence: occurrence, fields)
    }

    mutating func person(_ written: String, name: String, role: String? = nil, affiliation: String? = nil) {
        var fields: [String: JSONValue] = ["name": .string(name)]
        if let role { fields["role"] = .string(role) }
        if let affiliation { fields["affiliation"] = .string(affiliation) }
        add("person", written, fields)
    }

    mutating func quantity(_ written: String, _ value: Int, _ qualifier: String, _ unit: String) {
        add("quantity", written, ["value": JSONValue.number(Double(value)), "qualifier": JSONValue.string(qualifier), "unit": JSONValue.string(unit)])
    }
}
