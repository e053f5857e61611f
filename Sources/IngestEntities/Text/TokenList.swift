import IngestCore

/// The tokens of one text, with the text's scalars and one buffer holding the lower case of every word
/// whose lower case is one scalar per scalar: what a token's `String`s used to hold, without a `String`
/// per token.
///
/// Rules test a word against their vocabularies through its lower-cased scalars (``WordSet``,
/// ``WordTable``); ``text(_:)`` and ``lower(_:)`` build a `String` for the rare word a rule has to
/// name or a vocabulary only knows as text.
struct TokenList: RandomAccessCollection, Sendable {
    let scalars: [Unicode.Scalar]
    private(set) var tokens: [Token]
    private let lowered: [UInt32]

    init(scalars: [Unicode.Scalar], tokens: [Token], lowered: [UInt32]) {
        self.scalars = scalars
        self.tokens = tokens
        self.lowered = lowered
    }

    var startIndex: Int { 0 }
    var endIndex: Int { tokens.count }
    subscript(index: Int) -> Token { tokens[index] }

    /// Whether the word's lower case is in the buffer, so ``lowerScalars(_:)`` gives it; false for words
    /// that may not be in NFC, which only `String` comparisons match canonically.
    func isSure(_ index: Int) -> Bool { tokens[index].classes != .all }

    /// The lower-cased scalars of a word ``isSure(_:)`` accepts.
    func lowerScalars(_ index: Int) -> ArraySlice<UInt32> {
        lowered[Int(tokens[index].lowerStart)..<Int(tokens[index].lowerEnd)]
    }

    /// The token as written.
    func text(_ index: Int) -> String {
        Self.string(scalars[tokens[index].start..<tokens[index].end].lazy.map(\.value))
    }

    /// The token lower-cased; numbers and punctuation as written.
    func lower(_ index: Int) -> String {
        let token = tokens[index]
        guard token.kind == .word else { return text(index) }
        if isSure(index) { return Self.string(lowerScalars(index)) }
        return token.lowerAsWritten ? text(index) : text(index).lowercased()
    }

    /// Whether the token opens a sentence or a line, quotes and dashes before it aside: its capital letter
    /// may be the sentence's rather than a name's.
    func opensSentence(_ index: Int) -> Bool {
        var before = index - 1
        while before >= 0, !tokens[before + 1].lineBefore, tokens[before].kind == .punctuation,
            Self.openers.contains(tokens[before].scalar)
        {
            before -= 1
        }
        guard before >= 0, !tokens[before + 1].lineBefore else { return true }
        return tokens[before].kind == .punctuation && Self.sentenceEnds.contains(tokens[before].scalar)
    }

    private static let openers: Set<Unicode.Scalar> = ["\"", "\u{201E}", "\u{201C}", "\u{00AB}", "(", "-", "\u{2013}", "\u{2014}", "'"]
    private static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", ":", ";", "\u{2022}"]

    /// Whether the word's lower case is `word` (lower-case, in NFC), compared by scalars when it can be.
    func lowerIs(_ index: Int, _ word: String) -> Bool {
        guard tokens[index].kind == .word, isSure(index) else { return lower(index) == word }
        return lowerScalars(index).elementsEqual(word.unicodeScalars.lazy.map(\.value))
    }

    /// The Unicode scalars of a text, decoded from its UTF-8 in one pass (a `String` is valid UTF-8).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(utf8.count)
            var index = 0
            while index < utf8.count {
                let (scalar, length) = UTF8ScalarReader.scalar(in: utf8, at: index)
                scalars.append(scalar)
                index += length
            }
            return scalars
        }
    }

    /// A `String` of scalar values, encoded straight into its storage.
    static func string<C: Collection>(_ values: C) -> String where C.Element == UInt32 {
        String(unsafeUninitializedCapacity: values.count * 4) { buffer in
            var count = 0
            for value in values {
                UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
