/// The page's language as the language stage decided it.
public struct LanguageInfo: Sendable, Codable, Equatable {
    /// ISO 639-1, or `und` when the detector is not sure.
    public var code: String
    public var confidence: Double
    /// ISO 15924, e.g. `Cyrl`, `Latn`.
    public var script: String?
    /// Ranges of `text` in a language other than `code`.
    public var segments: [LanguageSegment]

    public init(code: String, confidence: Double, script: String? = nil, segments: [LanguageSegment] = []) {
        self.code = code
        self.confidence = confidence
        self.script = script
        self.segments = segments
    }
}
