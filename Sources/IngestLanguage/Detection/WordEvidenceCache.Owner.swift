extension WordEvidenceCache {
    /// What a word's evidence depends on besides its letters. The model is held, not just named, so that no
    /// other model loaded later at its address can pass for it.
    struct Owner: Equatable, Sendable {
        let model: LanguageModel
        let backoff: Int
        let wholeWordLetters: Int

        static func == (left: Owner, right: Owner) -> Bool {
            left.model === right.model && left.backoff == right.backoff && left.wholeWordLetters == right.wholeWordLetters
        }
    }
}
