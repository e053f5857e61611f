/// A stretch of the page's text in another language than the page's own.
public struct LanguageSegment: Sendable, Codable, Equatable {
    public var span: TextSpan
    public var code: String
    public var confidence: Double

    public init(span: TextSpan, code: String, confidence: Double) {
        self.span = span
        self.code = code
        self.confidence = confidence
    }
}
