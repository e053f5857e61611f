import Foundation

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

    let eventWords: [String: EventWord]
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
        for identifier in ["en", "bg", "pl", "uk"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: identifier)
            for names in [
                formatter.monthSymbols, formatter.standaloneMonthSymbols, formatter.shortMonthSymbols, formatter.weekdaySymbols,
                formatter.standaloneWeekdaySymbols,
            ] {
                for name in names { calendar.insert(name.lowercased().trimmingCharacters(in: .punctuationCharacters)) }
            }
        }
        calendarWords = calendar
    }

    static func sharedStart(_ one: String, _ other: String) -> Int {
        zip(one.unicodeScalars, other.unicodeScalars).prefix { $0 == $1 }.count
    }

    /// The number an ordinal token stands for: "8th", "3rd", "8." (with the dot as the next token),
    /// "8-ма", or a word such as "Второто", "ósmej", "восьма", "second".
    func ordinal(in text: TokenizedText, at index: Int) -> (value: Int, range: Range<Int>)? {
        let tokens = text.tokens
        let token = tokens[index]
        if token.kind == .number, let value = Int(token.text), value > 0, value < 200 {
            if index + 1 < tokens.count, tokens[index + 1].text == ".", !tokens[index + 1].spaceBefore {
                return (value, index..<(index + 2))
            }
            return nil
        }
        guard token.kind == .word else { return nil }
        let lower = token.lower
        guard let initial = token.text.unicodeScalars.first else { return nil }
        let digits = TokenizedText.isNumeric(initial) ? lower.prefix { $0.isASCII && $0.isNumber } : ""
        if !digits.isEmpty, let value = Int(digits), value > 0, value < 200 {
            let suffix = lower.dropFirst(digits.count).drop { $0 == "-" }
            let suffixes: Set<Substring> = ["st", "nd", "rd", "th", "ти", "ви", "ри", "ми", "та", "то", "ма", "ва", "ра", "я", "й", "а", "о", "е", "ий", "ій"]
            return suffixes.contains(suffix) ? (value, index..<(index + 1)) : nil
        }
        guard let lowerInitial = lower.unicodeScalars.first, ordinalInitials.contains(lowerInitial), let first = lower.first,
            let stems = ordinalStems[first]
        else { return nil }
        for (stem, value) in stems where lower.hasPrefix(stem) && lower.count <= stem.count + 4 {
            return (value, index..<(index + 1))
        }
        return nil
    }
}
