/// One place where the text speaks of an event: a name with or without an event word, or an event word
/// alone ("the conference", "събитието"), which refers back to an event named nearby.
struct EventMention: Sendable {
    /// How sure the pattern is that `name` is the event's name; the best mention names the event.
    enum Strength: Int, Sendable, Comparable {
        /// The name found again elsewhere in the text.
        case occurrence = 0
        /// A capitalised name beside an event word in an inflected form ("Europejskiej Konferencji Klastrowej").
        case inflected = 1
        /// A capitalised name beside an event word in its base form ("the Clusters Meet Region conference").
        case beside = 2
        /// A quoted name beside an event word (`Conference "Regional Cluster Initiatives"`).
        case quoted = 3

        static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Tokens of the name, nil for an event word alone.
    var name: Range<Int>?
    /// The event word's token, nil for a name found again without one.
    var eventWord: Int?
    var kind: String?
    var strength: Strength
    var sentence: Int

    /// Where the mention sits, for distances.
    var anchor: Int { name?.lowerBound ?? eventWord ?? 0 }
    var tokenRange: Range<Int> {
        let bounds = [name?.lowerBound, name?.upperBound, eventWord, eventWord.map { $0 + 1 }].compactMap { $0 }
        return (bounds.min() ?? 0)..<(bounds.max() ?? 0)
    }
}
