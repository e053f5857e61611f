public import IngestCore

/// Undoes mojibake: UTF-8 text that was decoded with a single-byte code page ("Iaศ™i" for "Iași",
/// "Ð¡Ð¾Ñ„Ð¸Ñ" for "София", "â€œ" for "“"), once or twice over.
///
/// Only broken spans are touched. A span is a run of non-ASCII characters; it is repaired when encoding
/// it back with one code page yields bytes that are valid UTF-8 and read as letters and ordinary
/// punctuation. Clean text in these languages practically never survives that round trip, which is what
/// keeps repair from harming text that was already right.
public struct MojibakeRepairer: Sendable {
    /// Code pages tried, most common misreading first.
    public static let codePages = PairScorer.encodings

    /// Passes over the text: mojibake of mojibake needs two.
    public static let maximumPasses = 3

    private let reverse: [(name: String, map: [UInt32: UInt8])]

    public init() {
        reverse = Self.codePages.compactMap { name in
            guard let table = SingleByteTable.named(name) else { return nil }
            var map: [UInt32: UInt8] = [:]
            // Bytes a code page leaves undefined come through browsers and scrapers as the C1 control of
            // the same value, so a C1 control maps back to its byte in every code page.
            for byte in 0x80...0x9F { map[UInt32(byte)] = UInt8(byte) }
            if name == "windows-874", let fallback = SingleByteTable.named("windows-1252") {
                // windows-874 leaves most of 0x80–0x9F undefined; decoders fill them from windows-1252.
                for (byte, scalar) in fallback.scalars.enumerated() where (0x80...0x9F).contains(byte) { map[scalar.value] = UInt8(byte) }
            }
            for (byte, scalar) in table.scalars.enumerated() where byte >= 0x80 && scalar != "\u{FFFD}" {
                map[scalar.value] = UInt8(byte)
            }
            return (name, map)
        }
    }

    private static func suspiciousCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isSuspicious($1) ? 1 : 0) }
    }

    private static func controlCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x80...0x9F).contains($1.value) ? 1 : 0) }
    }

    public struct Result: Sendable, Equatable {
        public var text: String
        public var repairs: [EncodingRepair]
    }

    /// Legacy text read with the wrong legacy code page, as (read as, really, languages of the real one).
    public static let legacyConfusions: [(readAs: String, actual: String, languages: [String])] = [
        ("windows-1252", "windows-1251", ["bg", "uk"]), ("koi8-u", "windows-1251", ["bg", "uk"]),
        ("koi8-r", "windows-1251", ["bg", "uk"]), ("windows-1251", "koi8-u", ["uk", "bg"]),
        ("windows-1251", "koi8-r", ["bg", "uk"]), ("windows-1251", "ibm866", ["bg", "uk"]),
        ("iso-8859-2", "windows-1250", ["pl"]), ("windows-1250", "iso-8859-2", ["pl"]),
        ("windows-1252", "windows-1250", ["pl"]), ("windows-1252", "iso-8859-2", ["pl"]),
    ]

    /// How much better, per scored pair, a re-reading must fit a language before the whole text is
    /// re-read: a different reading of clean text never comes close.
    static let legacyMargin = 100.0

    public func repair(_ text: String) -> Result {
        let utf8Repair = repairUTF8Misreadings(text)
        if utf8Repair.repairs.isEmpty, let legacy = repairLegacyMisreading(text) {
            return legacy
        }
        return utf8Repair
    }

    /// Legacy bytes decoded with the wrong legacy code page ("Ïëîâäèâ" for windows-1251 "Пловдив" read
    /// as windows-1252) can only be told from clean text by language: the text is encoded back with the
    /// code page it was read with and re-read with the one it was written in, and kept only when the
    /// whole text then fits Bulgarian, Ukrainian or Polish far better than before.
    private func repairLegacyMisreading(_ text: String) -> Result? {
        // Misread legacy text is non-ASCII through and through (every Cyrillic letter, most Polish words);
        // a few accented or symbol characters in English are no evidence of anything.
        guard Self.nonASCIIWordShare(text) >= 0.5,
            text.unicodeScalars.lazy.filter({ $0.value >= 0x80 }).count >= Self.minimumLegacyEvidence
        else { return nil }
        var best: (text: String, chain: String, gain: Double)? = nil
        for confusion in Self.legacyConfusions {
            guard let map = reverse.first(where: { $0.name == confusion.readAs })?.map,
                let actual = SingleByteTable.named(confusion.actual)
            else { continue }
            var bytes: [UInt8] = []
            var encodable = true
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 {
                    bytes.append(UInt8(scalar.value))
                } else if let byte = map[scalar.value] {
                    bytes.append(byte)
                } else {
                    encodable = false
                    break
                }
            }
            guard encodable else { continue }
            let asRead = PairScorer.languages.compactMap { PairScorer.shared(encoding: confusion.readAs, language: $0)?.score(bytes) }.max()
            let reRead = confusion.languages.compactMap { PairScorer.shared(encoding: confusion.actual, language: $0)?.score(bytes) }.max()
            guard let asRead, let reRead, reRead >= Self.legacyFit, reRead - asRead >= Self.legacyMargin,
                reRead - asRead > (best?.gain ?? 0)
            else { continue }
            let decoded = String(decoding: actual.decode(bytes), as: UTF8.self)
            guard !decoded.unicodeScalars.contains("\u{FFFD}") else { continue }
            best = (decoded, "\(confusion.actual) read as \(confusion.readAs)", reRead - asRead)
        }
        guard let best else { return nil }
        let spans = Self.nonASCIIRuns(text)
        return Result(text: best.text, repairs: [EncodingRepair(chain: best.chain, spans: spans)])
    }

    /// Non-ASCII characters needed before a whole text is re-read.
    static let minimumLegacyEvidence = 4

    /// How well the re-read text must fit its language, per pair: real text scores about −110; a
    /// re-reading that only trades one kind of junk for another stays far below this.
    static let legacyFit = -200.0

    /// The share of words (runs of letters) that contain a non-ASCII letter; symbols such as £ or ² make
    /// no word.
    private static func nonASCIIWordShare(_ text: String) -> Double {
        var words = 0
        var nonASCIIWords = 0
        var inWord = false
        var wordHasNonASCII = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic {
                if !inWord { words += 1 }
                inWord = true
                if scalar.value >= 0x80 { wordHasNonASCII = true }
            } else {
                if inWord, wordHasNonASCII { nonASCIIWords += 1 }
                inWord = false
                wordHasNonASCII = false
            }
        }
        if inWord, wordHasNonASCII { nonASCIIWords += 1 }
        return words == 0 ? 0 : Double(nonASCIIWords) / Double(words)
    }

    private static func nonASCIIRuns(_ text: String) -> Int {
        var runs = 0
        var inRun = false
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80 {
                if !inRun { runs += 1 }
                inRun = true
            } else {
                inRun = false
            }
        }
        return runs
    }

    private func repairUTF8Misreadings(_ text: String) -> Result {
        var current = text
        var spansByChain: [String: Int] = [:]
        var chainOrder: [String] = []
        for _ in 0..<Self.maximumPasses {
            let (repaired, counts) = pass(current)
            guard !counts.isEmpty else { break }
            current = repaired
            for (chain, spans) in counts {
                if spansByChain[chain] == nil { chainOrder.append(chain) }
                spansByChain[chain, default: 0] += spans
            }
        }
        // A repair that left more give-away characters than it removed went half way; keep the input.
        if Self.controlCount(current) > Self.controlCount(text) || Self.suspiciousCount(current) >= Self.suspiciousCount(text),
            current != text
        {
            return Result(text: text, repairs: [])
        }
        return Result(text: current, repairs: chainOrder.map { EncodingRepair(chain: "utf-8 read as \($0)", spans: spansByChain[$0] ?? 0) })
    }

    /// One pass. Spans with a give-away character are repaired with any code page; then, once the text
    /// has shown which code page broke it, spans without one (short words such as "Рё" for "и") are
    /// repaired with that code page only.
    private func pass(_ text: String) -> (String, [(String, Int)]) {
        let scalars = Array(text.unicodeScalars)
        var spans: [(range: Range<Int>, fixed: String?, chain: String?)] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].value >= 0x80 else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end].value >= 0x80 { end += 1 }
            let span = scalars[index..<end]
            let next = end < scalars.count ? scalars[end] : nil
            var repaired: (String, String)? = nil
            if span.count >= 2, span.contains(where: Self.isSuspicious) {
                repaired = decode(span, followedBy: next, using: reverse)
            }
            spans.append((index..<end, repaired?.0, repaired?.1))
            index = end
        }
        let evidence = Set(spans.compactMap(\.chain))
        if !evidence.isEmpty {
            let trusted = reverse.filter { evidence.contains($0.name) }
            for position in spans.indices where spans[position].fixed == nil && spans[position].range.count >= 2 {
                let range = spans[position].range
                let next = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
                if let (fixed, chain) = decode(scalars[range], followedBy: next, using: trusted) {
                    spans[position].fixed = fixed
                    spans[position].chain = chain
                }
            }
        }
        var out = String.UnicodeScalarView()
        var counts: [String: Int] = [:]
        var order: [String] = []
        var cursor = 0
        for span in spans {
            out.append(contentsOf: scalars[cursor..<span.range.lowerBound])
            if let fixed = span.fixed, let chain = span.chain {
                out.append(contentsOf: fixed.unicodeScalars)
                if counts[chain] == nil { order.append(chain) }
                counts[chain, default: 0] += 1
            } else {
                out.append(contentsOf: scalars[span.range])
            }
            cursor = span.range.upperBound
        }
        out.append(contentsOf: scalars[cursor...])
        return (String(out), order.map { ($0, counts[$0] ?? 0) })
    }

    /// Every code page whose round trip is valid UTF-8 gives a candidate; one whose letters all belong to
    /// the four languages (Polish ż rather than Turkish ş) wins, else the first in order.
    private func decode(
        _ span: ArraySlice<Unicode.Scalar>, followedBy next: Unicode.Scalar?, using codePages: [(name: String, map: [UInt32: UInt8])]
    ) -> (String, String)? {
        var fallback: (String, String)? = nil
        for (name, map) in codePages {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(span.count)
            for scalar in span {
                guard let byte = map[scalar.value] else { break }
                bytes.append(byte)
            }
            guard bytes.count == span.count else { continue }
            var decoded = String(validating: bytes, as: UTF8.self)
            // A closing ” is E2 80 9D, and 0x9D is undefined in windows-1252 and -874: scrapers drop it,
            // leaving "â€" before a space. Restore it only there.
            if decoded == nil, bytes.count >= 2, bytes.suffix(2) == [0xE2, 0x80], next.map({ !$0.properties.isAlphabetic }) ?? true {
                decoded = String(validating: bytes + [0x9D], as: UTF8.self)
            }
            guard let decoded, Self.isPlausible(decoded, comparedTo: span) else { continue }
            if decoded.unicodeScalars.allSatisfy(Self.isExpected) { return (decoded, name) }
            if fallback == nil { fallback = (decoded, name) }
        }
        return fallback
    }

    /// Characters at home in Bulgarian, Polish, Ukrainian or English text (and Romanian names): a
    /// repair made of them is preferred over one that yields, say, Turkish ş.
    static func isExpected(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0xA0...0xFF, 0x400...0x45F, 0x490, 0x491, 0x104...0x107, 0x118, 0x119, 0x141...0x144, 0x15A, 0x15B,
            0x179...0x17C, 0x102, 0x103, 0x218...0x21B, 0x2010...0x2026, 0x20AC, 0x2116, 0x2122:
            return true
        default:
            return false
        }
    }

    /// A repair must be shorter than the span and read as letters of the Latin or Cyrillic alphabets,
    /// marks and ordinary punctuation.
    static func isPlausible(_ decoded: String, comparedTo span: ArraySlice<Unicode.Scalar>) -> Bool {
        let scalars = decoded.unicodeScalars
        guard scalars.count < span.count else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar.value {
            case 0xC0...0x24F, 0x1E00...0x1EFF, 0x400...0x45F, 0x490...0x491: return scalar.properties.isAlphabetic
            case 0x300...0x36F: return true
            // C1 controls, Latin-1 symbols and the windows-1252 extras are what the first of two
            // misreadings leaves; the next pass takes them away, or the whole repair is rolled back.
            case 0x80...0xBF, 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC, 0x2020, 0x2021, 0x2022: return true
            case 0xA0, 0xAB, 0xBB, 0xB0, 0xA9, 0xAE, 0x2010...0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2116, 0x2122: return true
            default: return false
            }
        }
    }

    /// Characters that give mojibake away: a span of clean text in these languages has none. C1 controls,
    /// Latin-1 symbols, the windows-1252 extras (€ ™ š œ…), Cyrillic letters no Bulgarian, Ukrainian or
    /// Russian word uses (љ ў ђ…), box drawing, and Thai (what windows-874 makes of UTF-8).
    static func isSuspicious(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F, 0xA1...0xAA, 0xAC...0xAF, 0xB1...0xBA, 0xBC...0xBF, 0xC2...0xC5, 0xD0, 0xD1, 0xDE, 0xE2, 0xE3:
            return true
        case 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC, 0x2020, 0x2021, 0x2030, 0x2039, 0x203A,
            0x20AC, 0x2122, 0x201A, 0x201E:
            return true
        case 0x402, 0x403, 0x405, 0x408...0x40B, 0x40C, 0x40E, 0x40F, 0x452, 0x453, 0x455, 0x458...0x45B, 0x45C, 0x45E, 0x45F:
            return true
        case 0x2500...0x259F, 0x0E00...0x0E7F, 0x139, 0x13A, 0x2200...0x22FF, 0x25CA, 0xFB01, 0xFB02, 0x131, 0x2D8...0x2DD, 0x3A9, 0x3C0:
            return true
        default:
            return false
        }
    }
}
