public import IngestCore

/// The language stage: the page's language and each paragraph's, with confidence and script, and the
/// stretches of the text in another language (`Document.language`).
///
/// The candidates come from the pipeline; languages outside them are never answered: a page in one is
/// `und` once its letters show it (``DetectionWeights/foreignTextCost``). Decoy candidates
/// (Russian, Macedonian, Serbian, Belarusian, Czech, Slovak by default) are there so that a page in one of
/// them is called what it is rather than the nearest of the four target languages; the detector is told
/// which they are, so that ``DetectionWeights/ownLanguagePrior`` can rank them below the pipeline's own.
public struct LanguageDetection: Stage {
    public static let name = "language"

    /// The analyzer, or why the model could not be loaded: a broken build should say so on every page
    /// rather than stop a run halfway or guess.
    public let analyzer: Result<PageLanguageAnalyzer, LanguageModelError>

    public init(analyzer: PageLanguageAnalyzer) {
        self.analyzer = .success(analyzer)
    }

    public init(
        candidates: [String] = LanguageDetector.defaultCandidates,
        decoys: [String] = LanguageDetector.defaultDecoys,
        minimumConfidence: Double = LanguageDetector.defaultMinimumConfidence,
        ownLanguagePrior: Double = DetectionWeights().ownLanguagePrior,
        pageLanguagePrior: Double = DetectionWeights().pageLanguagePrior,
        sharesPriorAmongScripts: Bool = DetectionWeights().sharesPriorAmongScripts,
        foreignTextCost: Double? = DetectionWeights().foreignTextCost
    ) {
        analyzer = Result { () throws(LanguageModelError) in
            var detector = try LanguageDetector.bundled(
                candidates: candidates, decoys: decoys, minimumConfidence: minimumConfidence)
            detector.weights.ownLanguagePrior = ownLanguagePrior
            detector.weights.pageLanguagePrior = pageLanguagePrior
            detector.weights.sharesPriorAmongScripts = sharesPriorAmongScripts
            detector.weights.foreignTextCost = foreignTextCost
            return PageLanguageAnalyzer(detector: detector)
        }
    }

    public func process(_ document: inout Document, context: StageContext) throws(StageError) -> StageDecision {
        let analyzer: PageLanguageAnalyzer
        switch self.analyzer {
        case .success(let loaded): analyzer = loaded
        case .failure(let error): throw StageError(.internal, "language model unavailable: \(error.description)")
        }
        let text = document.text ?? ""
        let info = analyzer.analyze(text)
        document.language = info
        if info.code == LanguageGuess.undetermined && !info.paragraphs.isEmpty {
            document.warn(Self.name, code: "undetermined", "no candidate language fits the text well enough")
        }
        return .keep
    }

    public static let descriptor = StageDescriptor(
        name: name, summary: "the page's language and each paragraph's, with confidence, script and other-language segments",
        options: [
            StageOptionSpec(
                name: "candidates", summary: "comma-separated ISO 639-1 codes to choose among (others are never answered)",
                kind: .list(allowed: LanguageDetector.defaultCandidates),
                defaultValue: .string(LanguageDetector.defaultCandidates.joined(separator: ","))),
            StageOptionSpec(
                name: "min_confidence", summary: "below this probability a page or paragraph is 'und'",
                kind: .number(0...1), defaultValue: .number(LanguageDetector.defaultMinimumConfidence)),
            StageOptionSpec(
                name: "decoys", summary: "which of the candidates are decoys: answered as themselves, but not languages the pipeline serves",
                kind: .list(allowed: LanguageDetector.defaultCandidates),
                defaultValue: .string(LanguageDetector.defaultDecoys.joined(separator: ","))),
            StageOptionSpec(
                name: "own_language_prior",
                summary: "prior log-odds (nats) of each of the pipeline's own languages against each decoy; 0 treats all candidates alike",
                kind: .number(0...20), defaultValue: .number(DetectionWeights().ownLanguagePrior)),
            StageOptionSpec(
                name: "page_language_prior",
                summary: "prior log-odds (nats) of a paragraph's page language against each other candidate; 0 decides each paragraph on its own",
                kind: .number(0...20), defaultValue: .number(DetectionWeights().pageLanguagePrior)),
            StageOptionSpec(
                name: "script_share",
                summary: "a language written in two scripts (Serbian) is taken to be in each half the time; false for pages known to be in one",
                kind: .boolean, defaultValue: .boolean(DetectionWeights().sharesPriorAmongScripts)),
            StageOptionSpec(
                name: "foreign_text_cost",
                summary: "a page or paragraph of 120 letters or more whose letters cost every candidate more than this (nats a letter, more for short texts) is in none of them: 'und'; 0 never",
                kind: .number(0...20), defaultValue: .number(DetectionWeights().foreignTextCost ?? 0)),
        ],
        make: { options in
            LanguageDetection(
                candidates: (options.string("candidates") ?? "").split(separator: ",").map(String.init),
                decoys: (options.string("decoys") ?? "").split(separator: ",").map(String.init),
                minimumConfidence: options.number("min_confidence") ?? LanguageDetector.defaultMinimumConfidence,
                ownLanguagePrior: options.number("own_language_prior") ?? DetectionWeights().ownLanguagePrior,
                pageLanguagePrior: options.number("page_language_prior") ?? DetectionWeights().pageLanguagePrior,
                sharesPriorAmongScripts: options.boolean("script_share") ?? DetectionWeights().sharesPriorAmongScripts,
                foreignTextCost: options.number("foreign_text_cost").map { $0 > 0 ? $0 : nil } ?? DetectionWeights().foreignTextCost)
        })
}
