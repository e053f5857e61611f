/// Letter-pair log-probabilities of Bulgarian, Polish, Ukrainian and English, parsed once from the
/// generated tables (`Scripts/build-letter-pairs.py`), for scoring how much a decoding reads like text.
public final class LetterPairModel: Sendable {
    struct Language: Sendable {
        let code: String
        let scores: [UInt64: Int16]
        let floor: Int16
    }

    let languages: [String: Language]

    static let shared = LetterPairModel()

    private init() {
        var languages: [String: Language] = [:]
        for (code, table, floor) in [
            ("bg", LetterPairs.bg, LetterPairs.bgFloor), ("pl", LetterPairs.pl, LetterPairs.plFloor),
            ("uk", LetterPairs.uk, LetterPairs.ukFloor), ("en", LetterPairs.en, LetterPairs.enFloor),
        ] {
            var scores: [UInt64: Int16] = [:]
            for entry in table.split(separator: " ") {
                let scalars = Array(entry.unicodeScalars)
                guard scalars.count >= 4, scalars[2] == ":", let score = Int16(String(String.UnicodeScalarView(scalars[3...])))
                else { continue }
                scores[Self.key(scalars[0].value, scalars[1].value)] = score
            }
            languages[code] = Language(code: code, scores: scores, floor: Int16(floor))
        }
        self.languages = languages
    }

    static let boundary: UInt32 = 0x5F

    static func key(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) << 32 | UInt64(second) }
}
