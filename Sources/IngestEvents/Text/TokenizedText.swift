import IngestCore

/// The page text cut once into tokens and sentences, so every finder walks the same tokens and every
/// span is already in Unicode scalars, as the record contract counts them.
///
/// Sentences end at `.`, `!`, `?` followed by an upper-case letter or a quote, and at line breaks, but a
/// block that starts in lower case continues the sentence before it: pages often break a heading off the
/// sentence it begins ("Второто издание на конференцията Grow your Region" / "се проведе на 8-9 ноември").
///
/// Each token is looked up in the lexicon once here (``EventLexicon/annotate(_:)``): the finders ask
/// about the same tokens many times, and hashing a non-ASCII `String` normalises it on every look-up.
struct TokenizedText: Sendable {
    let tokens: [TextToken]
    /// Per token, the index of its sentence.
    let sentenceOfToken: [Int]
    /// Per sentence, its token range.
    let sentences: [Range<Int>]
    let scalarCount: Int

    init(_ text: String, lexicon: EventLexicon = .shared) {
        var text = text
        let cut = text.withUTF8 { Self.cut($0) }
        var tokens = cut.tokens
        scalarCount = cut.scalarCount
        lexicon.annotate(&tokens)
        var sentences: [Range<Int>] = []
        var sentenceOfToken = [Int](repeating: 0, count: tokens.count)
        var sentenceStart = 0
        for tokenIndex in cut.breaks + [tokens.count] where tokenIndex > 0 {
            if tokenIndex > sentenceStart { sentences.append(sentenceStart..<tokenIndex) }
            sentenceStart = tokenIndex
        }
        for (number, range) in sentences.enumerated() {
            for tokenIndex in range { sentenceOfToken[tokenIndex] = number }
        }
        self.tokens = tokens
        self.sentences = sentences
        self.sentenceOfToken = sentenceOfToken
    }

    /// Cuts valid UTF-8 into tokens, read scalar by scalar where they lie (an array of the text's scalars
    /// would take four bytes each). Returns the tokens, the token indices that start a new sentence
    /// (ascending: each is the token count when it is noted) and how many scalars the text has.
    private static func cut(_ utf8: UnsafeBufferPointer<UInt8>) -> (tokens: [TextToken], breaks: [Int], scalarCount: Int) {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(utf8.count / 5)
        var breaks: [Int] = []
        // The next scalar's byte offset and its offset in scalars.
        var byte = 0
        var index = 0
        var sawSpace = true
        var pendingLineBreak = false
        // The scalars of the token being cut; the first scalar of the token before it.
        var scalars: [Unicode.Scalar] = []
        var lastFirstScalar: Unicode.Scalar = " "
        while byte < utf8.count {
            let (scalar, length) = UTF8ScalarReader.scalar(in: utf8, at: byte)
            let scalarClass = ScalarClass.of(scalar)
            if scalarClass.contains(.whitespace) {
                if scalar == "\n" { pendingLineBreak = true }
                sawSpace = true
                byte += length
                index += 1
                continue
            }
            let start = index
            scalars.removeAll(keepingCapacity: true)
            let kind: TextToken.Kind
            if scalarClass.contains(.word) {
                var digitsOnly = true
                while byte < utf8.count {
                    let (next, nextLength) = UTF8ScalarReader.scalar(in: utf8, at: byte)
                    let nextClass = ScalarClass.of(next)
                    if nextClass.contains(.word) {
                        if !nextClass.contains(.numeric) { digitsOnly = false }
                        scalars.append(next)
                        byte += nextLength
                        index += 1
                        continue
                    }
                    guard Self.joinsWord(next), index > start, byte + nextLength < utf8.count else { break }
                    let (after, afterLength) = UTF8ScalarReader.scalar(in: utf8, at: byte + nextLength)
                    guard Self.isWordScalar(after) else { break }
                    // A joiner is never numeric.
                    digitsOnly = false
                    scalars.append(next)
                    scalars.append(after)
                    byte += nextLength + afterLength
                    index += 2
                }
                kind = digitsOnly ? .number : .word
            } else {
                scalars.append(scalar)
                byte += length
                index += 1
                kind = .punctuation
            }
            let (written, lower, isSure) = Self.strings(scalars[...])
            let isCapitalised = kind == .word && scalarClass.contains(.uppercase)
            let token = TextToken(
                kind: kind, start: start, end: index, lower: lower, text: written, isCapitalised: isCapitalised,
                spaceBefore: sawSpace, startsBlock: pendingLineBreak || tokens.isEmpty, isSure: isSure)
            if pendingLineBreak, !tokens.isEmpty, !(kind == .word && scalarClass.contains(.lowercase)) {
                breaks.append(tokens.count)
            }
            // A punctuation token is one scalar. A full stop glued to an abbreviation that stands before a
            // name ("гр. Русе", "м. Луцьк", "инж. Пламен", "prof. Anna") ends no sentence.
            if let last = tokens.last, last.kind == .punctuation, Self.endsSentence(lastFirstScalar), sawSpace,
                token.isCapitalised || (kind == .punctuation && Self.isQuote(scalar)), breaks.last != tokens.count,
                !Self.isAbbreviationBeforeName(tokens, fullStop: tokens.count - 1)
            {
                breaks.append(tokens.count)
            }
            tokens.append(token)
            lastFirstScalar = scalar
            sawSpace = false
            pendingLineBreak = false
        }
        return (tokens, breaks, index)
    }

    /// A token as written and lower-cased. Most tokens of these pages are ASCII words, numbers and
    /// punctuation: those are built byte by byte, without the Unicode case mapping the rest goes through.
    /// ASCII is in NFC with a `Character` per scalar (a token never holds the line break "\r\n").
    private static func strings(_ token: ArraySlice<Unicode.Scalar>) -> (text: String, lower: String, isSure: Bool) {
        guard token.allSatisfy({ $0.isASCII }) else { return nonASCIIStrings(token) }
        let text = String(unsafeUninitializedCapacity: token.count) { buffer in
            for (offset, scalar) in token.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
            return token.count
        }
        guard token.contains(where: { $0.value >= 0x41 && $0.value <= 0x5A }) else { return (text, text, true) }
        let lower = String(unsafeUninitializedCapacity: token.count) { buffer in
            for (offset, scalar) in token.enumerated() {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return token.count
        }
        return (text, lower, true)
    }

    /// Words in Cyrillic and Latin letters are encoded and lower-cased scalar by scalar with
    /// ``lowercase(_:)``, which keeps each scalar's UTF-8 length; a token with any other scalar goes
    /// through `String.lowercased()`.
    private static func nonASCIIStrings(_ token: ArraySlice<Unicode.Scalar>) -> (text: String, lower: String, isSure: Bool) {
        var length = 0
        var simple = true
        var sure = true
        for scalar in token {
            length += UTF8.width(scalar)
            guard simple else { continue }
            if let lower = lowercase(scalar.value) {
                if sure { sure = Unicode.Scalar(lower).map { ScalarClass.of($0).contains(.sure) } ?? false }
            } else {
                simple = false
            }
        }
        let text = String(unsafeUninitializedCapacity: length) { buffer in encode(token, into: buffer, lowered: false) }
        guard simple else {
            let lower = text.lowercased()
            return (text, lower, lower.unicodeScalars.allSatisfy { ScalarClass.of($0).contains(.sure) })
        }
        let lower = String(unsafeUninitializedCapacity: length) { buffer in encode(token, into: buffer, lowered: true) }
        return (text, lower, sure)
    }

    private static func encode(_ token: ArraySlice<Unicode.Scalar>, into buffer: UnsafeMutableBufferPointer<UInt8>, lowered: Bool) -> Int {
        var offset = 0
        for scalar in token {
            let value = lowered ? (lowercase(scalar.value) ?? scalar.value) : scalar.value
            offset = UTF8ScalarWriter.write(value, into: buffer, at: offset)
        }
        return offset
    }

    /// The lower-case form `String.lowercased()` gives a scalar of ASCII, Latin-1, Latin Extended-A, the
    /// Cyrillic letters of these languages, the modifier apostrophe and general punctuation; nil for any
    /// other scalar (and for "İ", whose lower case is two scalars). A test checks every scalar it answers
    /// against `lowercased()`.
    static func lowercase(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x41...0x5A: value | 0x20
        case 0...0x7F, 0x80...0xBF, 0xD7, 0xDF...0xFF: value
        case 0xC0...0xDE: value + 0x20
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177: value | 1
        case 0x131, 0x138, 0x149, 0x17F: value
        case 0x139...0x148, 0x179...0x17E: value & 1 == 1 ? value + 1 : value
        case 0x178: 0xFF
        case 0x400...0x40F: value + 0x50
        case 0x410...0x42F: value + 0x20
        case 0x430...0x45F: value
        case 0x490...0x4BF: value | 1
        case 0x2BC, 0x2000...0x206F: value
        default: nil
        }
    }

    // The Unicode properties below, through ``ScalarClass``'s table (same answers).

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.whitespace) }

    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.numeric) }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.uppercase) }

    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.lowercase) }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.word) }

    /// Characters that join two word pieces into one token: "co-organised", "two-day", "пʼять", "TRACE-KEI".
    static func joinsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "'" || scalar == "\u{2019}"
    }

    /// Abbreviations written before a name, lower-cased: of a settlement, street or region (Bulgarian гр.,
    /// с., ул., бул., обл.; Ukrainian м., с., смт, вул., просп., обл.; Polish ul., al., pl., os., woj.), and
    /// of a title (инж., проф., доц., д-р; inż., prof., dr, mgr, hab.; Dr, Prof, Mr, Mrs, St). A sentence
    /// practically never ends in one, whereas it often ends in a year's "г.", "р." or "r.", which are left
    /// out.
    static let abbreviationsBeforeNames: Set<String> = [
        "гр", "с", "ул", "бул", "пл", "обл", "м", "смт", "вул", "просп", "ul", "al", "pl", "os", "woj",
        "инж", "проф", "доц", "акад", "д-р", "inż", "prof", "dr", "mgr", "hab", "doc", "mr", "mrs", "st",
    ]

    /// Whether the full stop at `fullStop` closes an abbreviation of ``abbreviationsBeforeNames`` written
    /// against it.
    static func isAbbreviationBeforeName(_ tokens: [TextToken], fullStop: Int) -> Bool {
        guard fullStop > 0, !tokens[fullStop].spaceBefore, tokens[fullStop - 1].kind == .word else { return false }
        return abbreviationsBeforeNames.contains(tokens[fullStop - 1].lower)
    }

    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?"
    }

    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2018}", "\u{2019}", "'": true
        default: false
        }
    }

    /// The index of the token that contains or follows a scalar offset.
    func tokenIndex(atScalar offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The sentence of a scalar offset (the last sentence for an offset past the end).
    func sentence(atScalar offset: Int) -> Int {
        guard !tokens.isEmpty else { return 0 }
        return sentenceOfToken[min(tokenIndex(atScalar: offset), tokens.count - 1)]
    }

    func span(_ range: Range<Int>) -> TextSpanRange {
        TextSpanRange(start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end)
    }

    func words(_ range: Range<Int>) -> String {
        var result = ""
        for index in range {
            if index > range.lowerBound, tokens[index].spaceBefore { result += " " }
            result += tokens[index].text
        }
        return result
    }
}

/// A span of scalars inside this module, converted to ``IngestCore/TextSpan`` at the edge.
struct TextSpanRange: Sendable, Hashable {
    var start: Int
    var end: Int
}
