extension WordScorer {
    /// What one word says, apart from the counts every word adds alike: the part a
    /// ``WordEvidenceCache`` keeps.
    struct WordEvidence {
        /// Per language, what the word's letters cost, or the word entry's value standing in for them.
        var costs: SIMD16<UInt32>
        /// The word entry's values, when the model has the word.
        var wordValues: SIMD16<UInt8>?
        /// Per language, the word's letters its alphabet lacks.
        var absent: SIMD16<UInt8>
        var knownTrigrams: Int
    }
}
