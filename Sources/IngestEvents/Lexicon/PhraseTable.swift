/// Multi-word phrases looked up by their first word, longest first, so "offline and online" wins over
/// "online" and "organised by" over "organised".
struct PhraseTable: Sendable {
    struct Entry: Sendable {
        var words: [String]
        var value: String
    }

    private var byFirstWord: [String: [Entry]] = [:]

    /// The words some phrase starts with.
    var firstWords: Set<String> { Set(byFirstWord.keys) }

    init(_ phrases: [(phrase: String, value: String)]) {
        for (phrase, value) in phrases {
            let words = phrase.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append(Entry(words: words, value: value))
        }
        for key in byFirstWord.keys { byFirstWord[key]?.sort { $0.words.count > $1.words.count } }
    }

    /// The longest phrase that starts at token `index`, as (token range, value). Words must follow each
    /// other with nothing but spaces between them.
    func match(in text: TokenizedText, at index: Int) -> (range: Range<Int>, value: String)? {
        let tokens = text.tokens
        guard index < tokens.count, let candidates = byFirstWord[tokens[index].lower] else { return nil }
        for entry in candidates {
            let end = index + entry.words.count
            guard end <= tokens.count else { continue }
            var matches = true
            for (offset, word) in entry.words.enumerated() where tokens[index + offset].lower != word {
                matches = false
                break
            }
            if matches { return (index..<end, entry.value) }
        }
        return nil
    }
}
