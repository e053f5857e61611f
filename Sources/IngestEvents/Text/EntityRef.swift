import IngestCore

/// An entity of the page as the events stage uses it: its type, normalised fields and where it sits
/// among the tokens and sentences.
struct EntityRef: Sendable {
    var entity: Entity
    var tokens: Range<Int>
    var sentence: Int

    var type: String { entity.type }
    var span: TextSpanRange { TextSpanRange(start: entity.span.start, end: entity.span.end) }

    func string(_ key: String) -> String? {
        switch entity.normalised[key] {
        case .string(let value)?: return value.isEmpty ? nil : value
        case .number(let value)?: return value.rounded() == value ? String(Int(value)) : String(value)
        default: return nil
        }
    }

    func number(_ key: String) -> Int? {
        switch entity.normalised[key] {
        case .number(let value)?: return Int(exactly: value.rounded())
        case .string(let value)?: return Int(value)
        default: return nil
        }
    }

    /// The page's entities that lie inside the text, in text order, each placed among the tokens.
    static func index(_ entities: [Entity], in text: TokenizedText) -> [EntityRef] {
        entities.filter { $0.span.end <= text.scalarCount && $0.span.start < $0.span.end }
            .sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
            .map { entity in
                let first = text.tokenIndex(atScalar: entity.span.start)
                let last = max(first, text.tokenIndex(atScalar: entity.span.end - 1))
                return EntityRef(
                    entity: entity, tokens: first..<min(last + 1, text.tokens.count), sentence: text.sentence(atScalar: entity.span.start))
            }
    }
}
