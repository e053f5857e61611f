/// How much of a block is function words ("на", "w", "у", "the"…): prose runs at a quarter or more,
/// while menus, teaser titles and tag lists have almost none. Language-independent across the four
/// languages, since their lists barely overlap with each other's content words.
enum FunctionWordRatio {
    /// Fingerprints of every function word in lower case and capitalised (sentence-initial) form, so
    /// words are matched on their bytes without case-folding each one.
    private static let fingerprints: Set<UInt64> = {
        var set = Set<UInt64>()
        for word in FunctionWords.bg.union(FunctionWords.pl).union(FunctionWords.uk).union(FunctionWords.en) {
            set.insert(SiteTemplates.fingerprint(Array(word.utf8)))
            set.insert(SiteTemplates.fingerprint(Array((word.prefix(1).uppercased() + word.dropFirst()).utf8)))
        }
        return set
    }()

    /// Words in the text, and the share of them that are function words.
    static func of(_ text: [UInt8]) -> (words: Int, ratio: Double) {
        var words = 0
        var functionWords = 0
        var start = -1
        func endWord(at end: Int) {
            guard start >= 0 else { return }
            words += 1
            if end - start <= 12, fingerprints.contains(SiteTemplates.fingerprint(text[start..<end])) { functionWords += 1 }
            start = -1
        }
        for (index, byte) in text.enumerated() {
            let isLetter = byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isLetter {
                if start < 0 { start = index }
            } else {
                endWord(at: index)
            }
        }
        endWord(at: text.count)
        return (words, words == 0 ? 0 : Double(functionWords) / Double(words))
    }
}
