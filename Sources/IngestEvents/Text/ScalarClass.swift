import Foundation

/// The Unicode properties the tokenizer asks of every scalar of a page, read from a table for the
/// scripts these pages are written in (ASCII, Latin, Greek, Cyrillic and General Punctuation), so the
/// hot loop does not go through the property look-ups of the standard library for each scalar.
///
/// The table is filled from the same property answers the tokenizer used scalar by scalar, so a scalar
/// gets the same answer with or without it; scalars outside the table are answered from their properties.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    static let whitespace = ScalarClass(rawValue: 1 << 0)
    static let numeric = ScalarClass(rawValue: 1 << 1)
    static let uppercase = ScalarClass(rawValue: 1 << 2)
    static let lowercase = ScalarClass(rawValue: 1 << 3)
    static let word = ScalarClass(rawValue: 1 << 4)
    /// In NFC whatever surrounds it and a `Character` of its own: no mark, no control, nothing that
    /// composes or decomposes, below ``limit``. A string of such scalars is in NFC, so it equals another
    /// NFC string exactly when their UTF-8 bytes are equal, and it counts as many characters as scalars.
    static let sure = ScalarClass(rawValue: 1 << 5)

    /// Scalars below this value are in ``table``.
    static let limit: UInt32 = 0x0530
    static let punctuation: ClosedRange<UInt32> = 0x2000...0x206F

    private static let table: [ScalarClass] = (0..<limit).map { value in
        let scalar = Unicode.Scalar(value)!
        return properties(of: scalar).union(isSure(scalar) ? .sure : [])
    }
    private static let punctuationTable: [ScalarClass] = punctuation.map { properties(of: Unicode.Scalar($0)!) }

    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < limit { return table[Int(value)] }
        if punctuation.contains(value) { return punctuationTable[Int(value - punctuation.lowerBound)] }
        return properties(of: scalar)
    }

    private static func isSure(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .control, .format, .surrogate, .unassigned, .privateUse: return false
        default: break
        }
        let single = String(scalar)
        return properties.canonicalCombiningClass.rawValue == 0 && !properties.isGraphemeExtend && single.unicodeScalars.count == 1
            && single.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(single.unicodeScalars)
    }

    /// The class from the scalar's Unicode properties (without ``sure``, which only the table gives).
    static func properties(of scalar: Unicode.Scalar) -> ScalarClass {
        var result: ScalarClass = []
        let value = scalar.value
        if value < 0x80 {
            if value == 0x20 || (value >= 0x09 && value <= 0x0D) { result.insert(.whitespace) }
            if value >= 0x30 && value <= 0x39 { result.formUnion([.numeric, .word]) }
            if value >= 0x41 && value <= 0x5A { result.formUnion([.uppercase, .word]) }
            if value >= 0x61 && value <= 0x7A { result.formUnion([.lowercase, .word]) }
            return result
        }
        let properties = scalar.properties
        if properties.isWhitespace { result.insert(.whitespace) }
        if properties.numericType != nil { result.insert(.numeric) }
        if properties.isUppercase { result.insert(.uppercase) }
        if properties.isLowercase { result.insert(.lowercase) }
        if properties.isAlphabetic || properties.numericType != nil || scalar == "\u{2BC}" { result.insert(.word) }
        return result
    }
}
