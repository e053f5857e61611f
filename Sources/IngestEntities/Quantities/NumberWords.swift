import Foundation

/// Numbers written as words ("seventy", "триста", "dwadzieścia pięć", "пʼятдесят"), read through ICU's
/// rule-based spell-out: Foundation's NumberFormatter writes every number up to `limit` in each language
/// once, and the table maps each written form back.
struct NumberWords: Sendable {
    private(set) var values: [String: Int] = [:]
    /// The most words a spelled-out number in the table has.
    private(set) var maxWords = 1

    static let shared = NumberWords(limit: 1000)

    init(limit: Int) {
        for language in ["bg", "pl", "uk", "en"] {
            let formatter = NumberFormatter()
            formatter.locale = Locale(identifier: language)
            formatter.numberStyle = .spellOut
            for value in 1...limit {
                guard let text = formatter.string(from: NSNumber(value: value)) else { continue }
                let key = Self.key(text.split(separator: " ").map(String.init))
                if values[key] == nil { values[key] = value }
                maxWords = max(maxWords, key.split(separator: " ").count)
            }
        }
        // Bulgarian speech and writing both use the long forms of twenty to ninety ("двадесет"), ICU the short.
        for (short, long) in [("двайсет", "двадесет"), ("трийсет", "тридесет"), ("четирийсет", "четиридесет")] {
            for (key, value) in values where key.hasPrefix(short) {
                values[long + key.dropFirst(short.count)] = value
            }
        }
    }

    /// Lower-cased words joined by spaces, apostrophes made one (ICU writes Ukrainian with U+02BC).
    static func key(_ words: [String]) -> String {
        words.map { $0.lowercased().replacingOccurrences(of: "'", with: "\u{02BC}").replacingOccurrences(of: "\u{2019}", with: "\u{02BC}") }
            .joined(separator: " ")
    }

    func value(of words: [String]) -> Int? { values[Self.key(words)] }
}
