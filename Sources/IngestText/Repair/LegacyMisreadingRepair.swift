import IngestCore

/// Legacy text read with the wrong legacy code page: windows-1251 bytes shown as windows-1252 or KOI8,
/// KOI8 or IBM866 bytes shown as windows-1251, windows-1250 and ISO-8859-2 mistaken for each other.
/// Unlike a UTF-8 misreading, nothing in the bytes gives it away, so the whole text is re-read and
/// judged by language; the tables and scorers that takes are resolved once, when the repairer is made.
struct LegacyMisreadingRepair: Sendable {
    /// Legacy text read with the wrong legacy code page, as (read as, really, languages of the real one).
    static let confusions: [(readAs: String, actual: String, languages: [String])] = [
        ("windows-1252", "windows-1251", ["bg", "uk"]), ("koi8-u", "windows-1251", ["bg", "uk"]),
        ("koi8-r", "windows-1251", ["bg", "uk"]), ("windows-1251", "koi8-u", ["uk", "bg"]),
        ("windows-1251", "koi8-r", ["bg", "uk"]), ("windows-1251", "ibm866", ["bg", "uk"]),
        ("iso-8859-2", "windows-1250", ["pl"]), ("windows-1250", "iso-8859-2", ["pl"]),
        ("windows-1252", "windows-1250", ["pl"]), ("windows-1252", "iso-8859-2", ["pl"]),
    ]

    /// How much better, per scored pair, a re-reading must fit a language before the whole text is
    /// re-read: a different reading of clean text never comes close.
    static let margin = 100.0

    /// The code pages legacy text may have been read with, each with its scorers for every language.
    private let readAs: [(map: CodePageReverseMap, scorers: [PairScorer])]
    /// ``confusions`` resolved once: where its read-as page sits in `readAs`, the table and
    /// scorers of the page it was written in, and the chain a repair records.
    private let rereadings: [Rereading]

    private struct Rereading: Sendable {
        var readAs: Int
        var actual: SingleByteTable
        var scorers: [PairScorer]
        var chain: String
        /// KOI8 and windows-1251 put the small and the capital Cyrillic letters in each other's places, so
        /// text read with the other one comes out in inverted case ("ЯРЮНЮ" for "стана").
        var swapsCase: Bool
    }

    /// Resolves ``confusions`` against the repairer's reverse maps: a confusion whose read-as page has
    /// no map or whose real page has no table is left out.
    init(reverse: [CodePageReverseMap]) {
        var readAs: [(map: CodePageReverseMap, scorers: [PairScorer])] = []
        for confusion in Self.confusions where !readAs.contains(where: { $0.map.name == confusion.readAs }) {
            guard let map = reverse.first(where: { $0.name == confusion.readAs }) else { continue }
            readAs.append((map, PairScorer.languages.compactMap { PairScorer.shared(encoding: confusion.readAs, language: $0) }))
        }
        self.readAs = readAs
        rereadings = Self.confusions.compactMap { confusion in
            guard let position = readAs.firstIndex(where: { $0.map.name == confusion.readAs }),
                let actual = SingleByteTable.named(confusion.actual)
            else { return nil }
            let koi8 = ["koi8-u", "koi8-r"]
            return Rereading(
                readAs: position, actual: actual,
                scorers: confusion.languages.compactMap { PairScorer.shared(encoding: confusion.actual, language: $0) },
                chain: "\(confusion.actual) read as \(confusion.readAs)",
                swapsCase: (koi8.contains(confusion.readAs) && confusion.actual == "windows-1251")
                    || (confusion.readAs == "windows-1251" && koi8.contains(confusion.actual)))
        }
    }

    /// Legacy bytes decoded with the wrong legacy code page ("Ïëîâäèâ" for windows-1251 "Пловдив" read
    /// as windows-1252) can only be told from clean text by language: the text is encoded back with the
    /// code page it was read with and re-read with the one it was written in, and kept only when the
    /// whole text then fits Bulgarian, Ukrainian or Polish far better than before.
    ///
    /// Where only a few letters differ between the two code pages (Polish in windows-1250 and ISO-8859-2),
    /// the text shows it instead: symbols inside words ("ocieraj±c", "móg³by"), control characters, and
    /// Cyrillic words in inverted case ("бЕВЕ"). A re-reading that leaves none of them, and fits the
    /// language better, is taken with a smaller margin.
    func repair(_ scalars: [Unicode.Scalar]) -> MojibakeRepairer.Result? {
        // Misread legacy text is non-ASCII through and through (every Cyrillic letter, most Polish words);
        // a few accented or symbol characters in English are no evidence of anything.
        let wholeText = Self.nonASCIIWordShare(scalars) >= 0.5 && scalars.lazy.filter({ $0.value >= 0x80 }).count >= Self.minimumLegacyEvidence
        let anomaliesBefore = Self.anomalies(scalars)
        guard wholeText || anomaliesBefore > 0 else { return nil }
        // Cyrillic text in capitals nearly throughout is what KOI8 and windows-1251 make of each other's
        // ordinary text; real text in capitals is rare, and only a re-reading in small letters that reads
        // like real text turns it.
        let inCapitals = Self.isMostlyCapitals(Self.cyrillicCase(scalars))
        var best: (text: [Unicode.Scalar], chain: String, gain: Double)? = nil
        // Several confusions share the code page the text was read with: encode and score it once each.
        var asReadCache = [(bytes: [UInt8], score: Double)??](repeating: nil, count: readAs.count)
        for confusion in rereadings {
            let asRead: (bytes: [UInt8], score: Double)?
            if let cached = asReadCache[confusion.readAs] {
                asRead = cached
            } else {
                // Text that reads like real text as it stands, with nothing odd in its words, cannot be
                // re-read into something far better: the common case of clean Cyrillic or Polish ends
                // here, as soon as one language finds it clean.
                asRead = encodeAndScore(scalars, readAs: readAs[confusion.readAs], stopAtCleanFit: anomaliesBefore == 0 && !inCapitals)
                asReadCache[confusion.readAs] = .some(asRead)
            }
            guard let asRead else { continue }
            if anomaliesBefore == 0, asRead.score >= Self.cleanFit, !inCapitals { return nil }
            var reRead: Double? = nil
            for scorer in confusion.scorers {
                guard let score = scorer.score(asRead.bytes) else { continue }
                if reRead.map({ score > $0 }) ?? true { reRead = score }
            }
            guard let reRead, reRead >= Self.legacyFit else { continue }
            let gain = reRead - asRead.score
            guard gain > (best?.gain ?? 0) else { continue }
            let actual = confusion.actual
            let decoded = asRead.bytes.map { actual.scalars[Int($0)] }
            guard !decoded.contains("\u{FFFD}") else { continue }
            let anomaliesAfter = Self.anomalies(decoded)
            let byLanguage = wholeText && gain >= Self.margin && anomaliesAfter <= anomaliesBefore
            let byAnomalies = anomaliesBefore > 0 && anomaliesAfter == 0
            let byCase =
                wholeText && inCapitals && confusion.swapsCase && gain >= Self.caseMargin && reRead >= Self.caseFit
                && anomaliesAfter <= anomaliesBefore && Self.isMostlySmall(Self.cyrillicCase(decoded))
            guard byLanguage || byAnomalies || byCase else { continue }
            best = (decoded, confusion.chain, gain)
        }
        guard let best else { return nil }
        return MojibakeRepairer.Result(text: MojibakeRepairer.string(best.text), repairs: [EncodingRepair(chain: best.chain, spans: Self.nonASCIIRuns(scalars))])
    }

    /// How much better, per scored pair, a re-reading from capitals into small letters between KOI8 and
    /// windows-1251 must fit: the case is evidence of its own, so a smaller margin than ``margin`` holds
    /// for single words, which rarely gain a full hundred.
    static let caseMargin = 50.0

    /// How well such a re-reading must fit, per pair: as real words do (about −110), not as the junk a
    /// wrong re-reading of a real word in capitals makes.
    static let caseFit = -130.0

    /// Capital and small letters of the Cyrillic alphabets.
    static func cyrillicCase(_ scalars: [Unicode.Scalar]) -> (capitals: Int, small: Int) {
        var capitals = 0
        var small = 0
        for scalar in scalars where (0x400...0x45F).contains(scalar.value) || scalar.value == 0x490 || scalar.value == 0x491 {
            if MojibakeRepairer.isUppercase(scalar) { capitals += 1 } else { small += 1 }
        }
        return (capitals, small)
    }

    /// At least four Cyrillic letters, nine in ten of them capitals.
    static func isMostlyCapitals(_ letters: (capitals: Int, small: Int)) -> Bool {
        let total = letters.capitals + letters.small
        return total >= 4 && 10 * letters.capitals >= 9 * total
    }

    /// Nine in ten Cyrillic letters small.
    static func isMostlySmall(_ letters: (capitals: Int, small: Int)) -> Bool {
        10 * letters.small >= 9 * (letters.capitals + letters.small)
    }

    /// Signs of legacy text read with the wrong code page: a symbol or control character touching a letter
    /// ("piłk±", "¿e"), and a Cyrillic word whose first letter alone is small ("бЕВЕ"). Quotes, dashes,
    /// spaces, degrees, superscripts and currency signs next to letters are ordinary text.
    static func anomalies(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.value >= 0x80, !MojibakeRepairer.isLetter(scalar), isOddSymbol(scalar) {
                let before = index > 0 && MojibakeRepairer.isLetter(scalars[index - 1])
                let after = index + 1 < scalars.count && MojibakeRepairer.isLetter(scalars[index + 1])
                if before || after { count += 1 }
                index += 1
                continue
            }
            // A Cyrillic word: small first letter, then capitals only.
            if (0x430...0x45F).contains(scalar.value) {
                var end = index + 1
                var capitals = 0
                while end < scalars.count, (0x400...0x45F).contains(scalars[end].value) || scalars[end].value == 0x490 || scalars[end].value == 0x491 {
                    if MojibakeRepairer.isUppercase(scalars[end]) { capitals += 1 } else { capitals = -1_000 }
                    end += 1
                }
                let startsWord = index == 0 || !MojibakeRepairer.isLetter(scalars[index - 1])
                if startsWord, capitals >= 2 { count += 1 }
                index = end
                continue
            }
            index += 1
        }
        return count
    }

    /// Non-letters beyond ASCII that do not belong next to a letter.
    private static func isOddSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB2, 0xB3, 0xB7, 0xBB, 0x2010...0x203A, 0x20AC, 0x2116, 0x2122, 0xA3, 0xA2, 0xA5, 0x24:
            return false
        case 0x80...0x9F:
            return true
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .initialPunctuation, .finalPunctuation, .dashPunctuation, .nonspacingMark, .decimalNumber: return false
            default: return true
            }
        }
    }

    /// The bytes the text was when it was read with `codePage`, and how well those bytes, so read, fit the
    /// best-fitting language; nil when the text holds a character that code page cannot produce. With
    /// `stopAtCleanFit`, the first language that scores at least ``cleanFit`` ends the scoring: all the
    /// caller then needs to know is that the text reads clean.
    private func encodeAndScore(
        _ scalars: [Unicode.Scalar], readAs codePage: (map: CodePageReverseMap, scorers: [PairScorer]), stopAtCleanFit: Bool
    ) -> (bytes: [UInt8], score: Double)? {
        let map = codePage.map
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = map.byte(for: scalar) {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        var best: Double? = nil
        for scorer in codePage.scorers {
            guard let score = scorer.score(bytes) else { continue }
            if best.map({ score > $0 }) ?? true { best = score }
            if stopAtCleanFit, score >= Self.cleanFit { break }
        }
        return best.map { (bytes, $0) }
    }

    /// A fit, per scored pair, that only real text reaches (it scores about −110).
    static let cleanFit = -160.0

    /// Non-ASCII characters needed before a whole text is re-read.
    static let minimumLegacyEvidence = 4

    /// How well the re-read text must fit its language, per pair: real text scores about −110; a
    /// re-reading that only trades one kind of junk for another stays far below this.
    static let legacyFit = -200.0

    /// The share of words (runs of letters) that contain a non-ASCII letter; symbols such as £ or ² make
    /// no word.
    private static func nonASCIIWordShare(_ scalars: [Unicode.Scalar]) -> Double {
        var words = 0
        var nonASCIIWords = 0
        var inWord = false
        var wordHasNonASCII = false
        for scalar in scalars {
            if MojibakeRepairer.isLetter(scalar) {
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

    private static func nonASCIIRuns(_ scalars: [Unicode.Scalar]) -> Int {
        var runs = 0
        var inRun = false
        for scalar in scalars {
            if scalar.value >= 0x80 {
                if !inRun { runs += 1 }
                inRun = true
            } else {
                inRun = false
            }
        }
        return runs
    }
}
