/// What a stretch of text says about its language, summed so far: per language the quantised -ln P of
/// its letters and of its words, letters outside each alphabet, and letters per script.
///
/// Naive Bayes evidence adds up, so a page's evidence is the sum of its paragraphs' and the page is
/// decided without reading its text twice. Latin and Cyrillic words are summed apart and a text is
/// judged on the words of its main script: English names in a Bulgarian sentence say nothing about
/// Bulgarian, yet would favour Serbian, the one candidate written in both scripts.
public struct LanguageEvidence: Sendable, Equatable {
    /// Evidence banks: Latin words, Cyrillic words, words in any other script.
    static let banks = 3
    let languageCount: Int
    /// `sums[(bank * 6 + slot) * languages + language]`: slot 0 the letters, slot 5 the words.
    var sums: [Int]
    /// `absentLetters[bank * languages + language]`: letters of a script the language is written in
    /// that its alphabet lacks.
    var absentLetters: [Int]
    /// Letters per ``WritingScript``.
    var scriptLetters: [Int]
    public internal(set) var letters = 0
    public internal(set) var words = 0
    /// Trigrams looked up, and those the model knows: gibberish is made of trigrams no language has.
    var trigrams = 0
    var knownTrigrams = 0

    public init(languages: Int) {
        languageCount = languages
        sums = [Int](repeating: 0, count: Self.banks * languages * LanguageModel.wordOrder)
        absentLetters = [Int](repeating: 0, count: Self.banks * languages)
        scriptLetters = [Int](repeating: 0, count: WritingScript.allCases.count)
    }

    /// Back to no evidence, keeping the storage: a page reads paragraph after paragraph into one value
    /// instead of allocating one per paragraph.
    mutating func reset() {
        for index in sums.indices { sums[index] = 0 }
        for index in absentLetters.indices { absentLetters[index] = 0 }
        for index in scriptLetters.indices { scriptLetters[index] = 0 }
        letters = 0
        words = 0
        trigrams = 0
        knownTrigrams = 0
    }

    public mutating func add(_ other: LanguageEvidence) {
        for index in sums.indices { sums[index] += other.sums[index] }
        for index in absentLetters.indices { absentLetters[index] += other.absentLetters[index] }
        for index in scriptLetters.indices { scriptLetters[index] += other.scriptLetters[index] }
        letters += other.letters
        words += other.words
        trigrams += other.trigrams
        knownTrigrams += other.knownTrigrams
    }

    /// How many Latin letters a Cyrillic one outweighs when the main script is chosen. Text in the Cyrillic
    /// candidates carries Latin names, brands, acronyms and addresses ("COVID БНР", "праграма BelarusDocs"),
    /// while text in the Latin candidates seldom holds a Cyrillic word, so a short text in both scripts is
    /// far more often in a Cyrillic language than its letter counts say.
    static let cyrillicWeight = 2

    /// The script most of the letters are written in, a Cyrillic letter counting for ``cyrillicWeight``;
    /// nil when there are no letters.
    public var dominantScript: WritingScript? {
        let cyrillic = WritingScript.cyrillic.rawValue
        func weight(_ script: Int) -> Int { script == cyrillic ? scriptLetters[script] * Self.cyrillicWeight : scriptLetters[script] }
        guard letters > 0, let best = scriptLetters.indices.max(by: { weight($0) < weight($1) }) else {
            return nil
        }
        return WritingScript(rawValue: best)
    }

    @inline(__always)
    static func bank(of script: WritingScript) -> Int {
        switch script {
        case .latin: 0
        case .cyrillic: 1
        default: 2
        }
    }
}
