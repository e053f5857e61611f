/// How the kinds of evidence are weighed against each other. Set on held-out training sentences
/// (`Scripts/build-language-model.py --dev-out`), never on the benchmark.
public struct DetectionWeights: Sendable, Equatable {
    /// Weight of the character model: -ln P(letter | up to four letters before it).
    public var characters: Double = 1
    /// -ln of the factor paid each time the character model backs off to a shorter context, as in
    /// "stupid backoff" (0.4 ≈ 0.9 nats).
    public var backoff: Double = 0.9
    /// Weight of whole words: what tells close pairs (bg/mk, uk/ru, cs/sk) apart when their letters agree.
    public var words: Double = 2
    /// -ln P charged for each letter outside a language's alphabet (ы in Ukrainian, ł in Czech): strong
    /// evidence, yet not a hard filter, since names and quotations bring foreign letters.
    public var absentLetter: Double = 4
    /// Divides the summed log-likelihoods before they become probabilities. Overlapping evidence (letters,
    /// then the words made of them) counts each letter more than once, so the raw posterior is far too sure.
    public var temperature: Double = 3
    /// Once the best candidate leads the next by this much (-ln P), `LanguageDetector.detect` reads no
    /// further: the rest of the text would have to favour the runner-up by as much again. On the held-out
    /// sentences no answer changed from a lead of 45 up; twice that leaves room for other text. nil reads
    /// every text to its end. Page and paragraph evidence (`evidence(of:)`) is always read in full.
    public var decisiveMargin: Double? = 90

    public init() {}
}
