public import IngestCore

/// The events stage: event records from the page's text, entities and schema.org data, each field with
/// its evidence span, each event with an id that is the same on every page reporting it.
///
/// It runs after the entities stage and reads its entities; without them it still finds event names,
/// kinds, editions and attendance, and leaves dates, places and organisers empty rather than guessing.
public struct EventExtractor: Stage {
    public static let name = "events"

    public var assembler: EventAssembler

    public init(assembler: EventAssembler = EventAssembler()) {
        self.assembler = assembler
    }

    public func process(_ document: inout Document, context: StageContext) throws(StageError) -> StageDecision {
        document.events = assembler.events(
            text: document.text ?? "", entities: document.entities, structured: document.structuredEvents, page: document.id,
            title: document.title, titlePlaces: document.titlePlaces)
        return .keep
    }

    public static let descriptor = StageDescriptor(
        name: name,
        summary: "event records (name, kind, dates, place, attendance, organisers, participants, people, edition) with evidence and stable ids",
        options: [], make: { _ in EventExtractor() })
}
