/// Whether the characters a repair produces could stand together in real text: letters of one script
/// with its marks and punctuation, or symbols and emoji with their joiners. A misreading undone with the
/// wrong code page gives a salad of scripts ("ѓ" next to "ž", Hebrew next to Greek), so one script is
/// a strong sign the bytes really were UTF-8, in any language.
enum ScriptRun {
    /// Broad script classes, enough to tell a single-script run from a mixture.
    enum Script: UInt8 {
        case neutral, latin, greek, cyrillic, armenian, hebrew, arabic, indic, thai, georgian, hangul, eastAsian, other
    }

    /// The script of a letter or mark; nil for what is not a letter of any script (punctuation, symbols).
    static func script(_ scalar: Unicode.Scalar) -> Script? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF, 0x250...0x2AF, 0xFB00...0xFB06: return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F: return .cyrillic
        case 0x530...0x58F: return .armenian
        case 0x590...0x5FF: return .hebrew
        case 0x600...0x6FF, 0x750...0x77F: return .arabic
        case 0x900...0xDFF: return .indic
        case 0xE00...0xEFF: return .thai
        case 0x10A0...0x10FF: return .georgian
        case 0x1100...0x11FF, 0xAC00...0xD7AF, 0x3130...0x318F: return .hangul
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return .eastAsian
        default: return nil
        }
    }

    /// Symbols, emoji and what joins them: never letters, but at home beside any script.
    static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2190...0x2BFF, 0x2800...0x28FF, 0x1F000...0x1FAFF, 0x200D, 0xFE0E, 0xFE0F, 0x20E3, 0xE0020...0xE007F: return true
        default: return false
        }
    }

    /// Punctuation, spaces and marks that go with any script (combining marks attach to what precedes).
    static func isNeutral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x40, 0x5B...0x60, 0x7B...0x7E, 0x80...0xBF, 0x2B0...0x2FF, 0xD7, 0xF7, 0x2000...0x200A, 0x2010...0x2027, 0x202F...0x205E,
            0x20A0...0x20C0, 0x2100...0x218F, 0x300...0x36F, 0x3000...0x303F, 0xFF00...0xFFEF, 0xFFFD:
            return true
        default:
            return false
        }
    }

    /// True when each word of `scalars` holds letters of one script at most, every other character being
    /// neutral or a symbol. Marks of a script (Hebrew points, Indic vowel signs) belong to it by their
    /// block. Words of two scripts may stand side by side ("και 日本語").
    static func isPlausible(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var seen: Script? = nil
        for scalar in scalars {
            if scalar.value == 0x20 {
                seen = nil
            } else if let script = script(scalar) {
                if let seen, seen != script { return false }
                seen = script
            } else if !isNeutral(scalar), !isSymbol(scalar) {
                return false
            }
        }
        return true
    }
}
