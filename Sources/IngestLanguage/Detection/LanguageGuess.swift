/// The detector's answer for one text: the language (`und` when unsure), how sure, the script, and every
/// candidate ranked, so a caller restricted to fewer languages can take the best of its own.
public struct LanguageGuess: Sendable, Equatable {
    public static let undetermined = "und"

    public var code: String
    public var confidence: Double
    /// ISO 15924 of most letters; nil when the text has none.
    public var script: String?
    /// Every candidate, best first; the scores add up to 1.
    public var candidates: [LanguageScore]

    public init(code: String, confidence: Double, script: String?, candidates: [LanguageScore]) {
        self.code = code
        self.confidence = confidence
        self.script = script
        self.candidates = candidates
    }
}
