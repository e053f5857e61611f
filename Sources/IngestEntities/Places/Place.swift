/// A city or country of the gazetteer.
struct Place: Sendable, Equatable {
    enum Kind: Sendable { case city, country }

    var kind: Kind
    /// Whether the city is its country's capital.
    var isCapital = false
    /// ISO 3166-1 alpha-2.
    var country: String
    var population: Int
    /// English name, ASCII ("Iasi", "Prague"), as records carry it.
    var english: String
    /// Base form per language (`bg`, `pl`, `uk`) where the gazetteer knows one.
    var local: [String: String]

    /// Capitals and cities of a million are named far more often as places than as people or common words
    /// spelt the same ("Sofia", "Houston", "Washington").
    var isProminent: Bool { isCapital || population >= 1_000_000 }
}
