public import IngestCore

/// The entities stage: fills `entities` with the dates, date ranges, places, organisations, people and
/// quantities of the page's text, normalised, each with its span and a confidence.
///
/// It reads the page's language when the language stage has set one, and the page's own date for years
/// the text leaves out. A page without text is left as it is: strip already refuses empty pages.
public struct EntityExtractor: Stage {
    public static let name = "entities"

    public var recogniser: EntityRecogniser

    public init(recogniser: EntityRecogniser = EntityRecogniser()) {
        self.recogniser = recogniser
    }

    public func process(_ document: inout Document, context: StageContext) throws(StageError) -> StageDecision {
        guard let text = document.text, !text.isEmpty else { return .keep }
        let language = document.language.flatMap { $0.code == "und" ? nil : $0.code }
        let result = recogniser.recognise(text, language: language, published: document.published?.value)
        document.entities = result.entities
        document.warnings += result.warnings
        if let title = document.title, !title.isEmpty {
            document.titlePlaces = recogniser.recognise(title, language: language, published: document.published?.value).entities.filter {
                $0.type == "place"
            }
        }
        return .keep
    }

    public static let descriptor = StageDescriptor(
        name: name, summary: "dates and ranges, places, organisations, people and quantities in the text, normalised",
        options: [], make: { _ in EntityExtractor() })
}
