/// A word, a number or one punctuation character of the page text, located in Unicode scalars so its
/// span can be reported as evidence without converting offsets.
///
/// Stored fields are ordered and sized so a token takes 56 bytes (it took 80 with `Int` offsets): a page of
/// 20 MB has some three million tokens, all held at once. Offsets fit 32 bits, since a text is bounded by
/// the input limit.
struct TextToken: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punctuation }

    /// Lower-cased, for lexicon look-ups.
    var lower: String
    /// The token as written.
    var text: String
    private var storedStart: UInt32
    private var storedEnd: UInt32
    /// The token's entry in ``EventLexicon/eventWordList``, -1 for a token that is no event word.
    var eventWord: Int32 = -1
    /// The ordinal that starts at this token ("8th", "Второто", "8" with the dot after it): its value,
    /// 0 for none, and how many tokens it takes.
    var ordinalValue: Int32 = 0
    /// What the lexicon knows of the token, filled by ``EventLexicon/annotate(_:)`` when the text is cut.
    var roles: EventLexicon.Roles = []
    var ordinalLength: UInt8 = 0
    var kind: Kind
    /// Starts with an upper-case letter (or is an acronym such as "ECCP").
    var isCapitalised: Bool
    /// Whether a space or line break separates this token from the one before.
    var spaceBefore: Bool
    /// Whether a line break separates it from the token before: it starts a block (paragraph, heading, item).
    var startsBlock: Bool
    /// Every scalar of `lower` is ``ScalarClass/sure``: `lower` is in NFC and has a `Character` per
    /// scalar, so it can be compared and looked up by its UTF-8 bytes and counted in scalars.
    var isSure: Bool

    init(
        kind: Kind, start: Int, end: Int, lower: String, text: String, isCapitalised: Bool, spaceBefore: Bool, startsBlock: Bool,
        isSure: Bool
    ) {
        self.kind = kind
        self.storedStart = UInt32(truncatingIfNeeded: start)
        self.storedEnd = UInt32(truncatingIfNeeded: end)
        self.lower = lower
        self.text = text
        self.isCapitalised = isCapitalised
        self.spaceBefore = spaceBefore
        self.startsBlock = startsBlock
        self.isSure = isSure
    }

    /// Scalar offsets into the text, half-open.
    var start: Int { Int(storedStart) }
    var end: Int { Int(storedEnd) }

    /// `lower == other.lower`, by bytes when both are in NFC (the same answer, without normalising).
    func hasSameLower(as other: TextToken) -> Bool {
        if isSure, other.isSure { return lower.utf8.elementsEqual(other.lower.utf8) }
        return lower == other.lower
    }
}
