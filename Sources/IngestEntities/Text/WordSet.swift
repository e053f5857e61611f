import IngestCore

/// A closed set of lower-cased words that rules test tokens against: by the token's lower-cased scalars
/// when the tokenizer knows them, by its lower-cased `String` otherwise (a word that may not be in NFC,
/// which `Set<String>` compares canonically).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    let words: Set<String>
    private let table: WordTable<UInt32, Bool>

    init<S: Sequence>(_ words: S) where S.Element == String {
        self.words = Set(words)
        table = WordTable(Dictionary(uniqueKeysWithValues: self.words.map { ($0, true) }))
    }

    init(arrayLiteral words: String...) { self.init(words) }

    /// Whether token `index` of `t`, lower-cased, is one of the words.
    func contains(_ t: TokenList, _ index: Int) -> Bool {
        guard t[index].kind == .word, t.isSure(index) else { return words.contains(t.lower(index)) }
        return table.contains(t.lowerScalars(index))
    }

    func contains(_ word: String) -> Bool { words.contains(word) }
}
