import Foundation

/// Stems looked up by the first scalar of a word, in the order of their list, so the first stem a word
/// begins with is found without comparing it with every stem as a `String` (which steps through
/// characters and normalises).
///
/// Only for words the tokenizer knows to be in NFC without combining marks, whose scalars are their
/// characters: for them a prefix of scalars is a prefix of characters, and counts agree.
struct StemIndex<Value: Sendable>: Sendable {
    private var byFirst: [UInt32: [(stem: [Unicode.Scalar], value: Value)]] = [:]

    init(_ stems: [(String, Value)]) {
        for (stem, value) in stems {
            let scalars = Array(stem.precomposedStringWithCanonicalMapping.unicodeScalars)
            guard let first = scalars.first else { continue }
            byFirst[first.value, default: []].append((scalars, value))
        }
    }

    /// The value of the first stem, in list order, that `word` begins with and `accept` allows, given
    /// the stem's length and the word's, in scalars.
    func first(in word: String, where accept: (_ stem: Int, _ word: Int) -> Bool) -> Value? {
        let scalars = word.unicodeScalars
        guard let first = scalars.first, let candidates = byFirst[first.value] else { return nil }
        var length: Int?
        for candidate in candidates where scalars.starts(with: candidate.stem) {
            if length == nil { length = scalars.count }
            if accept(candidate.stem.count, length!) { return candidate.value }
        }
        return nil
    }
}
