/// One candidate language and its share of the probability.
public struct LanguageScore: Sendable, Equatable, Codable {
    public var language: String
    public var score: Double

    public init(language: String, score: Double) {
        self.language = language
        self.score = score
    }
}
