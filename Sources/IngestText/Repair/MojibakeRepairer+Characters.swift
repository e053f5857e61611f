extension MojibakeRepairer {
    /// Letters, told apart without a Unicode property lookup for the scripts these pages are written in.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x400...0x481, 0x48A...0x52F: return true
        case 0..<0x80, 0x80...0xBF, 0xD7, 0xF7, 0x2000...0x2BFF: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// Case without a Unicode property lookup for ASCII, Latin-1 and basic Cyrillic.
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF, 0x430...0x45F: return true
        case 0..<0xDF, 0x400...0x42F: return false
        default: return scalar.properties.isLowercase
        }
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x400...0x42F: return true
        case 0..<0xC0, 0xDF...0xFF, 0x430...0x45F: return false
        default: return scalar.properties.isUppercase
        }
    }

    /// Letters (and combining marks) of the Latin, Greek and Cyrillic alphabets in everyday use, without
    /// the phonetic, archaic and minority-language ones that a coincidence produces as easily ("ſ", "ɮ").
    static func isCommonLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x17E, 0x218...0x21B, 0x300...0x36F, 0x386...0x3CE: return true
        // Cyrillic of Bulgarian, Ukrainian and Russian; the Serbian and Macedonian letters are what
        // misread Cyrillic text is full of.
        case 0x401, 0x404, 0x406, 0x407, 0x410...0x44F, 0x451, 0x454, 0x456, 0x457, 0x490, 0x491: return true
        default: return false
        }
    }

    /// Letters of Bulgarian, Polish, Ukrainian and Romanian beyond ASCII.
    static func isOwnLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x400...0x45F, 0x490, 0x491, 0x104...0x107, 0x118, 0x119, 0x141...0x144, 0x15A, 0x15B, 0x179...0x17C, 0xD3, 0xF3,
            0x102, 0x103, 0xC2, 0xE2, 0xCE, 0xEE, 0x218...0x21B, 0x15E, 0x15F, 0x162, 0x163:
            return true
        default:
            return false
        }
    }

    /// Characters at home in Bulgarian, Polish, Ukrainian or English text (and Romanian names): a
    /// repair made of them is preferred over one that yields, say, Turkish ş.
    static func isExpected(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0xA0...0xFF, 0x400...0x45F, 0x490, 0x491, 0x104...0x107, 0x118, 0x119, 0x141...0x144, 0x15A, 0x15B,
            0x179...0x17C, 0x102, 0x103, 0x218...0x21B, 0x2010...0x2026, 0x20AC, 0x2116, 0x2122:
            return true
        default:
            return false
        }
    }

    /// A repair must read as letters of the Latin or Cyrillic alphabets,
    /// marks and ordinary punctuation.
    static func isPlausible(_ decoded: ArraySlice<Unicode.Scalar>) -> Bool {
        decoded.allSatisfy(isPlausibleCharacter)
    }

    /// A character ``isPlausible(_:)`` allows.
    static func isPlausibleCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80: return true
        case 0xC0...0x24F, 0x1E00...0x1EFF, 0x400...0x45F, 0x490...0x491: return isLetter(scalar)
        case 0x300...0x36F: return true
        // C1 controls, Latin-1 symbols and the windows-1252 extras are what the first of two
        // misreadings leaves; the next pass takes them away, or the whole repair is rolled back.
        case 0x80...0xBF, 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC, 0x2020, 0x2021, 0x2022: return true
        case 0xA0, 0xAB, 0xBB, 0xB0, 0xA9, 0xAE, 0x2010...0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2116, 0x2122: return true
        default: return false
        }
    }

    /// Characters that a few bytes read back by chance land on far more often than any page uses them:
    /// Latin letters of transliteration and Welsh (U+1E00–U+1E9F; the Vietnamese ones after them are in
    /// everyday use), polytonic Greek, Braille, supplemental mathematical operators, the arrows and
    /// symbols of U+2B00–U+2BFF other than emoji (⭐), and combining marks beyond the diacritics and
    /// overlays that decomposed or struck-through text carries. The blank Braille pattern is kept: posts
    /// use it as a space that survives trimming. Clean Czech "ášť" encoded as ISO-8859-2
    /// is the UTF-8 of U+1E7B, and Belarusian "тал" as IBM866 that of a Braille pattern. So are the CJK
    /// ideographs of Extension A (U+3400–U+4DBF), rare even in Chinese, which three-byte leads of Cyrillic
    /// and Thai letters (E3, E4) reach: Thai "ใน " is E3 B9 A0 in windows-874, "㹠", and Bulgarian "файл"
    /// in IBM866 read as windows-1251, "д\u{A0}©«", makes "䠩«". So are the spacing modifier letters of
    /// phonetics and tone (not the apostrophes, primes, accents and length marks text writes: "ʼ", "ʻ",
    /// "ˈ", "ː", "ˇ", "˘"), the Greek combining marks of decomposed polytonic text, and the archaic
    /// Cyrillic letters (U+0460–U+0481), which Cyrillic capitals written in windows-1251, ISO-8859-5 or Mac
    /// Cyrillic land on read as UTF-8: Ukrainian "СІРІ" is D1 B2 D0 B2 in windows-1251, "Ѳв"; Belarusian
    /// "КІЕЎ" makes "ʲš" and Macedonian "ЌЕ" in Mac Cyrillic "ͅ".
    static func isRare(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2B0...0x2B8, 0x2C0...0x2C5, 0x2D2...0x2D7, 0x2DE...0x2FF, 0x339...0x36F, 0x460...0x481, 0x1E00...0x1E9F,
            0x1F00...0x1FFF, 0x2801...0x28FF, 0x2A00...0x2AFF, 0x3400...0x4DBF:
            return true
        case 0x2B00...0x2BFF: return !scalar.properties.isEmoji
        default: return false
        }
    }

    /// Characters that give mojibake away: a span of clean text in these languages has none. C1 controls,
    /// Latin-1 symbols, the windows-1252 extras (€ ™ š œ…), Cyrillic letters no Bulgarian, Ukrainian or
    /// Russian word uses (љ ў ђ…), box drawing, and Thai (what windows-874 makes of UTF-8).
    ///
    /// Every character is checked, often several times, so the answer is read from a bitmap made once
    /// per repairer from ``giveAwayCharacters``, which an instance holds: a table in a static
    /// property would cost a call to check its one-time initialisation on every character.
    @inline(__always)
    func isSuspicious(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII and the Cyrillic alphabet, most of any text, without touching the table.
        if value < 0x80 || (0x410...0x44F).contains(value) { return false }
        return giveAways.contains(value)
    }

    /// Every give-away character (see ``isSuspicious(_:)``), as ranges of values (first and last) in
    /// ascending order, of which only U+FB01 and U+FB02 lie beyond U+2600. Listed rather than found by asking
    /// a switch about every value below U+2600, which was 0.7 million instructions of every repairing
    /// process's start-up. Pairs of bounds rather than `ClosedRange`s, whose type the runtime would have to
    /// make at start-up, searching the executable's protocol conformances (0.3 million more).
    static let giveAwayRanges: [(first: UInt32, last: UInt32)] = [
        (0x80, 0x9F), (0xA1, 0xAA), (0xAC, 0xAF), (0xB1, 0xBA), (0xBC, 0xBF), (0xC2, 0xC5), (0xD0, 0xD1),
        (0xDE, 0xDE), (0xE2, 0xE3), (0x131, 0x131), (0x139, 0x13A), (0x152, 0x153), (0x160, 0x161), (0x178, 0x178),
        (0x17D, 0x17E), (0x192, 0x192), (0x2C6, 0x2C6), (0x2D8, 0x2DD), (0x3A9, 0x3A9), (0x3C0, 0x3C0),
        (0x402, 0x403), (0x405, 0x405), (0x408, 0x40C), (0x40E, 0x40F), (0x452, 0x453), (0x455, 0x455),
        (0x458, 0x45C), (0x45E, 0x45F), (0xE00, 0xE7F), (0x201A, 0x201A), (0x201E, 0x201E), (0x2020, 0x2021),
        (0x2030, 0x2030), (0x2039, 0x203A), (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2200, 0x22FF), (0x2500, 0x259F),
        (0x25CA, 0x25CA), (0xFB01, 0xFB02),
    ]

    /// Every give-away character, each range of ``giveAwayRanges`` written out.
    static let giveAwayCharacters: [UInt32] = {
        var values: [UInt32] = []
        for range in giveAwayRanges {
            var value = range.first
            while value <= range.last {
                values.append(value)
                value += 1
            }
        }
        return values
    }()

    /// A letter of these languages beyond ASCII that gives nothing away: what clean text in them is made
    /// of, and what a misreading rarely shows alone.
    @inline(__always)
    func isPlainOwnLetter(_ scalar: Unicode.Scalar) -> Bool {
        Self.isOwnLetter(scalar) && !isSuspicious(scalar)
    }
}
