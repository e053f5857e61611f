import Foundation

/// Word endings looked up by the last scalar of a word, for the same words and the same reason as
/// ``StemIndex``: `hasSuffix` on a `String` steps through characters and normalises.
struct SuffixSet: Sendable {
    /// Each ending's scalars, last first.
    private var byLast: [UInt32: [[UInt32]]] = [:]

    init<S: Sequence>(_ endings: S) where S.Element == String {
        for ending in endings {
            let scalars = Array(ending.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value).reversed())
            guard let last = scalars.first else { continue }
            byLast[last, default: []].append(scalars)
        }
    }

    /// Whether `word`, lower-cased scalars in NFC without combining marks, ends with one of the endings.
    func matches(_ word: ArraySlice<UInt32>) -> Bool {
        guard let last = word.last, let endings = byLast[last] else { return false }
        return endings.contains { word.reversed().starts(with: $0) }
    }
}
