/// Splits text into words, numbers and punctuation in one pass over its Unicode scalars.
///
/// Words keep inner apostrophes and hyphens ("Moravian-Silesian", "пʼять") and combining marks; digits
/// never join letters, so "2017г." is a number glued to a word, which the date rules read as a year.
struct Tokenizer: Sendable {
    func tokens(of scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var spaceBefore = true
        var lineBefore = true
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if Self.isSpace(scalar) {
                spaceBefore = true
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" { lineBefore = true }
                index += 1
                continue
            }
            let start = index
            let kind: Token.Kind
            var upper = 0
            var letters = 0
            if Self.isDigit(scalar) {
                kind = .number
                index += 1
                while index < count, Self.isDigit(scalars[index]) { index += 1 }
            } else if Self.isLetter(scalar) {
                kind = .word
                index += 1
                letters = 1
                upper = Self.isUpper(scalar) ? 1 : 0
                while index < count {
                    let next = scalars[index]
                    if Self.isLetter(next) || Self.isMark(next) {
                        if Self.isLetter(next) {
                            letters += 1
                            if Self.isUpper(next) { upper += 1 }
                        }
                        index += 1
                    } else if Self.isJoiner(next), index + 1 < count, Self.isLetter(scalars[index + 1]) {
                        index += 2
                    } else {
                        break
                    }
                }
            } else {
                kind = .punctuation
                index += 1
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<index])
            let text = String(view)
            var token = Token(
                kind: kind, start: start, end: index, text: text, lower: kind == .word && upper > 0 ? text.lowercased() : text,
                spaceBefore: spaceBefore, lineBefore: lineBefore)
            token.isCapitalised = kind == .word && Self.isUpper(scalar)
            token.isAcronym = kind == .word && letters >= 2 && upper == letters
            tokens.append(token)
            spaceBefore = false
            lineBefore = false
        }
        return tokens
    }

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
