import IngestCore

/// Finds and normalises the dates, date ranges, places, organisations, people and quantities of a text,
/// in Bulgarian, Polish, Ukrainian and English.
///
/// Each kind has its own recogniser over one shared token list; a token belongs to one entity at most,
/// and dates go first because their numbers would otherwise read as counts.
public struct EntityRecogniser: Sendable {
    var tokenizer = Tokenizer()
    var dates = DateRecogniser()
    var places = PlaceRecogniser()
    var quantities = QuantityRecogniser()
    var organisations = OrganisationRecogniser()
    var people = PersonRecogniser()

    /// The languages whose patterns and forms the recognisers know.
    public static let languages: Set<String> = ["bg", "pl", "uk", "en"]

    public init() {}

    /// - Parameters:
    ///   - language: ISO 639-1 of the text when known; nil reads patterns of all four languages.
    ///   - published: the page's own date (ISO 8601), for years the text leaves out and for "yesterday".
    public func recognise(_ text: String, language: String? = nil, published: String? = nil) -> EntityRecognition {
        let scalars = TokenList.scalars(of: text)
        let tokens = tokenizer.tokens(of: scalars)
        let language = language.flatMap { Self.languages.contains($0) ? $0 : nil } ?? LanguageGuess.guess(scalars)
        let pageDate = published.flatMap(PartialDate.init(iso:))
        var result = EntityRecognition()
        var claimed = [Bool](repeating: false, count: tokens.count)
        var found: [Entity] = []

        let dated = dates.matches(in: tokens, published: pageDate)
        for warning in dated.warnings {
            result.warnings.append(StageWarning(stage: EntityExtractor.name, code: "weekday-mismatch", message: warning))
        }
        for match in dated.matches {
            for index in match.first..<match.end { claimed[index] = true }
            found.append(Self.entity(for: match, tokens: tokens, scalars: scalars))
        }

        found += quantities.entities(in: tokens, scalars: scalars, claimed: &claimed)
        let named = organisations.entities(in: tokens, scalars: scalars, claimed: &claimed, language: language)
        found += named
        found += people.entities(in: tokens, scalars: scalars, claimed: &claimed, organisations: named, language: language)
        found += places.entities(in: tokens, scalars: scalars, claimed: &claimed, language: language)

        result.entities = found.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
        return result
    }

    static func entity(for match: DateMatch, tokens: TokenList, scalars: [Unicode.Scalar]) -> Entity {
        let span = TextSpan(start: tokens[match.first].start, end: tokens[match.end - 1].end)
        var normalised: [String: JSONValue] = [:]
        let type: String
        switch match.value {
        case .date(let date):
            type = "date"
            normalised["value"] = .string(date.iso)
            normalised["precision"] = .string(date.precision.rawValue)
        case .range(let start, let end):
            type = "date_range"
            normalised["start"] = .string(start.iso)
            normalised["end"] = .string(end.iso)
            normalised["precision"] = .string(end.precision.rawValue)
        }
        if match.yearInferred { normalised["year_inferred"] = .bool(true) }
        if match.relative { normalised["relative"] = .bool(true) }
        return Entity(type: type, text: slice(scalars, span), span: span, normalised: normalised, confidence: match.confidence)
    }

    static func slice(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> String {
        TokenList.string(scalars[span.start..<span.end].lazy.map(\.value))
    }
}
