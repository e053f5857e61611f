import Foundation

/// Stems looked up by the first scalar of a word, in the order of their list, so the first stem a word
/// begins with is found without comparing it with every stem as a `String` (which steps through
/// characters and normalises).
///
/// Only for words the tokenizer knows to be in NFC without combining marks, whose scalars are their
/// characters: for them a prefix of scalars is a prefix of characters, and counts agree.
struct StemIndex<Value: Sendable>: Sendable {
    private var byFirst: [UInt32: [(stem: [UInt32], value: Value)]] = [:]

    init(_ stems: [(String, Value)]) {
        for (stem, value) in stems {
            let scalars = stem.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            guard let first = scalars.first else { continue }
            byFirst[first, default: []].append((scalars, value))
        }
    }

    /// The value of the first stem, in list order, that `word` (lower-cased scalars) begins with and `accept` allows, given
    /// the stem's length and the word's, in scalars.
    func first(in word: ArraySlice<UInt32>, where accept: (_ stem: Int, _ word: Int) -> Bool) -> Value? {
        guard let first = word.first, let candidates = byFirst[first] else { return nil }
        for candidate in candidates where word.starts(with: candidate.stem) {
            if accept(candidate.stem.count, word.count) { return candidate.value }
        }
        return nil
    }
}
