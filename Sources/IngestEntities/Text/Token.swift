/// One word, number or punctuation mark of the text, with its place in Unicode scalars so every
/// entity's span can be given in the units the record contract uses.
///
/// A token owns no `String`: its text is a span of the text's scalars and its lower case a span of one
/// buffer shared by every word (``TokenList``), so the recognisers copy and compare tokens without
/// reference counting, and build a `String` only for the few words a rule has to name.
///
/// Stored fields are ordered and sized so a token takes 32 bytes (it took 56 with `Int` offsets and an
/// optional `Int`): a page of 20 MB has some three million tokens, all held at once. Offsets fit 32 bits,
/// since a text is bounded by the input limit.
struct Token: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
        case word
        /// ASCII digits only; separators and signs are their own tokens.
        case number
        /// A single scalar that is neither letter nor digit nor space.
        case punctuation
    }

    private var storedStart: UInt32
    private var storedEnd: UInt32

    /// The first scalar: the whole of a punctuation token, compared without a `String`.
    var scalar: Unicode.Scalar = " "

    /// A number token's value, -1 for none.
    private var storedNumber: Int32 = -1

    /// Where the word's lower-cased scalars lie in ``TokenList``'s buffer, half-open; empty for numbers,
    /// punctuation and words whose classes are ``WordClass/all``.
    var lowerStart: Int32 = 0
    var lowerEnd: Int32 = 0

    /// What a word may be to the rules, from one look-up while tokenizing; empty for numbers and punctuation.
    /// ``WordClass/all`` also says that the lower case is not in the shared buffer and only
    /// `String.lowercased()` gives it.
    var classes: WordClass = []

    var kind: Kind
    /// Whether whitespace separates this token from the one before it: "2017г." and "23rd" are glued.
    var spaceBefore: Bool
    /// Whether a line break separates this token from the one before it: entities never cross lines.
    var lineBefore: Bool

    /// Starts with an upper-case letter. Set by the tokenizer, which sees the letters anyway.
    var isCapitalised = false

    /// Every letter upper-case and at least two of them, like "ECCP" or "KNESS".
    var isAcronym = false

    /// No letter the tokenizer counts is upper-case, so the lower case is the word as written (a capital
    /// right after a joiner, "f-Y", is not counted and stays).
    var lowerAsWritten = false

    init(kind: Kind, start: Int, end: Int, spaceBefore: Bool, lineBefore: Bool) {
        self.kind = kind
        self.storedStart = UInt32(truncatingIfNeeded: start)
        self.storedEnd = UInt32(truncatingIfNeeded: end)
        self.spaceBefore = spaceBefore
        self.lineBefore = lineBefore
    }

    /// Scalar offsets into the text, half-open.
    var start: Int { Int(storedStart) }
    var end: Int { Int(storedEnd) }

    /// The value of a number token; nil for anything else or one too long to be a count (over nine digits).
    var number: Int? {
        get { storedNumber >= 0 ? Int(storedNumber) : nil }
        set { storedNumber = newValue.map { Int32(clamping: $0) } ?? -1 }
    }

    /// Length in scalars; for numbers also in digits.
    var length: Int { end - start }

    func isPunctuation(_ scalars: Set<Unicode.Scalar>) -> Bool {
        kind == .punctuation && scalars.contains(scalar)
    }

    func isPunctuation(_ mark: Unicode.Scalar) -> Bool {
        kind == .punctuation && scalar == mark
    }
}
