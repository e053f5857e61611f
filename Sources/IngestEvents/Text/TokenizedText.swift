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
            if scalar.properties.isWhitespace {
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
                let digitsOnly = scalars[start..<index].allSatisfy { $0.properties.numericType != nil }
                kind = digitsOnly ? .number : .word
            } else {
                index += 1
                kind = .punctuation
            }
            var token = TextToken(
                kind: kind, start: start, end: index, lower: "", text: String(String.UnicodeScalarView(scalars[start..<index])),
                isCapitalised: false, spaceBefore: sawSpace, startsBlock: pendingLineBreak || tokens.isEmpty)
            token.lower = token.text.lowercased()
            token.isCapitalised = kind == .word && scalars[start].properties.isUppercase
            if pendingLineBreak, !tokens.isEmpty, !(kind == .word && scalars[start].properties.isLowercase) {
                breaks.insert(tokens.count)
            }
            if let last = tokens.last, last.kind == .punctuation, [".", "!", "?"].contains(last.text), sawSpace,
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

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || scalar == "\u{2BC}"
    }

    /// Characters that join two word pieces into one token: "co-organised", "two-day", "пʼять", "TRACE-KEI".
    static func joinsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "'" || scalar == "\u{2019}"
    }

    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        "\"\u{201C}\u{201D}\u{201E}\u{00AB}\u{00BB}\u{2018}\u{2019}'".unicodeScalars.contains(scalar)
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
