/// The trigger nouns of organisation names in every form (generated from Data/organisation-triggers.tsv
/// and the hunspell dictionaries), and the grammar that puts a name back in the nominative.
struct OrganisationLexicon: Sendable {
    struct Trigger: Sendable, Equatable {
        var language: String
        var base: String
        /// `m`, `f`, `n`, or `-` for English.
        var gender: Character
    }

    private(set) var triggers: [String: [Trigger]] = [:]

    static let shared = OrganisationLexicon(table: OrganisationWords.table)

    init(table: String) {
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 4, let gender = fields[3].first else { continue }
            triggers[fields[0], default: []].append(Trigger(language: fields[1], base: fields[2], gender: gender))
        }
    }

    /// The trigger a lower-cased word is in the text's language, or in English, which names of
    /// European bodies keep in every language.
    func trigger(_ lower: String, language: String) -> Trigger? {
        guard let found = triggers[lower] else { return nil }
        return found.first { $0.language == language } ?? found.first { $0.language == "en" }
    }

    /// Words that join the parts of a name: "Ministry of Industry and Trade", "Przemysłu i Handlu".
    static let connectors: WordSet = ["of", "for", "and", "on", "&", "i", "oraz", "и", "і", "та", "й"]
    /// "Year" in the forms a prize's name gives it ("Klaster Roku", "Кластер року", "Клъстер на годината"):
    /// a trigger noun with it names an award, not an organisation.
    static let yearWords: WordSet = ["roku", "року", "годината", "year"]
    /// Copulas of a sentence that defines its subject: "KNESS is an … group", "X jest stowarzyszeniem",
    /// "X е асоциация", "X — це асоціація". English wants an article after it ("is a", "is the"): "is
    /// looking to private companies" and "is visiting a school" define nothing.
    static let copulas: WordSet = ["is", "jest", "to", "е", "це"]
    static let articles: WordSet = ["a", "an", "the"]
    /// Prepositions that end the words between a copula and the noun it predicates: "Poland is a member
    /// of the Council" does not call Poland a council.
    static let prepositions: WordSet = [
        "in", "at", "with", "from", "by", "as", "w", "we", "z", "ze", "na", "do", "od", "przez", "dla", "jako", "в", "във", "с", "със", "от",
        "до", "на", "чрез", "за", "като", "у", "з", "із", "від", "через", "для", "як",
    ]
    /// Bulgarian prepositions after which lower-case words still belong to the name ("институт по иновации").
    static let bulgarianLinks: WordSet = ["по", "за", "на"]
    /// Event nouns: a name that runs into one is an event's, not an organisation's ("Polish Cluster Congress").
    static let eventStems = [
        "congress", "conferen", "forum", "summit", "festival", "expo", "workshop", "seminar", "webinar", "meet",
        "kongres", "konferenc", "targ", "festiwal", "warsztat", "конферен", "конгрес", "форум", "семинар", "фестивал", "панаир", "ярмар",
    ]

    static func isEventWord(_ lower: String) -> Bool { eventStems.contains { lower.hasPrefix($0) } }

    private static let eventStemIndex = StemIndex(eventStems.map { ($0, true) })

    /// ``isEventWord(_:)`` of a token, by its scalars when the tokenizer knows they are its characters.
    static func isEventWord(_ t: TokenList, _ index: Int) -> Bool {
        guard t.isSure(index) else { return isEventWord(t.lower(index)) }
        return eventStemIndex.first(in: t.lowerScalars(index), where: { _, _ in true }) != nil
    }

    /// Adjective endings, and what each becomes in the nominative of each gender.
    private static let polish: [(ending: String, m: String, f: String, n: String)] = [
        ("skiego", "ski", "ska", "skie"), ("ckiego", "cki", "cka", "ckie"), ("skiemu", "ski", "ska", "skie"),
        ("skiej", "ski", "ska", "skie"), ("ckiej", "cki", "cka", "ckie"), ("skim", "ski", "ska", "skie"), ("ckim", "cki", "cka", "ckie"),
        ("ską", "ski", "ska", "skie"), ("cką", "cki", "cka", "ckie"), ("ska", "ski", "ska", "skie"), ("skie", "ski", "ska", "skie"),
        ("ski", "ski", "ska", "skie"), ("cki", "cki", "cka", "ckie"),
        ("nego", "ny", "na", "ne"), ("nemu", "ny", "na", "ne"), ("nej", "ny", "na", "ne"), ("nym", "ny", "na", "ne"), ("ną", "ny", "na", "ne"),
        ("wego", "wy", "wa", "we"), ("wemu", "wy", "wa", "we"), ("wej", "wy", "wa", "we"), ("wym", "wy", "wa", "we"), ("wą", "wy", "wa", "we"),
        ("czego", "czy", "cza", "cze"), ("czej", "czy", "cza", "cze"), ("czym", "czy", "cza", "cze"), ("czą", "czy", "cza", "cze"),
    ]
    private static let ukrainian: [(ending: String, m: String, f: String, n: String)] = [
        ("ського", "ський", "ська", "ське"), ("ському", "ський", "ська", "ське"), ("ським", "ський", "ська", "ське"),
        ("ської", "ський", "ська", "ське"), ("ській", "ський", "ська", "ське"), ("ською", "ський", "ська", "ське"),
        ("цького", "цький", "цька", "цьке"), ("цькому", "цький", "цька", "цьке"), ("цьким", "цький", "цька", "цьке"),
        ("цької", "цький", "цька", "цьке"), ("цькій", "цький", "цька", "цьке"), ("цькою", "цький", "цька", "цьке"),
        ("ного", "ний", "на", "не"), ("ному", "ний", "на", "не"), ("ним", "ний", "на", "не"), ("ної", "ний", "на", "не"),
        ("ною", "ний", "на", "не"), ("ній", "ний", "на", "не"),
        ("ський", "ський", "ська", "ське"), ("цький", "цький", "цька", "цьке"), ("ний", "ний", "на", "не"),
        ("ська", "ський", "ська", "ське"), ("цька", "цький", "цька", "цьке"), ("сько", "ський", "ська", "ське"),
    ]
    /// Bulgarian marks definiteness on the first word only: the article comes off.
    private static let bulgarian: [(ending: String, base: String)] = [
        ("ската", "ска"), ("ския", "ски"), ("ският", "ски"), ("ското", "ско"), ("лния", "лен"), ("лната", "лна"), ("ният", "ен"),
        ("ната", "на"), ("ното", "но"), ("ията", "ия"), ("ата", "а"), ("ът", ""), ("ото", "о"),
    ]

    private static let bulgarianAdjectives = ["ски", "ска", "ско", "ския", "ският", "ската", "ското", "ен", "ния", "ната", "ният", "лна", "лни"]

    /// Whether a word looks like an adjective of the language, by its ending.
    static func isAdjective(_ lower: String, language: String) -> Bool {
        switch language {
        case "pl": return polish.contains { lower.hasSuffix($0.ending) }
        case "uk": return ukrainian.contains { lower.hasSuffix($0.ending) }
        case "bg": return bulgarianAdjectives.contains { lower.hasSuffix($0) }
        default: return false
        }
    }

    private static let polishEndings = SuffixSet(polish.map(\.ending))
    private static let ukrainianEndings = SuffixSet(ukrainian.map(\.ending))
    private static let bulgarianEndings = SuffixSet(bulgarianAdjectives)

    /// ``isAdjective(_:language:)`` of a word, by its scalars when the tokenizer knows they are its characters.
    static func isAdjective(_ t: TokenList, _ index: Int, language: String) -> Bool {
        guard t.isSure(index) else { return isAdjective(t.lower(index), language: language) }
        switch language {
        case "pl": return polishEndings.matches(t.lowerScalars(index))
        case "uk": return ukrainianEndings.matches(t.lowerScalars(index))
        case "bg": return bulgarianEndings.matches(t.lowerScalars(index))
        default: return false
        }
    }

    /// An adjective put in the nominative to agree with a head noun of `gender`; unchanged when its
    /// ending is not one the rules know.
    static func nominative(adjective word: String, gender: Character, language: String) -> String {
        let table = language == "pl" ? polish : language == "uk" ? ukrainian : []
        for row in table where word.lowercased().hasSuffix(row.ending) {
            let replacement = gender == "f" ? row.f : gender == "n" ? row.n : row.m
            return String(word.dropLast(row.ending.count)) + replacement
        }
        return word
    }

    /// The first word of a Bulgarian name without its article ("Европейската" → "Европейска").
    static func withoutArticle(_ word: String) -> String {
        for row in bulgarian where word.lowercased().hasSuffix(row.ending) && word.count > row.ending.count + 2 {
            return String(word.dropLast(row.ending.count)) + row.base
        }
        return word
    }
}
