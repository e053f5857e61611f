/// A word, a number or one punctuation character of the page text, located in Unicode scalars so its
/// span can be reported as evidence without converting offsets.
struct TextToken: Sendable {
    enum Kind: Sendable { case word, number, punctuation }

    var kind: Kind
    /// Scalar offsets into the text, half-open.
    var start: Int
    var end: Int
    /// Lower-cased, for lexicon look-ups.
    var lower: String
    /// The token as written.
    var text: String
    /// Starts with an upper-case letter (or is an acronym such as "ECCP").
    var isCapitalised: Bool
    /// Whether a space or line break separates this token from the one before.
    var spaceBefore: Bool
    /// Whether a line break separates it from the token before: it starts a block (paragraph, heading, item).
    var startsBlock: Bool
}
