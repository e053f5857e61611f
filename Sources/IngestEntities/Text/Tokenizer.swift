import IngestCore

/// Splits text into words, numbers and punctuation in one pass over its Unicode scalars.
///
/// Words keep inner apostrophes and hyphens ("Moravian-Silesian", "пʼять") and combining marks; digits
/// never join letters, so "2017г." is a number glued to a word, which the date rules read as a year.
///
/// Letters of the Latin and Cyrillic blocks are classified and lower-cased through ``ScalarTable``, and
/// each word's ``WordClass`` is looked up by its lower-cased scalars: the recognisers then hash a word's
/// text only when a bit says one of their tables may hold it.
struct Tokenizer: Sendable {
    private static let table = ScalarTable.shared
    private static let classes = WordClass.table

    func tokens(of scalars: [Unicode.Scalar]) -> TokenList {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var lowered: [UInt32] = []
        lowered.reserveCapacity(scalars.count)
        var index = 0
        var spaceBefore = true
        var lineBefore = true
        let count = scalars.count
        let table = Self.table
        while index < count {
            let scalar = scalars[index]
            let flags = table.flags(scalar)
            if flags.contains(.space) {
                spaceBefore = true
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" { lineBefore = true }
                index += 1
                continue
            }
            let start = index
            let kind: Token.Kind
            var upper = 0
            var letters = 0
            var number: Int?
            /// Every scalar has a one-scalar lower case in the table and the word is known to be in NFC.
            var sure = true
            var apostrophe = false
            if Self.isDigit(scalar) {
                kind = .number
                var value = Int(scalar.value - 0x30)
                index += 1
                while index < count, Self.isDigit(scalars[index]) {
                    value = value &* 10 &+ Int(scalars[index].value - 0x30)
                    index += 1
                }
                if index - start <= 9 { number = value }
            } else if flags.contains(.letter) {
                kind = .word
                index += 1
                letters = 1
                upper = flags.contains(.upper) ? 1 : 0
                sure = flags.contains(.sure)
                while index < count {
                    let next = scalars[index]
                    let nextFlags = table.flags(next)
                    if !nextFlags.isDisjoint(with: [.letter, .mark]) {
                        if nextFlags.contains(.letter) {
                            letters += 1
                            if nextFlags.contains(.upper) { upper += 1 }
                        }
                        if sure { sure = nextFlags.contains(.sure) }
                        index += 1
                    } else if Self.isJoiner(next), index + 1 < count, table.flags(scalars[index + 1]).contains(.letter) {
                        // The letter after a joiner is not counted among the letters and capitals.
                        if sure { sure = nextFlags.contains(.sure) && table.flags(scalars[index + 1]).contains(.sure) }
                        if next == "'" || next == "\u{2019}" { apostrophe = true }
                        index += 2
                    } else {
                        break
                    }
                }
            } else {
                kind = .punctuation
                index += 1
            }
            var token = Token(kind: kind, start: start, end: index, spaceBefore: spaceBefore, lineBefore: lineBefore)
            if kind == .word {
                token.lowerAsWritten = upper == 0
                if sure {
                    let lowerStart = lowered.count
                    if upper == 0 {
                        for scalar in scalars[start..<index] { lowered.append(scalar.value) }
                    } else {
                        for scalar in scalars[start..<index] { lowered.append(Self.lowerCase(scalar, table)) }
                    }
                    token.lowerStart = Int32(lowerStart)
                    token.lowerEnd = Int32(lowered.count)
                    token.classes = Self.classes.value(lowered[lowerStart...]) ?? []
                } else {
                    token.classes = .all
                }
                if apostrophe { token.classes.insert(.apostrophe) }
            }
            token.isCapitalised = kind == .word && flags.contains(.upper)
            token.isAcronym = kind == .word && letters >= 2 && upper == letters
            token.scalar = scalar
            token.number = number
            tokens.append(token)
            spaceBefore = false
            lineBefore = false
        }
        return TokenList(scalars: scalars, tokens: tokens, lowered: lowered)
    }

    // MARK: - Through the table

    /// Only for scalars whose flags are ``ScalarTable/Flags/sure``.
    private static func lowerCase(_ scalar: Unicode.Scalar, _ table: ScalarTable) -> UInt32 {
        scalar == "\u{2019}" ? scalar.value : table.lower[Int(scalar.value)]
    }

    // MARK: - Unicode properties

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0x0410 && value <= 0x042F { return true }
        if value >= 0x0430 && value <= 0x045F { return false }
        return scalar.properties.isUppercase
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0x0400 && value <= 0x04FF { return true }
        return scalar.properties.isAlphabetic
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x0300 && (scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x02BC)
    }

    /// Apostrophes and hyphens that belong to a word when letters follow.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2019}", "\u{02BC}", "-", "\u{2010}": return true
        default: return false
        }
    }
}
