/// Letter-pair log-probabilities of Bulgarian, Polish, Ukrainian and English, and of the Cyrillic
/// neighbours Russian, Belarusian, Serbian and Macedonian, parsed once from the generated tables
/// (`Scripts/build-letter-pairs.py`), for scoring how much a decoding reads like text.
///
/// Each language is kept as the dense matrix the scorers look pairs up in: a scorer exists per
/// (encoding, language), and building the matrix once per language instead of once per scorer is most of
/// what preparing the charset detector costs a short-lived `ingest charset`. A language's table is parsed
/// the first time it is asked for: charset detection reads four of the eight, the mojibake repair all.
public enum LetterPairModel {
    struct Language: Sendable {
        let code: String
        /// The symbols the table has pairs of: the word boundary first, then the letters in code point order.
        let alphabet: [UInt32]
        /// Pair scores by alphabet index, `alphabet.count` wide; a pair the table lacks holds `unseen`.
        let matrix: [Int16]
        let floor: Int16
        /// The alphabet index of each symbol below ``LetterPairModel/direct`` (Latin and Cyrillic, nearly
        /// all of every alphabet), -1 where the table has none: the table the model is read with, kept, since
        /// every scorer asks it about each of a code page's 256 bytes at start-up.
        let directIndex: [Int16]

        /// The alphabet index of a symbol (0 is the word boundary), or nil for one the table has never seen.
        func index(of symbol: UInt32) -> Int? {
            if symbol < UInt32(LetterPairModel.direct) {
                let index = Int(directIndex[Int(symbol)])
                return index >= 0 ? index : nil
            }
            var low = 1
            var high = alphabet.count
            while low < high {
                let middle = (low + high) / 2
                if alphabet[middle] < symbol { low = middle + 1 } else { high = middle }
            }
            return low < alphabet.count && alphabet[low] == symbol ? low : nil
        }
    }

    /// The table of a language, by its code; nil for a language the tables do not cover.
    static func language(_ code: String) -> Language? {
        switch code {
        case "bg": Tables.bg
        case "pl": Tables.pl
        case "uk": Tables.uk
        case "en": Tables.en
        case "ru": Tables.ru
        case "be": Tables.be
        case "sr": Tables.sr
        case "mk": Tables.mk
        default: nil
        }
    }

    /// One lazily initialised constant per language, each parsed once per process when first read.
    private enum Tables {
        static let bg = LetterPairModel.language("bg", table: LetterPairs.bg, floor: LetterPairs.bgFloor)
        static let pl = LetterPairModel.language("pl", table: LetterPairs.pl, floor: LetterPairs.plFloor)
        static let uk = LetterPairModel.language("uk", table: LetterPairs.uk, floor: LetterPairs.ukFloor)
        static let en = LetterPairModel.language("en", table: LetterPairs.en, floor: LetterPairs.enFloor)
        static let ru = LetterPairModel.language("ru", table: LetterPairs.ru, floor: LetterPairs.ruFloor)
        static let be = LetterPairModel.language("be", table: LetterPairs.be, floor: LetterPairs.beFloor)
        static let sr = LetterPairModel.language("sr", table: LetterPairs.sr, floor: LetterPairs.srFloor)
        static let mk = LetterPairModel.language("mk", table: LetterPairs.mk, floor: LetterPairs.mkFloor)
    }

    /// Parses `xy:score` entries separated by spaces, straight from the table's UTF-8 (an entry of any
    /// other shape is skipped). It runs in every process that detects a charset: reading the tables scalar
    /// by scalar into arrays, a set and a dictionary cost as much as detecting the charset of a hundred
    /// small pages.
    fileprivate static func language(_ code: String, table: String, floor: Int) -> Language {
        var entries: [(first: UInt32, second: UInt32, score: Int16)] = []
        var table = table
        table.withUTF8 { utf8 in
            var start = 0
            while start < utf8.count {
                var end = start
                while end < utf8.count, utf8[end] != 0x20 { end += 1 }
                if let entry = Self.entry(UnsafeBufferPointer(rebasing: utf8[start..<end])) { entries.append(entry) }
                start = end + 1
            }
        }
        // The letters, sorted and each once. Those below `direct` (Latin and Cyrillic, all the tables hold)
        // are marked in a table indexed by the scalar; any other is looked up by halving.
        var positions = [Int16](repeating: -1, count: direct)
        var others: [UInt32] = []
        for entry in entries {
            Self.mark(entry.first, in: &positions, others: &others)
            Self.mark(entry.second, in: &positions, others: &others)
        }
        var alphabet = [boundary]
        for symbol in 0..<direct where positions[symbol] >= 0 {
            positions[symbol] = Int16(alphabet.count)
            alphabet.append(UInt32(symbol))
        }
        let firstOther = alphabet.count
        alphabet += others
        positions[Int(boundary)] = 0
        let width = alphabet.count
        var matrix = [Int16](repeating: Int16(PairScorer.unseenPair), count: width * width)
        for entry in entries {
            if let first = Self.position(of: entry.first, positions: positions, others: others, firstOther: firstOther),
                let second = Self.position(of: entry.second, positions: positions, others: others, firstOther: firstOther)
            {
                matrix[first * width + second] = entry.score
            }
        }
        return Language(code: code, alphabet: alphabet, matrix: matrix, floor: Int16(floor), directIndex: positions)
    }

    /// Notes a letter of the table: in `positions` when it is below ``direct``, else in the sorted `others`.
    private static func mark(_ symbol: UInt32, in positions: inout [Int16], others: inout [UInt32]) {
        guard symbol != boundary else { return }
        if symbol < direct {
            positions[Int(symbol)] = 0
            return
        }
        let at = insertionPoint(of: symbol, in: others)
        if at == others.count || others[at] != symbol { others.insert(symbol, at: at) }
    }

    /// The alphabet index of a letter noted by ``mark(_:in:others:)`` once `positions` holds indexes.
    private static func position(of symbol: UInt32, positions: [Int16], others: [UInt32], firstOther: Int) -> Int? {
        if symbol < direct {
            let position = Int(positions[Int(symbol)])
            return position >= 0 ? position : nil
        }
        let at = insertionPoint(of: symbol, in: others)
        return at < others.count && others[at] == symbol ? firstOther + at : nil
    }

    /// Where `symbol` is or would go in the sorted `symbols`: the first position not below it.
    private static func insertionPoint(of symbol: UInt32, in symbols: [UInt32]) -> Int {
        var low = 0
        var high = symbols.count
        while low < high {
            let middle = (low + high) / 2
            if symbols[middle] < symbol { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// One `xy:score` entry: two scalars, a colon and a decimal integer with an optional minus sign that
    /// fits an `Int16`; nil for anything else.
    private static func entry(_ utf8: UnsafeBufferPointer<UInt8>) -> (first: UInt32, second: UInt32, score: Int16)? {
        var index = 0
        guard let first = scalar(utf8, at: &index), let second = scalar(utf8, at: &index), index < utf8.count,
            utf8[index] == UInt8(ascii: ":")
        else { return nil }
        index += 1
        let negative = index < utf8.count && utf8[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < utf8.count else { return nil }
        var value = 0
        while index < utf8.count {
            let digit = utf8[index]
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit), value < 100_000 else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
            index += 1
        }
        guard let score = Int16(exactly: negative ? -value : value) else { return nil }
        return (first, second, score)
    }

    /// The scalar whose UTF-8 starts at `index`, which is moved past it; nil at the end of `utf8`.
    private static func scalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32? {
        guard index < utf8.count else { return nil }
        let lead = utf8[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= utf8.count else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        index += length
        return value
    }

    static let boundary: UInt32 = 0x5F

    /// Symbols below this are indexed through a table (the boundary among them).
    static let direct = 0x800
}
