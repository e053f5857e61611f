/// Turns scalars into the lower-case letters the model was counted on, without building `Character`s:
/// detection runs over every paragraph of every page, so the common alphabets take a table-free fast path.
enum LetterFolding {
    /// The apostrophe the model stores for ', ’ and ʼ between letters (Ukrainian and Belarusian spell with it).
    static let apostrophe: UInt32 = 0x27

    @inline(__always)
    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019 || value == 0x02BC
    }

    /// Combining marks (decomposed accents) continue the word they follow instead of ending it.
    @inline(__always)
    static func isCombiningMark(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value)
    }

    /// Unicode's White_Space property, which is a short fixed list, without the property lookup per scalar:
    /// splitting a page into paragraphs visits every scalar of it, and the lookup cost more than the split.
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        if value < 0x1680 { return value == 0x85 || value == 0xA0 }
        switch value {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The lower-case form of a letter, or nil when the scalar is not a letter. U+02BC, a letter to Unicode,
    /// is the apostrophe here: it is the one the repair stage gives Ukrainian words ("зʼїзд"), and the model
    /// counted it as ' (``apostrophe``).
    @inline(__always)
    static func lowercaseLetter(_ scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        switch value {
        case 0x02BC: return nil
        case 0x61...0x7A: return value
        case 0x41...0x5A: return value + 0x20
        case 0x0430...0x045F: return value
        case 0x0410...0x042F: return value + 0x20
        case 0x0400...0x040F: return value + 0x50
        case 0...0x7F: return nil
        default:
            let properties = scalar.properties
            guard properties.isAlphabetic else { return nil }
            guard properties.changesWhenLowercased else { return value }
            let lower = properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first!.value : value
        }
    }
}
