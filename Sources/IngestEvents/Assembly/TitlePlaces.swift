import IngestCore

/// The cities a page's title names, for the events the title speaks of. An event page often gives its
/// city in the title only ("Klaster na Targach Innowacji Przemysłowych INNOTECH 2024 w Bydgoszczy") and
/// in the text just in passing ("Do Bydgoszczy przyjechali kupcy"), while a later sentence about the
/// event's kind may name another city ("na jesiennych targach w Poznaniu").
struct TitlePlaces: Sendable {
    /// The title, lower-cased.
    let title: String
    /// Its places with a city, in title order.
    let places: [Entity]

    init(title: String, places: [Entity]) {
        self.title = title.lowercased()
        self.places = places.filter { if case .string(let city)? = $0.normalised["city"] { !city.isEmpty } else { false } }
    }

    /// Whether the title speaks of the event: it writes the event's name or one of its other spellings,
    /// or the page reports that event alone.
    func speaks(of draft: EventDraft, amongEvents count: Int) -> Bool {
        guard !places.isEmpty else { return false }
        if count == 1 { return true }
        return ([draft.name] + draft.aliases).contains { !$0.isEmpty && title.contains($0.lowercased()) }
    }

    /// Whether the title names the city (its English name, as entities give it).
    func names(city: String) -> Bool {
        places.contains { $0.normalised["city"] == .string(city) }
    }
}
