import Foundation
import IngestCore

/// The words the events stage recognises, in all four languages at once, built from the generated
/// `EventWords` table (`Data/event-words.tsv`).
///
/// The languages are not separated at look-up: their forms hardly collide, and pages mix them (English
/// event names inside Bulgarian sentences), so looking up every form avoids depending on a language guess.
struct EventLexicon: Sendable {
    enum Form: Sendable { case base, oblique, plural }

    struct EventWord: Sendable {
        var kind: String
        var form: Form
        /// For an inflected form, the base form of the same word ("Targach" → "targi"), when the list has it.
        var base: String?
    }

    /// What the lexicon says of a token, beside its event word: one bit per word list.
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt16
        static let edition = Roles(rawValue: 1 << 0)
        static let venue = Roles(rawValue: 1 << 1)
        static let nameWord = Roles(rawValue: 1 << 2)
        static let determiner = Roles(rawValue: 1 << 3)
        static let organisationWord = Roles(rawValue: 1 << 4)
        static let calendar = Roles(rawValue: 1 << 5)
        static let fieldPhraseStart = Roles(rawValue: 1 << 6)
        /// A name word that may join the words of a venue's name: any but a preposition of place, which
        /// ends it ("the International Convention Centre in Katowice").
        static let venueJoiner = Roles(rawValue: 1 << 7)
    }

    let eventWords: [String: EventWord]
    /// The event words, for ``TextToken/eventWord``.
    let eventWordList: [EventWord]
    /// Every word of the lists by its lower case, with its roles and event word: one look-up per token
    /// answers all the questions the finders ask of it.
    let words: [String: (roles: Roles, eventWord: Int32)]
    /// ``words`` for tokens in NFC, by their bytes.
    private let wordTable: WordTable<UInt8, (roles: Roles, eventWord: Int32)>
    /// Per scalar below ``ScalarClass/limit``, whether an ordinal stem starts with it.
    private let ordinalInitialTable: [Bool]
    /// ``ordinalStems`` as UTF-8 with their length in scalars, grouped as there, when every stem is of
    /// ``ScalarClass/sure`` scalars (then a sure token is compared by bytes); empty otherwise.
    private let ordinalStemGroups: [[(utf8: [UInt8], scalars: Int, value: Int)]]
    /// Per scalar below ``ScalarClass/limit``, the index in ``ordinalStemGroups`` of the stems starting
    /// with it, -1 for none.
    private let ordinalStemGroupOfInitial: [Int16]
    let editionWords: Set<String>
    /// Ordinal stems by their first character, longest first, so a token is compared with a handful.
    let ordinalStems: [Character: [(stem: String, value: Int)]]
    /// The first scalar of every key of `ordinalStems`: ordinals are looked for at every word of a page,
    /// and this passes over most words without forming their first `Character`.
    let ordinalInitials: Set<Unicode.Scalar>
    let organiserAfter: PhraseTable
    let organiserBefore: PhraseTable
    let connectors: PhraseTable
    let attendance: PhraseTable
    let sameDate: PhraseTable
    /// The first words of the organiser, attendance and same-date phrases, so a token none of them
    /// starts with is passed over with one look-up instead of four.
    let fieldPhraseStarts: Set<String>
    let venueWords: Set<String>
    let nameWords: Set<String>
    let determiners: Set<String>
    /// Nouns that make the capitalised words before them an organisation's name ("Тракийският ИКТ клъстер").
    let organisationWords: Set<String>
    /// Month and weekday names in the four languages (CLDR, through Foundation), which are capitalised
    /// in English but name no event ("the May meeting").
    let calendarWords: Set<String>
    /// Weekday names less their last letter, four letters or more, so the other cases of a name match too
    /// ("do niedzieli", "до неділі"), as the entities stage reads them (`CalendarNames`).
    let weekdayStems: Set<String>

    static let shared = EventLexicon()

    init() {
        var eventWords: [String: EventWord] = [:]
        var editionWords: Set<String> = []
        var ordinals: [(String, Int)] = []
        var tables: [String: [(phrase: String, value: String)]] = [:]
        var sets: [String: Set<String>] = [:]
        for row in EventWords.rows {
            switch row.category {
            case "event":
                let parts = row.value.split(separator: ":")
                let form: Form = parts.count < 2 ? .base : (parts[1] == "plural" ? .plural : .oblique)
                eventWords[row.phrase] = EventWord(kind: String(parts[0]), form: form, base: nil)
            case "edition": editionWords.insert(row.phrase)
            case "ordinal": ordinals.append((row.phrase, Int(row.value) ?? 0))
            case "venue", "name-word", "determiner", "organisation-word": sets[row.category, default: []].insert(row.phrase)
            default: tables[row.category, default: []].append((row.phrase, row.value))
            }
        }
        // An inflected form's base is the base form of its kind and language sharing the longest start.
        var bases: [String: [(language: String, word: String)]] = [:]
        for row in EventWords.rows where row.category == "event" && !row.value.contains(":") {
            bases[row.value, default: []].append((row.language, row.phrase))
        }
        for row in EventWords.rows where row.category == "event" && row.value.hasSuffix(":oblique") {
            let kind = String(row.value.prefix { $0 != ":" })
            let candidates = (bases[kind] ?? []).filter { $0.language == row.language }
            let best = candidates.max { Self.sharedStart($0.word, row.phrase) < Self.sharedStart($1.word, row.phrase) }
            if let best, Self.sharedStart(best.word, row.phrase) >= 3 { eventWords[row.phrase]?.base = best.word }
        }
        self.eventWords = eventWords
        self.editionWords = editionWords
        // Longest stems first, so "четвърт" is tried before "четв…" shorter look-alikes.
        ordinalStems = Dictionary(grouping: ordinals.sorted { $0.0.count > $1.0.count }.map { (stem: $0.0, value: $0.1) }) {
            $0.stem.first ?? " "
        }
        ordinalInitials = Set(ordinalStems.keys.compactMap(\.unicodeScalars.first))
        organiserAfter = PhraseTable(tables["organiser-after"] ?? [])
        organiserBefore = PhraseTable(tables["organiser-before"] ?? [])
        connectors = PhraseTable(tables["connector"] ?? [])
        attendance = PhraseTable(tables["attendance"] ?? [])
        sameDate = PhraseTable(tables["same-date"] ?? [])
        fieldPhraseStarts = organiserAfter.firstWords.union(organiserBefore.firstWords).union(attendance.firstWords)
            .union(sameDate.firstWords)
        venueWords = sets["venue"] ?? []
        nameWords = sets["name-word"] ?? []
        determiners = sets["determiner"] ?? []
        organisationWords = sets["organisation-word"] ?? []
        var calendar: Set<String> = []
        var weekdayStems: Set<String> = []
        for identifier in ["en", "bg", "pl", "uk"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: identifier)
            for names in [
                formatter.monthSymbols, formatter.standaloneMonthSymbols, formatter.shortMonthSymbols, formatter.weekdaySymbols,
                formatter.standaloneWeekdaySymbols,
            ] {
                for name in names { calendar.insert(name.lowercased().trimmingCharacters(in: .punctuationCharacters)) }
            }
            for name in formatter.weekdaySymbols + formatter.standaloneWeekdaySymbols {
                let stem = String(name.lowercased().dropLast())
                if stem.count >= 4 { weekdayStems.insert(stem) }
            }
        }
        calendarWords = calendar
        self.weekdayStems = weekdayStems
        var eventWordList: [EventWord] = []
        var words: [String: (roles: Roles, eventWord: Int32)] = [:]
        for (word, entry) in eventWords.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            words[word, default: ([], -1)].eventWord = Int32(eventWordList.count)
            eventWordList.append(entry)
        }
        let venuePrepositions: Set<String> = ["in", "on", "w", "na", "в", "на", "у"]
        for (set, role) in [
            (editionWords, Roles.edition), (venueWords, .venue), (nameWords, .nameWord), (determiners, .determiner),
            (organisationWords, .organisationWord), (calendarWords, .calendar), (fieldPhraseStarts, .fieldPhraseStart),
            (nameWords.subtracting(venuePrepositions), .venueJoiner),
        ] {
            for word in set { words[word, default: ([], -1)].roles.insert(role) }
        }
        self.eventWordList = eventWordList
        self.words = words
        wordTable = WordTable(words)
        var stemGroups: [[(utf8: [UInt8], scalars: Int, value: Int)]] = []
        var groupOfInitial = [Int16](repeating: -1, count: Int(ScalarClass.limit))
        for (initial, stems) in ordinalStems {
            guard initial.unicodeScalars.count == 1, let scalar = initial.unicodeScalars.first, scalar.value < ScalarClass.limit,
                stems.allSatisfy({ $0.stem.unicodeScalars.allSatisfy { ScalarClass.of($0).contains(.sure) } })
            else {
                stemGroups = []
                break
            }
            groupOfInitial[Int(scalar.value)] = Int16(stemGroups.count)
            stemGroups.append(stems.map { (Array($0.stem.utf8), $0.stem.unicodeScalars.count, $0.value) })
        }
        ordinalStemGroups = stemGroups
        ordinalStemGroupOfInitial = groupOfInitial
        let initials = ordinalInitials
        ordinalInitialTable = (0..<ScalarClass.limit).map { value in Unicode.Scalar(value).map(initials.contains) ?? false }
    }

    /// Whether a lower-cased word is a weekday's name in any of its cases.
    func isWeekday(_ lower: String) -> Bool {
        weekdayStems.contains(String(lower.dropLast())) || weekdayStems.contains(lower)
    }

    /// The event word a token is, from its annotation.
    func eventWord(_ token: TextToken) -> EventWord? {
        token.eventWord >= 0 ? eventWordList[Int(token.eventWord)] : nil
    }

    /// Notes on each token its roles, its event word and the ordinal it starts, so the finders read
    /// them instead of looking the token up again each time they pass it.
    func annotate(_ tokens: inout [TextToken]) {
        for index in tokens.indices {
            if let entry = tokens[index].isSure ? wordTable.value(tokens[index].lower) : words[tokens[index].lower] {
                tokens[index].roles = entry.roles
                tokens[index].eventWord = entry.eventWord
            }
            if let ordinal = ordinal(in: tokens, at: index) {
                tokens[index].ordinalValue = Int32(ordinal.value)
                tokens[index].ordinalLength = UInt8(clamping: ordinal.length)
            }
        }
    }

    static func sharedStart(_ one: String, _ other: String) -> Int {
        zip(one.unicodeScalars, other.unicodeScalars).prefix { $0 == $1 }.count
    }

    /// The ordinal that starts at token `index`, as annotated: its value and tokens.
    func ordinal(in text: TokenizedText, at index: Int) -> (value: Int, range: Range<Int>)? {
        let token = text.tokens[index]
        guard token.ordinalValue > 0 else { return nil }
        return (Int(token.ordinalValue), index..<(index + Int(token.ordinalLength)))
    }

    static let ordinalSuffixes: Set<Substring> = [
        "st", "nd", "rd", "th", "ти", "ви", "ри", "ми", "та", "то", "ма", "ва", "ра", "я", "й", "а", "о", "е", "ий", "ій",
    ]

    /// The number an ordinal token stands for: "8th", "3rd", "8." (with the dot as the next token),
    /// "8-ма", or a word such as "Второто", "ósmej", "восьма", "second"; and how many tokens it takes.
    func ordinal(in tokens: [TextToken], at index: Int) -> (value: Int, length: Int)? {
        let token = tokens[index]
        if token.kind == .number, let value = Int(token.text), value > 0, value < 200 {
            if index + 1 < tokens.count, tokens[index + 1].text == ".", !tokens[index + 1].spaceBefore {
                return (value, 2)
            }
            return nil
        }
        guard token.kind == .word else { return nil }
        let lower = token.lower
        guard let initial = token.text.unicodeScalars.first else { return nil }
        let digits = TokenizedText.isNumeric(initial) ? lower.prefix { $0.isASCII && $0.isNumber } : ""
        if !digits.isEmpty, let value = Int(digits), value > 0, value < 200 {
            let suffix = lower.dropFirst(digits.count).drop { $0 == "-" }
            return Self.ordinalSuffixes.contains(suffix) ? (value, 1) : nil
        }
        guard let lowerInitial = lower.unicodeScalars.first else { return nil }
        if lowerInitial.value < ScalarClass.limit {
            guard ordinalInitialTable[Int(lowerInitial.value)] else { return nil }
        } else {
            guard ordinalInitials.contains(lowerInitial) else { return nil }
        }
        if token.isSure, !ordinalStemGroups.isEmpty {
            // Same answer as below: the token is in NFC with a character per scalar, and so is every stem
            // (and a sure scalar is below the table's limit).
            let group = ordinalStemGroupOfInitial[Int(lowerInitial.value)]
            guard group >= 0 else { return nil }
            let utf8 = lower.utf8
            for stem in ordinalStemGroups[Int(group)] where utf8.starts(with: stem.utf8) && lower.unicodeScalars.count <= stem.scalars + 4 {
                return (stem.value, 1)
            }
            return nil
        }
        guard let first = lower.first, let stems = ordinalStems[first] else { return nil }
        for (stem, value) in stems where lower.hasPrefix(stem) && lower.count <= stem.count + 4 {
            return (value, 1)
        }
        return nil
    }
}
