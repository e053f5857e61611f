/// The page text cut once into tokens and sentences, so every finder walks the same tokens and every
/// span is already in Unicode scalars, as the record contract counts them.
///
/// Sentences end at `.`, `!`, `?` followed by an upper-case letter or a quote, and at line breaks, but a
/// block that starts in lower case continues the sentence before it: pages often break a heading off the
/// sentence it begins ("Второто издание на конференцията Grow your Region" / "се проведе на 8-9 ноември").
struct TokenizedText: Sendable {
    let tokens: [TextToken]
    /// Per token, the index of its sentence.
    let sentenceOfToken: [Int]
    /// Per sentence, its token range.
    let sentences: [Range<Int>]
    let scalarCount: Int

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        scalarCount = scalars.count
        var tokens: [TextToken] = []
        var breaks: Set<Int> = []  // token indices that start a new sentence
        var index = 0
        var sawSpace = true
        var pendingLineBreak = false
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isWhitespace(scalar) {
                if scalar == "\n" { pendingLineBreak = true }
                sawSpace = true
                index += 1
                continue
            }
            let start = index
            let kind: TextToken.Kind
            if Self.isWordScalar(scalar) {
                while index < scalars.count {
                    if Self.isWordScalar(scalars[index]) {
                        index += 1
                    } else if Self.joinsWord(scalars[index]), index + 1 < scalars.count, Self.isWordScalar(scalars[index + 1]),
                        index > start
                    {
                        index += 2
                    } else {
                        break
                    }
                }
                let digitsOnly = scalars[start..<index].allSatisfy(Self.isNumeric)
                kind = digitsOnly ? .number : .word
            } else {
                index += 1
                kind = .punctuation
            }
            let (written, lower) = Self.strings(scalars[start..<index])
            let isCapitalised = kind == .word && Self.isUppercase(scalars[start])
            let token = TextToken(
                kind: kind, start: start, end: index, lower: lower, text: written, isCapitalised: isCapitalised,
                spaceBefore: sawSpace, startsBlock: pendingLineBreak || tokens.isEmpty)
            if pendingLineBreak, !tokens.isEmpty, !(kind == .word && Self.isLowercase(scalars[start])) {
                breaks.insert(tokens.count)
            }
            // A punctuation token is one scalar.
            if let last = tokens.last, last.kind == .punctuation, Self.endsSentence(scalars[last.start]), sawSpace,
                token.isCapitalised || (kind == .punctuation && Self.isQuote(scalars[start]))
            {
                breaks.insert(tokens.count)
            }
            tokens.append(token)
            sawSpace = false
            pendingLineBreak = false
        }
        var sentences: [Range<Int>] = []
        var sentenceOfToken = [Int](repeating: 0, count: tokens.count)
        var sentenceStart = 0
        for tokenIndex in 0...tokens.count where tokenIndex == tokens.count || (breaks.contains(tokenIndex) && tokenIndex > 0) {
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

    /// A token as written and lower-cased. Most tokens of these pages are ASCII words, numbers and
    /// punctuation: those are built byte by byte, without the Unicode case mapping the rest goes through.
    private static func strings(_ token: ArraySlice<Unicode.Scalar>) -> (text: String, lower: String) {
        guard token.allSatisfy({ $0.isASCII }) else {
            let text = String(String.UnicodeScalarView(token))
            return (text, text.lowercased())
        }
        let text = String(unsafeUninitializedCapacity: token.count) { buffer in
            for (offset, scalar) in token.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
            return token.count
        }
        guard token.contains(where: { $0.value >= 0x41 && $0.value <= 0x5A }) else { return (text, text) }
        let lower = String(unsafeUninitializedCapacity: token.count) { buffer in
            for (offset, scalar) in token.enumerated() {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return token.count
        }
        return (text, lower)
    }

    // The Unicode properties below, answered for ASCII without the property tables (same answers).

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return scalar.properties.numericType != nil
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return scalar.properties.isUppercase
    }

    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return scalar.properties.isLowercase
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x30 && value <= 0x39) || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A) }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || scalar == "\u{2BC}"
    }

    /// Characters that join two word pieces into one token: "co-organised", "two-day", "пʼять", "TRACE-KEI".
    static func joinsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "'" || scalar == "\u{2019}"
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
