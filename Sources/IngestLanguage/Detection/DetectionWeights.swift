/// How the kinds of evidence are weighed against each other. Set on held-out training sentences
/// (`Scripts/build-language-model.py --dev-out`), never on the benchmark.
public struct DetectionWeights: Sendable, Equatable {
    /// Weight of each n-gram order, 1 to 5.
    public var orders: [Double] = [0.5, 1, 1, 1, 1]
    /// Weight of whole words: what tells close pairs (bg/mk, uk/ru, cs/sk) apart when their letters agree.
    public var words: Double = 3
    /// -ln P charged for each letter outside a language's alphabet (ы in Ukrainian, ł in Czech): strong
    /// evidence, yet not a hard filter, since names and quotations bring foreign letters.
    public var absentLetter: Double = 4
    /// Divides the summed log-likelihoods before they become probabilities. Overlapping n-grams count each
    /// letter many times over, so the raw posterior is far too sure of itself.
    public var temperature: Double = 6

    public init() {}
}
