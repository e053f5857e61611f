/// The words around a count: qualifiers before it and the units after it, in the four languages.
/// Grammar, not data: a closed set of phrases, each unit matched by the stem its inflected forms share.
enum QuantityVocabulary {
    /// Lower-cased phrases, longest first within each language, and the qualifier they give.
    static let qualifiers: [(words: [String], qualifier: String)] = [
        (["more", "than"], "more_than"), (["over"], "more_than"), (["above"], "more_than"), (["in", "excess", "of"], "more_than"),
        (["at", "least"], "at_least"), (["about"], "about"), (["around"], "about"), (["approximately"], "about"), (["some"], "about"),
        (["nearly"], "about"), (["almost"], "about"), (["roughly"], "about"),
        (["повече", "от"], "more_than"), (["над"], "more_than"), (["най-малко"], "at_least"), (["поне"], "at_least"),
        (["около"], "about"), (["близо"], "about"), (["приблизително"], "about"),
        (["więcej", "niż"], "more_than"), (["ponad"], "more_than"), (["powyżej"], "more_than"), (["co", "najmniej"], "at_least"),
        (["przynajmniej"], "at_least"), (["około"], "about"), (["blisko"], "about"), (["prawie"], "about"),
        (["більше", "ніж"], "more_than"), (["більш", "ніж"], "more_than"), (["понад"], "more_than"), (["щонайменше"], "at_least"),
        (["принаймні"], "at_least"), (["близько"], "about"), (["приблизно"], "about"), (["майже"], "about"),
    ]

    /// The qualifiers by their first word, so each token costs one look-up.
    static let qualifiersByFirstWord: [String: [(words: [String], qualifier: String)]] = Dictionary(
        grouping: qualifiers, by: { $0.words[0] })

    /// Stems of unit nouns and the unit they give; a word is a unit when it starts with the stem and is
    /// at most a few letters longer.
    static let units: [(stem: String, unit: String)] = [
        ("participant", "participants"), ("участни", "participants"), ("uczestni", "participants"), ("учасни", "participants"),
        ("attendee", "attendees"), ("delegate", "delegates"), ("делегат", "delegates"), ("delegat", "delegates"),
        ("visitor", "visitors"), ("посетител", "visitors"), ("odwiedzając", "visitors"), ("zwiedzając", "visitors"), ("відвідувач", "visitors"),
        ("guest", "guests"), ("гост", "guests"), ("gości", "guests"), ("goście", "guests"), ("гостей", "guests"),
        ("representative", "representatives"), ("представител", "representatives"), ("przedstawiciel", "representatives"),
        ("представник", "representatives"),
        ("people", "people"), ("души", "people"), ("човек", "people"), ("osób", "people"), ("osoby", "people"), ("осіб", "people"), ("людей", "people"),
        ("countr", "countries"), ("стран", "countries"), ("държав", "countries"), ("kraj", "countries"), ("państw", "countries"),
        ("країн", "countries"), ("держав", "countries"),
        ("meeting", "meetings"), ("срещ", "meetings"), ("spotka", "meetings"), ("зустріч", "meetings"),
        ("speaker", "speakers"), ("лектор", "speakers"), ("говорител", "speakers"), ("prelegen", "speakers"), ("спікер", "speakers"),
        ("доповідач", "speakers"),
        ("exhibitor", "exhibitors"), ("изложител", "exhibitors"), ("wystawc", "exhibitors"), ("експонент", "exhibitors"),
        ("compan", "companies"), ("фирм", "companies"), ("компани", "companies"), ("firm", "companies"), ("компані", "companies"),
        ("organisation", "organisations"), ("organization", "organisations"), ("организаци", "organisations"),
        ("organizacj", "organisations"), ("організаці", "organisations"),
        ("cluster", "clusters"), ("клъстер", "clusters"), ("klastr", "clusters"), ("klaster", "clusters"), ("кластер", "clusters"),
        ("project", "projects"), ("проект", "projects"), ("projekt", "projects"),
        ("partner", "partners"), ("session", "sessions"), ("сесии", "sessions"), ("sesj", "sessions"), ("сесі", "sessions"),
        ("event", "events"), ("събити", "events"), ("wydarze", "events"), ("поді", "events"),
        ("year", "years"), ("години", "years"), ("годин", "years"), ("lat", "years"), ("lata", "years"), ("років", "years"), ("роки", "years"),
    ]

    /// Prepositions that end the words between a number and its unit: "one of the participants" is no
    /// count of participants.
    static let stops: WordSet = ["of", "from", "з", "із", "від", "от", "z", "ze", "spośród", "spod"]

    /// Stems of four letters or fewer ("lat", "kraj") match only whole words or one letter more, so
    /// "late" is no Polish "lat".
    static func unit(of lower: String) -> String? {
        for (stem, unit) in units where lower.hasPrefix(stem) {
            if accepts(stem: stem.count, word: lower.count) { return unit }
        }
        return nil
    }

    /// ``unit(of:)`` of a word, by its scalars when the tokenizer knows they are its characters.
    static func unit(of t: TokenList, _ index: Int) -> String? {
        guard t.isSure(index) else { return unit(of: t.lower(index)) }
        return unitStems.first(in: t.lowerScalars(index), where: accepts)
    }

    private static let unitStems = StemIndex(units.map { ($0.stem, $0.unit) })

    private static func accepts(stem: Int, word: Int) -> Bool {
        let extra = word - stem
        return extra <= (stem <= 4 ? 1 : 4) && !(stem <= 3 && extra > 0)
    }
}
