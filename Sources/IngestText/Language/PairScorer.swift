/// Scores bytes as one single-byte encoding read in one language, straight from the bytes. Built once per
/// (encoding, language).
///
/// Everything the score of a byte depends on is folded into two tables, so that the loop over the bytes
/// is a few loads and adds with no branch on what the byte reads as: per byte, a code holding its pair
/// symbol, whether it is beyond ASCII and what it costs alone (punctuation and implausible characters);
/// per pair of symbols, what the pair scores. The symbols are the language's alphabet (0 the word
/// boundary) plus one for a Latin and one for a Cyrillic letter the language's table has never seen, and
/// the pair table already holds the penalty for a Latin letter next to a Cyrillic one and the floor of a
/// pair with an unseen letter.
public struct PairScorer: Sendable {
    /// Where a score stopped, so that more bytes can be scored on from there: the detector scores its
    /// evidence in growing prefixes and must not read a prefix twice.
    public struct Progress: Sendable {
        /// The sum of the scores (100 · log10 units) and how many there were.
        public fileprivate(set) var total = 0
        public fileprivate(set) var count = 0
        fileprivate var previous: UInt32 = 0

        public init() {}

        /// Average score per scored pair (100 · log10 units), or nil when nothing was scored.
        public var average: Double? { count == 0 ? nil : Double(total) / Double(count) }
    }

    /// The encoding the scorer reads bytes as: two scorers of one encoding agree on everything but the
    /// letters' symbols, which is what lets ``score(_:_:_:_:_:)`` score two languages in one pass.
    public let encoding: String
    /// Per byte: bits 0-7 its symbol, bit 8 set beyond ASCII, bits 16-31 the score it adds alone (signed).
    private let codes: [UInt32]
    /// Pair scores by symbol, `width` wide.
    private let pairs: [Int32]
    private let width: Int

    private static let nonASCII: UInt32 = 1 << 8

    public init?(encoding: String, language code: String) {
        guard let table = SingleByteTable.named(encoding), let language = LetterPairModel.shared.languages[code] else {
            return nil
        }
        let letters = language.alphabet.count
        let unknownLatin = letters
        let unknownCyrillic = letters + 1
        let width = letters + 2
        // Every symbol must fit the eight bits `codes` keeps it in.
        precondition(width <= 256, "a letter-pair alphabet of \(letters) symbols")
        var codes = [UInt32](repeating: 0, count: 256)
        for (byte, scalar) in table.scalars.enumerated() {
            var code: UInt32 = byte >= 0x80 ? Self.nonASCII : 0
            // ASCII answers without the Unicode property tables: half of every table, built at start-up.
            let alphabetic =
                scalar.isASCII
                ? (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
                : scalar.properties.isAlphabetic
            if alphabetic {
                let lower = Self.lowercase(scalar.value)
                let cyrillic = Self.isCyrillic(lower)
                let symbol = language.index(of: lower) ?? (cyrillic ? unknownCyrillic : unknownLatin)
                code |= UInt32(symbol)
            } else if byte >= 0x80 {
                let alone: Int16 = Self.isImplausible(scalar.value) ? -500 : -120
                code |= UInt32(UInt16(bitPattern: alone)) << 16
            }
            codes[byte] = code
        }
        self.encoding = encoding
        self.codes = codes
        self.pairs = Self.pairTables[code] ?? Self.pairTable(language)
        self.width = width
    }

    /// Each language's pair table, built once: it depends on the language alone, so the scorers of every
    /// code page read in a language share it instead of each building the same table at start-up.
    private static let pairTables: [String: [Int32]] = LetterPairModel.shared.languages.mapValues(pairTable)

    /// Pair scores by symbol for a language's alphabet plus its two unseen-letter symbols.
    private static func pairTable(_ language: LetterPairModel.Language) -> [Int32] {
        let letters = language.alphabet.count
        let unknownCyrillic = letters + 1
        let width = letters + 2
        var isCyrillic = [Bool](repeating: false, count: width)
        for (symbol, letter) in language.alphabet.enumerated() { isCyrillic[symbol] = Self.isCyrillic(letter) }
        isCyrillic[unknownCyrillic] = true
        var pairs = [Int32](repeating: 0, count: width * width)
        for first in 0..<width {
            for second in 0..<width {
                let score: Int
                if first != 0, second != 0, isCyrillic[first] != isCyrillic[second] {
                    score = -600
                } else if first >= letters || second >= letters {
                    score = Self.unseenPair
                } else {
                    score = Int(language.matrix[first * letters + second])
                }
                pairs[first * width + second] = Int32(score)
            }
        }
        return pairs
    }

    private static func isCyrillic(_ lowercase: UInt32) -> Bool { (0x400...0x52F).contains(lowercase) }

    /// Average score per scored pair (100 · log10 units), or nil when no byte is beyond ASCII.
    public func score(_ bytes: [UInt8]) -> Double? {
        var progress = Progress()
        bytes.withUnsafeBufferPointer { score($0, from: &progress) }
        return progress.average
    }

    /// Scores `bytes` as the continuation of what `progress` was scored on: scoring a text in parts gives
    /// exactly the score of the whole.
    public func score(_ bytes: UnsafeBufferPointer<UInt8>, from progress: inout Progress) {
        codes.withUnsafeBufferPointer { codes in
            pairs.withUnsafeBufferPointer { pairs in
                Self.score(bytes, codes: codes, pairs: pairs, width: width, progress: &progress)
            }
        }
    }

    /// A byte costs alone what its code says; it makes a pair with the byte before unless both are ASCII
    /// (they read alike in every candidate) or neither is a letter. `codes` has 256 entries and every
    /// symbol in them is below `width`, so every load is in bounds.
    private static func score(
        _ bytes: UnsafeBufferPointer<UInt8>, codes: UnsafeBufferPointer<UInt32>, pairs: UnsafeBufferPointer<Int32>,
        width: Int, progress: inout Progress
    ) {
        guard let codes = codes.baseAddress, let pairs = pairs.baseAddress else { return }
        var total = progress.total
        var count = progress.count
        var previous = progress.previous
        for byte in bytes {
            let code = codes[Int(byte)]
            let alone = Int(Int16(truncatingIfNeeded: code >> 16))
            total &+= alone
            count &+= alone != 0 ? 1 : 0
            if (code | previous) & nonASCII != 0, (code | previous) & 0xFF != 0 {
                total &+= Int(pairs[Int(previous & 0xFF) &* width &+ Int(code & 0xFF)])
                count &+= 1
            }
            previous = code
        }
        progress.total = total
        progress.count = count
        progress.previous = previous
    }

    /// Scores `bytes` as two languages read in one encoding, in one pass: the same as scoring them with
    /// each scorer in turn, for less than twice the cost of one. Every per-byte cost, whether a byte is
    /// beyond ASCII and whether it is a letter depend only on the encoding, so they are read from `first`
    /// and only the pair scores are looked up twice; the detector reads every page as bg and uk in each of
    /// the six Cyrillic code pages, and as en and pl in windows-1252.
    ///
    /// - Precondition: both scorers read the same encoding.
    public static func score(
        _ bytes: UnsafeBufferPointer<UInt8>, _ first: PairScorer, from firstProgress: inout Progress,
        _ second: PairScorer, from secondProgress: inout Progress
    ) {
        precondition(first.encoding == second.encoding, "two languages scored together must share an encoding")
        first.codes.withUnsafeBufferPointer { firstCodes in
            first.pairs.withUnsafeBufferPointer { firstPairs in
                second.codes.withUnsafeBufferPointer { secondCodes in
                    second.pairs.withUnsafeBufferPointer { secondPairs in
                        score(
                            bytes, codes: (firstCodes, secondCodes), pairs: (firstPairs, secondPairs),
                            widths: (first.width, second.width), first: &firstProgress, second: &secondProgress)
                    }
                }
            }
        }
    }

    /// The loop of ``score(_:codes:pairs:width:progress:)`` over two languages: the counts and the costs
    /// of single bytes come out the same for both, so they are computed once.
    private static func score(
        _ bytes: UnsafeBufferPointer<UInt8>, codes: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>),
        pairs: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>), widths: (Int, Int),
        first progress0: inout Progress, second progress1: inout Progress
    ) {
        guard let codes0 = codes.0.baseAddress, let codes1 = codes.1.baseAddress, let pairs0 = pairs.0.baseAddress,
            let pairs1 = pairs.1.baseAddress
        else { return }
        let (width0, width1) = widths
        var total0 = progress0.total
        var total1 = progress1.total
        var count = progress0.count
        var previous0 = progress0.previous
        var previous1 = progress1.previous
        // The counts agree whenever the scorers agree on which bytes are letters, as two scorers of one
        // encoding do; the second's count is carried on from its own.
        let countOffset = progress1.count &- count
        for byte in bytes {
            let code0 = codes0[Int(byte)]
            let code1 = codes1[Int(byte)]
            let alone = Int(Int16(truncatingIfNeeded: code0 >> 16))
            total0 &+= alone
            total1 &+= alone
            count &+= alone != 0 ? 1 : 0
            if (code0 | previous0) & nonASCII != 0, (code0 | previous0) & 0xFF != 0 {
                total0 &+= Int(pairs0[Int(previous0 & 0xFF) &* width0 &+ Int(code0 & 0xFF)])
                total1 &+= Int(pairs1[Int(previous1 & 0xFF) &* width1 &+ Int(code1 & 0xFF)])
                count &+= 1
            }
            previous0 = code0
            previous1 = code1
        }
        progress0.total = total0
        progress0.count = count
        progress0.previous = previous0
        progress1.total = total1
        progress1.count = count &+ countOffset
        progress1.previous = previous1
    }

    /// The code pages scorers are prepared for: every single-byte encoding detection or repair reads.
    public static let encodings = [
        "windows-1252", "windows-1251", "windows-1250", "iso-8859-2", "windows-874", "koi8-r", "koi8-u",
        "iso-8859-5", "ibm866", "x-mac-cyrillic", "macintosh",
    ]
    public static let languages = ["bg", "pl", "uk", "en"]

    /// One scorer per (encoding, language), built once and shared by detection and repair.
    private static let cache: [String: PairScorer] = {
        var cache: [String: PairScorer] = [:]
        for encoding in encodings {
            for language in languages { cache[encoding + "|" + language] = PairScorer(encoding: encoding, language: language) }
        }
        return cache
    }()

    /// The shared scorer for an encoding read as a language, if both are known.
    public static func shared(encoding: String, language: String) -> PairScorer? {
        cache[encoding + "|" + language]
    }

    /// The score of a pair the language's table has never seen: one floor for all languages, so their
    /// averages compare fairly.
    public static let unseenPair = -450

    public static func lowercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A, 0x410...0x42F, 0xC0...0xD6, 0xD8...0xDE: return value + 0x20
        case 0x400...0x40F: return value + 0x50
        default:
            return Unicode.Scalar(value)?.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
        }
    }

    /// Characters a misread byte turns into but that text in these languages does not use.
    public static func isImplausible(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0x9F, 0x2500...0x259F, 0xFFFD: return true
        case 0xA0, 0xAB, 0xBB, 0xB7, 0xB0, 0xA9, 0xAE, 0x2013, 0x2014, 0x2018...0x201E, 0x2022, 0x2026, 0x2116, 0x20AC,
            0x2122:
            return false
        case 0xA1...0xBF, 0xD7, 0xF7, 0x2020, 0x2021, 0x2030, 0x2039, 0x203A, 0x2219, 0x221A, 0x2248, 0x2260, 0x2264,
            0x2265, 0x2320, 0x2321, 0x25A0:
            return true
        default: return false
        }
    }
}
