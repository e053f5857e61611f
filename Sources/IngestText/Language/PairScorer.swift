/// Scores bytes as one single-byte encoding read in one language, straight from the bytes. Built once per
/// (encoding, language).
///
/// Everything the score of a byte depends on is folded into two tables, so that the loop over the bytes
/// is two loads and an add per byte, with no branch on what the byte reads as. Per byte, its class: its
/// pair symbol, whether it is beyond ASCII and what it costs alone (punctuation and implausible
/// characters). Per pair of classes, the step: what reading a byte of the second class after one of the
/// first adds to the score and to the number of scores. The symbols are the language's alphabet (0 the
/// word boundary) plus one for a Latin and one for a Cyrillic letter the language's table has never
/// seen, and the pair scores already hold the penalty for a Latin letter next to a Cyrillic one and the
/// floor of a pair with an unseen letter.
public struct PairScorer: Sendable {
    /// Where a score stopped, so that more bytes can be scored on from there: the detector scores its
    /// evidence in growing prefixes and must not read a prefix twice.
    public struct Progress: Sendable {
        /// The sum of the scores (100 · log10 units) and how many there were.
        public fileprivate(set) var total = 0
        public fileprivate(set) var count = 0
        /// The class of the last byte scored; before any, an ASCII character that is no letter.
        fileprivate var previous: UInt8 = 0

        public init() {}

        /// Average score per scored pair (100 · log10 units), or nil when nothing was scored.
        public var average: Double? { count == 0 ? nil : Double(total) / Double(count) }
    }

    /// The encoding the scorer reads bytes as: two scorers of one encoding agree on everything but the
    /// letters' symbols, which is what lets ``score(_:_:from:_:from:)`` score two languages in one pass.
    public let encoding: String
    /// Per byte, its class: with `symbols` the alphabet's size plus the two unseen letters, an ASCII byte
    /// is its symbol (0 when it is no letter), a byte beyond ASCII is `symbols` plus its symbol, and one
    /// that is no letter and implausible in text is `2 · symbols` (see ``steps(_:)``).
    private let classes: [UInt8]
    /// Steps by class pair, `width` wide (see ``steps(_:)``).
    private let steps: [Int64]
    private let width: Int

    public init?(encoding: String, language code: String) {
        guard let scalars = Self.decoding(encoding) else { return nil }
        self.init(encoding: encoding, scalars: scalars, lowercaseLetters: Self.lowercaseLetters(scalars), language: code)
    }

    /// - Parameter lowercaseLetters: ``lowercaseLetters(_:)`` of `scalars`, which is the same for every language: the
    ///   shared scorers work it out once per encoding, since beyond Latin-1 and basic Cyrillic it takes
    ///   Unicode property look-ups, at every start-up.
    private init?(encoding: String, scalars: [Unicode.Scalar], lowercaseLetters: [UInt32?], language code: String) {
        guard let (language, steps) = Self.prepared(code) else { return nil }
        let letters = language.alphabet.count
        let unknownLatin = letters
        let unknownCyrillic = letters + 1
        let symbols = letters + 2
        // Every class must fit the eight bits `classes` keeps it in.
        precondition(2 * symbols < 256, "a letter-pair alphabet of \(letters) symbols")
        var classes = [UInt8](repeating: 0, count: 256)
        for (byte, scalar) in scalars.enumerated() {
            let nonASCII = byte >= 0x80
            if let lower = lowercaseLetters[byte] {
                let cyrillic = Self.isCyrillic(lower)
                let symbol = language.index(of: lower) ?? (cyrillic ? unknownCyrillic : unknownLatin)
                classes[byte] = UInt8((nonASCII ? symbols : 0) + symbol)
            } else if nonASCII {
                classes[byte] = UInt8(Self.isImplausible(scalar.value) ? 2 * symbols : symbols)
            }
        }
        self.encoding = encoding
        self.classes = classes
        self.steps = steps
        self.width = 2 * symbols + 1
    }

    /// For each byte of an encoding, the lowercase of the letter it reads as, or nil when it is no letter.
    private static func lowercaseLetters(_ scalars: [Unicode.Scalar]) -> [UInt32?] {
        scalars.map { isAlphabetic($0) ? lowercase($0.value) : nil }
    }

    /// What each byte reads as in a single-byte encoding, from the generated index the decoders use; nil
    /// for an encoding that has none. Read straight from the index rather than through ``SingleByteTable``,
    /// which prepares every code page's UTF-8 for decoding: detection only needs the characters.
    public static func decoding(_ encoding: String) -> [Unicode.Scalar]? {
        guard let index = SingleByteIndexes.tables[encoding] else { return nil }
        return (0..<0x80).map { Unicode.Scalar(UInt8($0)) } + index.map { Unicode.Scalar(UInt32($0)) ?? "\u{FFFD}" }
    }

    /// Each language's letter-pair table with its step table, both built once, when a scorer of the
    /// language is first made: the steps depend on the language alone, so the scorers of every code page
    /// read in a language share them instead of each building the same table at start-up, and a process
    /// that scores four languages builds four.
    private static func prepared(_ code: String) -> (LetterPairModel.Language, [Int64])? {
        switch code {
        case "bg": Prepared.bg
        case "pl": Prepared.pl
        case "uk": Prepared.uk
        case "en": Prepared.en
        case "ru": Prepared.ru
        case "be": Prepared.be
        case "sr": Prepared.sr
        case "mk": Prepared.mk
        default: nil
        }
    }

    private enum Prepared {
        static let bg = withSteps("bg")
        static let pl = withSteps("pl")
        static let uk = withSteps("uk")
        static let en = withSteps("en")
        static let ru = withSteps("ru")
        static let be = withSteps("be")
        static let sr = withSteps("sr")
        static let mk = withSteps("mk")

        static func withSteps(_ code: String) -> (LetterPairModel.Language, [Int64])? {
            LetterPairModel.language(code).map { ($0, PairScorer.steps($0)) }
        }
    }

    /// One step: a score in the upper 32 bits and how many scores it counts for in the lower, so that one
    /// add carries both. Summed over at most ``chunk`` bytes the count stays below 2³² and the score within
    /// an `Int32` (no step scores below -33,268), so the sum splits back into the two exactly.
    private static func step(score: Int, count: Int) -> Int64 { Int64(score) << 32 | Int64(count) }

    /// Bytes scored between two splits of the packed sum (see ``step(score:count:)``).
    private static let chunk = 1 << 15

    /// The step of every class pair for a language: a byte costs alone what its class says (and counts
    /// once when it costs), and it makes a scored pair with the byte before unless both are ASCII (they
    /// read alike in every candidate) or neither is a letter.
    ///
    /// Every process that detects or repairs builds this for each language. Built entry by entry, asking
    /// each class what it is, it was a tenth of the instructions of a repair run's start-up, so each row is
    /// filled in the three ranges of classes that `classes` describes, whose symbol and cost alone are known
    /// from the range.
    static func steps(_ language: LetterPairModel.Language) -> [Int64] {
        let letters = language.alphabet.count
        let symbols = letters + 2
        // Pair scores by symbol, the unseen letters' included.
        let pairs = [Int](unsafeUninitializedCapacity: symbols * symbols) { pairs, initialized in
            let isCyrillic = language.alphabet.map(Self.isCyrillic) + [false, true]
            language.matrix.withUnsafeBufferPointer { matrix in
                for first in 0..<symbols {
                    for second in 0..<symbols {
                        let score: Int
                        if first != 0, second != 0, isCyrillic[first] != isCyrillic[second] {
                            score = Self.mixedScriptPair
                        } else if first < letters, second < letters {
                            score = Int(matrix[first * letters + second])
                        } else {
                            score = Self.unseenPair
                        }
                        (pairs.baseAddress! + first * symbols + second).initialize(to: score)
                    }
                }
            }
            initialized = symbols * symbols
        }
        let width = 2 * symbols + 1
        return [Int64](unsafeUninitializedCapacity: width * width) { steps, initialized in
            pairs.withUnsafeBufferPointer { pairs in
                for first in 0..<width {
                    // An ASCII class is its symbol, one beyond ASCII `symbols` plus its symbol, and the last
                    // (an implausible character) is no letter: symbol 0.
                    let firstSymbol = first < symbols ? first : first < 2 * symbols ? first - symbols : 0
                    let pair = pairs.baseAddress! + firstSymbol * symbols
                    let out = steps.baseAddress! + first * width
                    // After an ASCII byte, an ASCII one makes no pair.
                    let firstIsASCII = first < symbols
                    for symbol in 0..<symbols {
                        let paired = !firstIsASCII && (firstSymbol != 0 || symbol != 0)
                        (out + symbol).initialize(to: paired ? step(score: pair[symbol], count: 1) : step(score: 0, count: 0))
                    }
                    // Beyond ASCII, symbol 0 is no letter but plausible, which costs 120 alone.
                    for symbol in 0..<symbols {
                        let alone = symbol == 0 ? -120 : 0
                        let count = alone != 0 ? 1 : 0
                        let paired = firstSymbol != 0 || symbol != 0
                        (out + symbols + symbol).initialize(
                            to: paired ? step(score: alone + pair[symbol], count: count + 1) : step(score: alone, count: count))
                    }
                    // An implausible character costs 500 alone.
                    (out + 2 * symbols).initialize(
                        to: firstSymbol != 0 ? step(score: -500 + pair[0], count: 2) : step(score: -500, count: 1))
                }
            }
            initialized = width * width
        }
    }

    private static func isCyrillic(_ lowercase: UInt32) -> Bool { (0x400...0x52F).contains(lowercase) }

    /// Whether a scalar is a letter, answered without the Unicode property tables for ASCII, Latin-1 and
    /// basic Cyrillic: most of every code page, whose tables are built at start-up.
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x400...0x45F: return true
        case 0...0x7F: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// Average score per scored pair (100 · log10 units), or nil when no byte is beyond ASCII.
    public func score(_ bytes: [UInt8]) -> Double? {
        var progress = Progress()
        bytes.withUnsafeBufferPointer { score($0, from: &progress) }
        return progress.average
    }

    /// Scores `bytes` as the continuation of what `progress` was scored on: scoring a text in parts gives
    /// exactly the score of the whole.
    public func score(_ bytes: UnsafeBufferPointer<UInt8>, from progress: inout Progress) {
        classes.withUnsafeBufferPointer { classes in
            steps.withUnsafeBufferPointer { steps in
                guard let classes = classes.baseAddress, let steps = steps.baseAddress else { return }
                var start = 0
                while start < bytes.count {
                    let end = Swift.min(bytes.count, start + Self.chunk)
                    var sum: Int64 = 0
                    var previous = Int(progress.previous)
                    for byte in UnsafeBufferPointer(rebasing: bytes[start..<end]) {
                        let current = Int(classes[Int(byte)])
                        sum &+= steps[previous &* width &+ current]
                        previous = current
                    }
                    progress.add(sum)
                    progress.previous = UInt8(truncatingIfNeeded: previous)
                    start = end
                }
            }
        }
    }

    /// Scores `bytes` as two languages read in one encoding, in one pass: the same as scoring them with
    /// each scorer in turn, for less than twice the cost of one. The detector reads every page as bg and uk
    /// in each of the six Cyrillic code pages, and as en and pl in windows-1252.
    ///
    /// - Precondition: both scorers read the same encoding.
    public static func score(
        _ bytes: UnsafeBufferPointer<UInt8>, _ first: PairScorer, from firstProgress: inout Progress,
        _ second: PairScorer, from secondProgress: inout Progress
    ) {
        precondition(first.encoding == second.encoding, "two languages scored together must share an encoding")
        first.classes.withUnsafeBufferPointer { firstClasses in
            first.steps.withUnsafeBufferPointer { firstSteps in
                second.classes.withUnsafeBufferPointer { secondClasses in
                    second.steps.withUnsafeBufferPointer { secondSteps in
                        guard let classes0 = firstClasses.baseAddress, let steps0 = firstSteps.baseAddress,
                            let classes1 = secondClasses.baseAddress, let steps1 = secondSteps.baseAddress
                        else { return }
                        let (width0, width1) = (first.width, second.width)
                        var start = 0
                        while start < bytes.count {
                            let end = Swift.min(bytes.count, start + chunk)
                            var sum0: Int64 = 0
                            var sum1: Int64 = 0
                            var previous0 = Int(firstProgress.previous)
                            var previous1 = Int(secondProgress.previous)
                            for byte in UnsafeBufferPointer(rebasing: bytes[start..<end]) {
                                let current0 = Int(classes0[Int(byte)])
                                let current1 = Int(classes1[Int(byte)])
                                sum0 &+= steps0[previous0 &* width0 &+ current0]
                                sum1 &+= steps1[previous1 &* width1 &+ current1]
                                previous0 = current0
                                previous1 = current1
                            }
                            firstProgress.add(sum0)
                            firstProgress.previous = UInt8(truncatingIfNeeded: previous0)
                            secondProgress.add(sum1)
                            secondProgress.previous = UInt8(truncatingIfNeeded: previous1)
                            start = end
                        }
                    }
                }
            }
        }
    }

    /// The code pages scorers are prepared for: every single-byte encoding detection or repair reads.
    public static let encodings = [
        "windows-1252", "windows-1251", "windows-1250", "iso-8859-2", "windows-874", "koi8-r", "koi8-u",
        "iso-8859-5", "ibm866", "x-mac-cyrillic", "macintosh",
    ]
    public static let languages = ["bg", "pl", "uk", "en"]
    /// Languages written in Cyrillic whose clean text the mojibake repair must tell from Bulgarian or
    /// Ukrainian misread: scored only as text stands, for the encodings that read Cyrillic, never as what a
    /// re-reading makes or as a charset's language.
    public static let cyrillicNeighbours = ["ru", "be", "sr", "mk"]

    /// One scorer per (encoding, language), built once and shared by detection and repair.
    private static let cache: [String: PairScorer] = {
        var cache: [String: PairScorer] = [:]
        for encoding in encodings {
            guard let scalars = decoding(encoding) else { continue }
            let lowercaseLetters = lowercaseLetters(scalars)
            let readsCyrillic = lowercaseLetters.contains { $0.map(isCyrillic) ?? false }
            for language in languages + (readsCyrillic ? cyrillicNeighbours : []) {
                cache[encoding + "|" + language] = PairScorer(
                    encoding: encoding, scalars: scalars, lowercaseLetters: lowercaseLetters, language: language)
            }
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

    /// The score of a Latin letter beside a Cyrillic one. Real text writes none inside a word, so it costs
    /// far more than a pair with a letter the table has not seen: English "café" or "don’t" read in a
    /// Cyrillic code page ("cafй", "donТt") must fit worse than as an English word with a rare letter.
    static let mixedScriptPair = -1200

    public static func lowercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A, 0x410...0x42F, 0xC0...0xD6, 0xD8...0xDE: return value + 0x20
        case 0x400...0x40F: return value + 0x50
        // Already lowercase: ASCII, Latin-1 and basic Cyrillic need no lookup in the property tables.
        case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF, 0x430...0x45F: return value
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

extension PairScorer.Progress {
    /// Adds a packed sum of steps (see `PairScorer.step(score:count:)`): the lower 32 bits are the count,
    /// never negative, so what is left above them is the score.
    fileprivate mutating func add(_ sum: Int64) {
        let count = sum & 0xFFFF_FFFF
        total &+= Int((sum &- count) >> 32)
        self.count &+= Int(count)
    }
}
