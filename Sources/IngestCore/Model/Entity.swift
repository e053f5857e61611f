/// Something the text names: a date, a place, an organisation, a person or a quantity.
///
/// `normalised` is type-specific (see the record contract); it is kept as JSON so each entity type can
/// grow fields without a new Swift type in every consumer.
public struct Entity: Sendable, Codable, Equatable {
    public var type: String
    /// As written in `text`.
    public var text: String
    public var span: TextSpan
    public var normalised: [String: JSONValue]
    public var confidence: Double

    public init(type: String, text: String, span: TextSpan, normalised: [String: JSONValue], confidence: Double) {
        self.type = type
        self.text = text
        self.span = span
        self.normalised = normalised
        self.confidence = confidence
    }
}
