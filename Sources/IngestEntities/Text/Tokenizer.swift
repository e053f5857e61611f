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
    /// Every ASCII scalar as a `String`, for punctuation tokens, a third of all tokens.
    private static let ascii: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    func tokens(of scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var spaceBefore = true
        var lineBefore = true
        let count = scalars.count
        let table = Self.table
        var lowered: [UInt32] = []
        var utf8: [UInt8] = []
        while index < count {
            let scalar = scalars[index]
            if Self.isSpace(scalar, table) {
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
            } else if Self.isLetter(scalar, table) {
                kind = .word
                index += 1
                letters = 1
                upper = Self.isUpper(scalar, table) ? 1 : 0
                sure = Self.isSure(scalar, table)
                while index < count {
                    let next = scalars[index]
                    let letter = Self.isLetter(next, table)
                    if letter || Self.isMark(next, table) {
                        if letter {
                            letters += 1
                            if Self.isUpper(next, table) { upper += 1 }
                        }
                        if sure { sure = Self.isSure(next, table) }
                        index += 1
                    } else if Self.isJoiner(next), index + 1 < count, Self.isLetter(scalars[index + 1], table) {
                        // The letter after a joiner is not counted among the letters and capitals.
                        if sure { sure = Self.isSure(next, table) && Self.isSure(scalars[index + 1], table) }
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
            let text = kind == .punctuation && scalar.value < 0x80 ? Self.ascii[Int(scalar.value)] : Self.string(scalars[start..<index], &utf8)
            let lower: String
            var classes: WordClass = []
            if kind == .word {
                lowered.removeAll(keepingCapacity: true)
                if upper == 0 {
                    for scalar in scalars[start..<index] { lowered.append(scalar.value) }
                    lower = text
                } else if sure {
                    for scalar in scalars[start..<index] { lowered.append(Self.lowerCase(scalar, table)) }
                    lower = Self.string(lowered, &utf8)
                } else {
                    lower = text.lowercased()
                }
                classes = sure ? Self.classes.value(lowered) ?? [] : .all
                if apostrophe { classes.insert(.apostrophe) }
            } else {
                lower = text
            }
            var token = Token(kind: kind, start: start, end: index, text: text, lower: lower, spaceBefore: spaceBefore, lineBefore: lineBefore)
            token.isCapitalised = kind == .word && Self.isUpper(scalar, table)
            token.isAcronym = kind == .word && letters >= 2 && upper == letters
            token.scalar = scalar
            token.number = number
            token.classes = classes
            tokens.append(token)
            spaceBefore = false
            lineBefore = false
        }
        return tokens
    }

    // MARK: - Through the table

    private static func inTable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < ScalarTable.limit && !ScalarTable.greek.contains(scalar.value)
    }

    private static func isSpace(_ scalar: Unicode.Scalar, _ table: ScalarTable) -> Bool {
        inTable(scalar) ? table.flags[Int(scalar.value)].contains(.space) : isSpace(scalar)
    }

    private static func isLetter(_ scalar: Unicode.Scalar, _ table: ScalarTable) -> Bool {
        inTable(scalar) ? table.flags[Int(scalar.value)].contains(.letter) : isLetter(scalar)
    }

    private static func isUpper(_ scalar: Unicode.Scalar, _ table: ScalarTable) -> Bool {
        inTable(scalar) ? table.flags[Int(scalar.value)].contains(.upper) : isUpper(scalar)
    }

    private static func isMark(_ scalar: Unicode.Scalar, _ table: ScalarTable) -> Bool {
        inTable(scalar) ? table.flags[Int(scalar.value)].contains(.mark) : isMark(scalar)
    }

    /// In the table, in NFC, with a one-scalar lower case; or the right single quote, which is all three.
    private static func isSure(_ scalar: Unicode.Scalar, _ table: ScalarTable) -> Bool {
        if scalar == "\u{2019}" { return true }
        guard inTable(scalar) else { return false }
        let value = Int(scalar.value)
        return !table.flags[value].contains(.unsure) && table.lower[value] != ScalarTable.several
    }

    /// Only for scalars ``isSure(_:_:)`` accepts.
    private static func lowerCase(_ scalar: Unicode.Scalar, _ table: ScalarTable) -> UInt32 {
        scalar == "\u{2019}" ? scalar.value : table.lower[Int(scalar.value)]
    }

    private static func string<C: Collection>(_ scalars: C, _ utf8: inout [UInt8]) -> String where C.Element == Unicode.Scalar {
        utf8.removeAll(keepingCapacity: true)
        for scalar in scalars { UTF8.encode(scalar) { utf8.append($0) } }
        return utf8.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    private static func string(_ values: [UInt32], _ utf8: inout [UInt8]) -> String {
        utf8.removeAll(keepingCapacity: true)
        for value in values { UTF8.encode(Unicode.Scalar(value)!) { utf8.append($0) } }
        return utf8.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
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
