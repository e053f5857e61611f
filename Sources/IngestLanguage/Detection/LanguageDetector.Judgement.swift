extension LanguageDetector {
    /// What a text's evidence says before any prior for one particular language: each candidate's
    /// log-likelihood with the own-language prior and the share among scripts applied, and whether the text
    /// can be judged at all.
    /// A page keeps one per paragraph, so that each paragraph is decided once the page's language is known
    /// (``DetectionWeights/pageLanguagePrior``) without the paragraph being read twice or its evidence kept.
    public struct Judgement: Sendable, Equatable {
        /// Per candidate, in candidate order, on the untempered scale.
        var likelihoods: [Double]
        /// The script of most letters, nil when there are none.
        var script: WritingScript?
        /// At least two letters, in a script the candidates are written in.
        var judgeable: Bool
        /// Most trigrams are unknown to every language.
        var gibberish: Bool
        /// Letters of the main script.
        var letters: Int
        /// What a letter of the main script costs the candidate it costs least (-ln P of the letter chain,
        /// word ends included, per letter); nil without letters in Latin or Cyrillic. What
        /// ``LanguageDetector/fitsNoCandidate(_:)`` weighs.
        var letterCost: Double?
    }
}
