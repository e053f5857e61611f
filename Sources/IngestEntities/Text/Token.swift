/// One word, number or punctuation mark of the text, with its place in Unicode scalars so every
/// entity's span can be given in the units the record contract uses.
struct Token: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
        case word
        /// ASCII digits only; separators and signs are their own tokens.
        case number
        /// A single scalar that is neither letter nor digit nor space.
        case punctuation
    }

    var kind: Kind
    /// Scalar offsets into the text, half-open.
    var start: Int
    var end: Int
    var text: String
    /// Lower-cased once here, because every recogniser compares lower-cased words.
    var lower: String
    /// Whether whitespace separates this token from the one before it: "2017г." and "23rd" are glued.
    var spaceBefore: Bool
    /// Whether a line break separates this token from the one before it: entities never cross lines.
    var lineBefore: Bool

    /// Starts with an upper-case letter. Set by the tokenizer, which sees the letters anyway.
    var isCapitalised = false

    /// Every letter upper-case and at least two of them, like "ECCP" or "KNESS".
    var isAcronym = false

    /// The value of a number token; nil for anything else or one too long to be a count.
    var number: Int? {
        guard kind == .number, text.utf8.count <= 9 else { return nil }
        return Int(text)
    }

    func isPunctuation(_ scalars: Set<Unicode.Scalar>) -> Bool {
        kind == .punctuation && text.unicodeScalars.first.map(scalars.contains) == true
    }
}
