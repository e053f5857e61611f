import Foundation
import IngestCore

/// Numbers written as words ("seventy", "триста", "dwadzieścia pięć", "пʼятдесят"), read through ICU's
/// rule-based spell-out: Foundation's NumberFormatter writes every number up to `limit` in each language
/// once, and the table maps each written form back.
struct NumberWords: Sendable {
    private(set) var values: [String: Int] = [:]
    /// The most words a spelled-out number in the table has.
    private(set) var maxWords = 1
    /// First words of every spelled-out number, so most words are ruled out with one look-up.
    private(set) var firstWords: Set<String> = []
    /// Every word of every spelled-out number, as ``key(_:)`` writes it.
    private(set) var words: Set<String> = []
    private var wordTable = WordTable<UInt32, Bool>([:])

    static let shared = NumberWords(limit: 1000)

    init(limit: Int) {
        for language in ["bg", "pl", "uk", "en"] {
            let formatter = NumberFormatter()
            formatter.locale = Locale(identifier: language)
            formatter.numberStyle = .spellOut
            for value in 1...limit {
                guard let text = formatter.string(from: NSNumber(value: value)) else { continue }
                let key = Self.key(text.lowercased().split(separator: " ").map(String.init))
                if values[key] == nil { values[key] = value }
                firstWords.insert(String(key.prefix { $0 != " " }))
                maxWords = max(maxWords, key.split(separator: " ").count)
            }
        }
        // Bulgarian speech and writing both use the long forms of twenty to ninety ("двадесет"), ICU the short.
        for (short, long) in [("двайсет", "двадесет"), ("трийсет", "тридесет"), ("четирийсет", "четиридесет")] {
            for (key, value) in values where key.hasPrefix(short) {
                values[long + key.dropFirst(short.count)] = value
            }
            firstWords.insert(long)
        }
        for key in values.keys {
            for word in key.split(separator: " ") { words.insert(String(word)) }
        }
        wordTable = WordTable(Dictionary(uniqueKeysWithValues: words.map { ($0, true) }))
    }

    /// Whether token `index` of `t` is a word some spelled-out number holds; by its scalars unless it
    /// holds an apostrophe, which ``key(_:)`` rewrites, or may not be in NFC.
    func isNumberWord(_ t: TokenList, _ index: Int) -> Bool {
        guard t[index].kind == .word, t.isSure(index), !t[index].classes.contains(.apostrophe) else {
            return words.contains(Self.key([t.lower(index)]))
        }
        return wordTable.contains(t.lowerScalars(index))
    }

    /// Lower-cased words joined by spaces, apostrophes made one (ICU writes Ukrainian with U+02BC).
    static func key(_ lowercasedWords: [String]) -> String {
        var key = String.UnicodeScalarView()
        for (index, word) in lowercasedWords.enumerated() {
            if index > 0 { key.append(" ") }
            for scalar in word.unicodeScalars { key.append(scalar == "'" || scalar == "\u{2019}" ? "\u{02BC}" : scalar) }
        }
        return String(key)
    }

    /// Whether a lower-cased word can begin a spelled-out number.
    func canStart(_ lower: String) -> Bool {
        firstWords.contains(lower) || (lower.unicodeScalars.contains { $0 == "'" || $0 == "\u{2019}" } && firstWords.contains(Self.key([lower])))
    }

    func value(of lowercasedWords: [String]) -> Int? { values[Self.key(lowercasedWords)] }
}
