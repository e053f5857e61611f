import Foundation

/// Word endings looked up by the last scalar of a word, for the same words and the same reason as
/// ``StemIndex``: `hasSuffix` on a `String` steps through characters and normalises.
struct SuffixSet: Sendable {
    /// Each ending's scalars, last first.
    private var byLast: [UInt32: [[Unicode.Scalar]]] = [:]

    init<S: Sequence>(_ endings: S) where S.Element == String {
        for ending in endings {
            let scalars = Array(ending.precomposedStringWithCanonicalMapping.unicodeScalars.reversed())
            guard let last = scalars.first else { continue }
            byLast[last.value, default: []].append(scalars)
        }
    }

    /// Whether `word`, in NFC without combining marks, ends with one of the endings.
    func matches(_ word: String) -> Bool {
        let scalars = word.unicodeScalars
        guard let last = scalars.last, let endings = byLast[last.value] else { return false }
        return endings.contains { scalars.reversed().starts(with: $0) }
    }
}
