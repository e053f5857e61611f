/// Letter-pair log-probabilities of Bulgarian, Polish, Ukrainian and English, parsed once from the
/// generated tables (`Scripts/build-letter-pairs.py`), for scoring how much a decoding reads like text.
///
/// Each language is kept as the dense matrix the scorers look pairs up in: a scorer exists per
/// (encoding, language), and building the matrix once per language instead of once per scorer is most of
/// what preparing the charset detector costs a short-lived `ingest charset`.
public final class LetterPairModel: Sendable {
    struct Language: Sendable {
        let code: String
        /// The symbols the table has pairs of: the word boundary first, then the letters in code point order.
        let alphabet: [UInt32]
        /// Pair scores by alphabet index, `alphabet.count` wide; a pair the table lacks holds `unseen`.
        let matrix: [Int16]
        let floor: Int16

        /// The alphabet index of a symbol (0 is the word boundary), or nil for one the table has never seen.
        func index(of symbol: UInt32) -> Int? {
            if symbol == LetterPairModel.boundary { return 0 }
            var low = 1
            var high = alphabet.count
            while low < high {
                let middle = (low + high) / 2
                if alphabet[middle] < symbol { low = middle + 1 } else { high = middle }
            }
            return low < alphabet.count && alphabet[low] == symbol ? low : nil
        }
    }

    let languages: [String: Language]

    static let shared = LetterPairModel()

    private init() {
        var languages: [String: Language] = [:]
        for (code, table, floor) in [
            ("bg", LetterPairs.bg, LetterPairs.bgFloor), ("pl", LetterPairs.pl, LetterPairs.plFloor),
            ("uk", LetterPairs.uk, LetterPairs.ukFloor), ("en", LetterPairs.en, LetterPairs.enFloor),
        ] {
            languages[code] = Self.language(code, table: table, floor: floor)
        }
        self.languages = languages
    }

    /// Parses `xy:score` entries separated by spaces, scalar by scalar; an entry of any other shape is
    /// skipped.
    private static func language(_ code: String, table: String, floor: Int) -> Language {
        var entries: [(first: UInt32, second: UInt32, score: Int16)] = []
        var scalars = table.unicodeScalars.makeIterator()
        var entry: [Unicode.Scalar] = []
        while true {
            let scalar = scalars.next()
            if let scalar, scalar != " " {
                entry.append(scalar)
                continue
            }
            if entry.count >= 4, entry[2] == ":", let score = Self.integer(entry[3...]) {
                entries.append((entry[0].value, entry[1].value, score))
            }
            entry.removeAll(keepingCapacity: true)
            if scalar == nil { break }
        }
        var letters = Set<UInt32>()
        for entry in entries {
            letters.insert(entry.first)
            letters.insert(entry.second)
        }
        letters.remove(boundary)
        let alphabet = [boundary] + letters.sorted()
        var positions: [UInt32: Int] = [:]
        for (position, symbol) in alphabet.enumerated() { positions[symbol] = position }
        let width = alphabet.count
        var matrix = [Int16](repeating: Int16(PairScorer.unseenPair), count: width * width)
        for entry in entries {
            if let first = positions[entry.first], let second = positions[entry.second] {
                matrix[first * width + second] = entry.score
            }
        }
        return Language(code: code, alphabet: alphabet, matrix: matrix, floor: Int16(floor))
    }

    /// A decimal integer with an optional minus sign, if it fits an `Int16`.
    private static func integer(_ scalars: ArraySlice<Unicode.Scalar>) -> Int16? {
        var digits = scalars[...]
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for scalar in digits {
            guard ("0"..."9").contains(scalar), value < 100_000 else { return nil }
            value = value * 10 + Int(scalar.value - 0x30)
        }
        return Int16(exactly: negative ? -value : value)
    }

    static let boundary: UInt32 = 0x5F
}
