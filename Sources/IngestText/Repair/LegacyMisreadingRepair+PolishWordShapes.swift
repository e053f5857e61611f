extension LegacyMisreadingRepair {
    /// Whether the character at `index` stands where a misread Polish letter stands in a word, in a shape
    /// no other language that writes the character gives it. One such letter is the only sign many short
    /// Polish texts show, and the most common Polish words show it: "by³" and "zosta³" for "był" and
    /// "został", "siê" for "się", "goœci" for "gości" (windows-1250 read as windows-1252), "Czytajšc" and
    /// "wyszukanš" for "Czytając" and "wyszukaną" (read as ISO-8859-2).
    ///
    /// Each shape was kept only when no interface string of any catalogue in `/usr/share/locale` but the
    /// Polish ones (1,183,392 strings; for the capitals and "ñ", 1,260,504 strings of every catalogue,
    /// Polish and the English originals included) is re-read for it:
    /// - "³" ending a word of two or more letters with a vowel among them (a unit, "m³" or "cm³", has none);
    /// - "œ" before "c", "l", "m", "p", "r", "w" or "æ", before "n" after a letter ("wczeœniej"), or ending
    ///   a word (French writes it before "u", "i", "d", "s" or "t", and before "n" only opening a word,
    ///   "œnologie");
    /// - "æ" ending a word after a vowel, "y" among them ("byæ", "¿yæ"; Danish "træ" ends after a consonant);
    /// - "Ÿ" after a small letter, accented ones too ("opóŸnienia"), or opening a word before one ("Ÿle";
    ///   French writes it in capitals);
    /// - "ê" ending a word after "i", or after "sz", "rz", "cz" or "dz", and not before a hyphen (Vietnamese
    ///   "An-giê-ri"), inside a word after "sz", "rz" or "cz" ("czêsto", "zwierzêtom"; Portuguese "dzêta"
    ///   keeps "dz" out), after "i" before "c", "d", "k", "s", "z", "æ" or "¿" ("miêdzy", "piêæ"), or after
    ///   "s" or "t" before "p" ("wstêp", "nastêpny"), or ending a word after "aj" or "yn" ("dajê",
    ///   "maszynê"; Kurdish "pêşerojê", Brazilian "mucujê" and Occitan "Guinê" stay), inside a word before
    ///   "dz" or "cz" ("bêdzie", "zmêczony"; French writes "êch", "empêcher"), ending a word after "cj"
    ///   ("informacjê"), or after "j" before "zy" ("jêzyk")
    ///   (Portuguese, Kurdish and Afrikaans "ê" ends words after other letters: "você", "lê", "rengê";
    ///   Vietnamese and Portuguese put "n", "m", "u", "t" or "p" after "iê": "Viêt", "ciência");
    /// - "š" after a consonant and before "c", "d", "g" or "z" (after "r" only before "z", "bršzowy"),
    ///   between "t" and "p" ("wystšpić";
    ///   Czech "-jština" rules out "jšt" for "wyjątek"), or after "i" and before "c", "g" or
    ///   "z" ("Czytajšc", "obowišzkowe"), or ending a word after "b", "c", "d", "g", "j", "l", "ł", "m", "s",
    ///   "t", "w" or "z", or after "n" in a word of five letters or more that has no "ie" before it
    ///   ("wojnš", "publicznš": "-ną" is the most common ending "ą" has) (Czech "-ština" and Croatian
    ///   "završni" have "t" or "n" after it; Latvian "iekš" and "kurš" end after "k" or "r", Belarusian
    ///   Łacinka "mienš" after "ien" and the place name "Manš" in four letters;
    ///   Croatian "podršci" and "grešci", Latvian "Trešdiena" and Lithuanian "Išduotas" have "r", a vowel,
    ///   or "i" and "d" around it, and "š" ending a word after a vowel is Czech, Slovak or Croatian); a
    ///   capital opening the word counts as its small letter ("Sšd", "Błšd"); after one of those
    ///   consonants, "š" before "ł" ("stanšł", "zaczšł") or before "ć" ending a word ("zasnšć", "zajšć";
    ///   "jšt" stays out, for Slovak "najštandardnejší" as well as Czech "hebrejština");
    /// - "Ľ" after a small letter ("WskaĽnik", ISO-8859-2's "ź" read as windows-1250; Slovak writes it
    ///   opening a word, "Ľudia");
    /// - capitals, which headings and menus write whole words in: "£" ("Ł") after a letter, opening a
    ///   word before capitals with another image of a Polish capital among them ("£¥CZNOŒCI"; "£EUR" is a
    ///   currency code), or opening one before a small vowel ("£ukasz"; "£m" and "£bn" are sums); "¥" ("Ą")
    ///   after a capital before another or ending a word of capitals with a vowel ("ZWI¥ZEK", "WSPÓLN¥";
    ///   "JP¥" is a currency); "Œ" before a capital consonant as "œ" before a small one ("ŒWIAT"), where
    ///   "œc" opening a word must go on with "i" ("ŒCIANA"; French "œcuménique");
    /// - "ñ" ("ń") after a letter before "c" and a vowel or "z", before "sk" ending a word, before "ski"
    ///   or before "sk" and one vowel ending the word, or before "stw" ("tañczy", "Gdañsk",
    ///   "amerykañskie", "Gdañska", "Pañstwo"): Spanish writes it before vowels, and Breton before "s"
    ///   ending a word ("Frañs"), before "ske", "ska" and "sti" inside one ("brañskell", "brañskailh",
    ///   "noñsti"), before "ch" ("Romañcheg") and "c'h", and before "k"; and ending a word after "ie"
    ///   ("dzieñ", "jesieñ");
    /// - "š" ending a word with "ł", "ę", "ż" or "ń" in it, letters ISO-8859-2 reads from Polish
    ///   windows-1250 as they are ("Włoskš", "pięknš"; Croatian "bućkuriš" has "ć" and Hungarian "Bódiš"
    ///   "ó"); Belarusian Łacinka "słuchaš" has "ł" too, but its re-reading does not fit Polish.
    static func showsMisreadPolishWord(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let value = scalars[index].value
        switch value {
        case 0xB3, 0x152, 0x153, 0xE6, 0x178, 0xEA, 0x161, 0x13D, 0xA3, 0xA5, 0xF1, 0xD1: break
        default: return false
        }
        let before: UInt32 = index > 0 ? scalars[index - 1].value : 0x20
        let after: UInt32 = index + 1 < scalars.count ? scalars[index + 1].value : 0x20
        let endsWord = index + 1 >= scalars.count || !MojibakeRepairer.isLetter(scalars[index + 1])
        let followsLetter = index > 0 && MojibakeRepairer.isLetter(scalars[index - 1])
        // The capitals "Œ" and "Ñ" stand for "Ś" and "Ń" in words of capitals ("NOŒCI", "GDAÑSK"): the
        // letters after them are compared in small letters. Setting bit 5 turns no character but a capital
        // into one of the small letters compared against ("Æ" into "æ").
        let fold: UInt32 = value == 0x152 || value == 0xD1 ? 0x20 : 0
        switch value {
        case 0xB3:  // ³
            return endsWord && endsWordWithVowel(scalars, before: index)
        case 0x152, 0x153:  // Œ œ
            switch after | fold {
            // Opening a word, "œc" is French "œcuménique"; Polish "śc" there is "ści".
            case 0x63: return followsLetter || index + 2 < scalars.count && scalars[index + 2].value | 0x20 == 0x69
            case 0x6C, 0x6D, 0x70, 0x72, 0x77, 0xE6: return true
            case 0x6E: return followsLetter
            default: return endsWord && followsLetter
            }
        case 0xA3:  // £
            guard !endsWord else { return false }
            if followsLetter { return true }
            // Opening a word in capitals, with another image of a Polish capital in it: "£¥CZNOŒCI", "£ÓDKA"
            // ("£EUR" is a currency code).
            if isCapital(after) {
                var next = index + 1
                while next < scalars.count, isCapital(scalars[next].value) {
                    if scalars[next].value >= 0x80 { return true }
                    next += 1
                }
                return false
            }
            // Opening a word in title case: "£ukasz", "£ódŸ" ("Łódź").
            guard isPolishVowel(after), after >= 0x61, index + 2 < scalars.count else { return false }
            return MojibakeRepairer.isLetter(scalars[index + 2])
        case 0xA5:  // ¥
            guard index > 0, isCapital(before) else { return false }
            return endsWord ? endsWordWithVowel(scalars, before: index) : isCapital(after)
        case 0xF1, 0xD1:  // ñ Ñ
            guard followsLetter else { return false }
            if endsWord, value == 0xF1 { return before == 0x65 && index >= 2 && scalars[index - 2].value == 0x69 }
            let next = after | fold
            guard next == 0x63 || next == 0x73, index + 2 < scalars.count else { return false }
            let third = scalars[index + 2].value | fold
            // "ńsk" ending a word, before "i" or before one vowel ending it ("Gdañsk", "amerykañskie", "Gdañska"),
            // and "ństw" ("Pañstwo"): Breton writes "brañskell" and "noñsti".
            if next == 0x73 {
                guard index + 3 < scalars.count else { return third == 0x6B }
                let fourth = scalars[index + 3].value | fold
                if third == 0x74 { return fourth == 0x77 }
                guard third == 0x6B else { return false }
                if !MojibakeRepairer.isLetter(scalars[index + 3]) || fourth == 0x69 { return true }
                return isPolishVowel(fourth) && (index + 4 >= scalars.count || !MojibakeRepairer.isLetter(scalars[index + 4]))
            }
            switch third {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x7A: return true
            default: return false
            }
        case 0xE6:  // æ
            switch before {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return endsWord
            default: return false
            }
        case 0x178:  // Ÿ
            // After a small letter ("opóŸnienia"), or opening a word before one ("Ÿle", "Ÿród³o"): French
            // writes it in capitals only ("L'HAŸ-LES-ROSES").
            return index > 0 && MojibakeRepairer.isLowercase(scalars[index - 1]) || !followsLetter && (0x61...0x7A).contains(after)
        case 0xEA:  // ê
            // Inside a word before "dz" or "cz" ("bêdzie", "zmêczony"), ending one after "cj" ("informacjê"),
            // or in "jêzy" ("jêzyk"): French writes "êch", Kurdish, Portuguese and Vietnamese none of these.
            if followsLetter, index + 2 < scalars.count, scalars[index + 2].value == 0x7A, after == 0x64 || after == 0x63 { return true }
            if before == 0x6A {
                if endsWord, index >= 2, scalars[index - 2].value == 0x63 { return true }
                if after == 0x7A, index + 2 < scalars.count, scalars[index + 2].value == 0x79 { return true }
            }
            if before == 0x69 {
                switch after {
                case 0x63, 0x64, 0x6B, 0x73, 0x7A, 0xE6, 0xBF: return true
                default: break
                }
            }
            if after == 0x70, before == 0x74 || before == 0x73 { return true }
            // After "sz", "rz" or "cz" inside a word or ending it; after "dz" only ending it (Portuguese
            // "dzêta").
            if before == 0x7A, index >= 2, after != 0x2D {
                switch scalars[index - 2].value {
                case 0x73, 0x72, 0x63: return true
                case 0x64: return endsWord
                default: return false
                }
            }
            guard endsWord, after != 0x2D else { return false }
            if before == 0x69 { return true }
            guard index >= 2 else { return false }
            let digraph = scalars[index - 2].value
            switch before {
            // First persons in "-ajê" ("dajê"; Kurdish "pêşerojê" and Brazilian "mucujê" have other vowels
            // before "j") and "-ynê" ("maszynê").
            case 0x6A: return digraph == 0x61
            case 0x6E: return digraph == 0x79
            default: return false
            }
        case 0x13D:  // Ľ
            return (0x61...0x7A).contains(before) || before == 0xF3
        default:  // š
            if endsWord, followsLetter, hasPolishLetter(scalars, before: index) { return true }
            // A word in title case is looked at as in small letters: "Sšd" is "Sąd" as "sšd" is "sąd".
            let opensWord = index < 2 || !MojibakeRepairer.isLetter(scalars[index - 2])
            switch opensWord && (0x41...0x5A).contains(before) ? before | 0x20 : before {
            case 0x62, 0x63, 0x64, 0x67, 0x6A, 0x6C, 0x142, 0x6D, 0x6E, 0x73, 0x74, 0x77, 0x7A:
                switch after {
                case 0x63, 0x64, 0x67, 0x7A, 0x142: return true
                case 0x70: return before == 0x74
                case 0x107: return index + 2 >= scalars.count || !MojibakeRepairer.isLetter(scalars[index + 2])
                default: return endsWord && (before != 0x6E || endsLongNWord(scalars, at: index))
                }
            case 0x6B:
                return after == 0x63 || after == 0x64 || after == 0x67 || after == 0x7A
            case 0x69:
                return after == 0x63 || after == 0x67 || after == 0x7A
            case 0x72:
                return after == 0x7A
            default:
                return false
            }
        }
    }

    /// Whether two letters or more come right before `index`, a vowel among them: a word that a sign at
    /// `index` would end ("by³", "WSPÓLN¥"), not a unit or a code ("cm³", "JP¥").
    private static func endsWordWithVowel(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var start = index
        var hasVowel = false
        while start > 0, MojibakeRepairer.isLetter(scalars[start - 1]) {
            start -= 1
            if isPolishVowel(scalars[start].value) { hasVowel = true }
        }
        return index - start >= 2 && hasVowel
    }

    /// Whether "š" at `index`, after "n", ends a word of five letters or more whose "n" does not follow
    /// "ie": the "-ną" of "wojną", "publiczną", "skórzaną", the most common ending "ą" has, and not
    /// Belarusian Łacinka "mienš" or the place name "Manš".
    private static func endsLongNWord(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 4, (index - 4..<index).allSatisfy({ MojibakeRepairer.isLetter(scalars[$0]) }) else { return false }
        return !(scalars[index - 3].value | 0x20 == 0x69 && scalars[index - 2].value | 0x20 == 0x65)
    }

    /// Whether the word that ends right before `index` holds one of ``polishOnlyLetters`` ("ł", "ę", "ż",
    /// "ń"), which ISO-8859-2 reads from windows-1250 Polish as they are and no language writing "š" at the
    /// end of a word has ("Włoskš", "pięknš"; Croatian "bućkuriš" has "ć", and "Bódiš" "ó").
    private static func hasPolishLetter(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var start = index
        while start > 0, MojibakeRepairer.isLetter(scalars[start - 1]) {
            start -= 1
            if polishOnlyLetters.bit(of: scalars[start]) != 0 { return true }
        }
        return false
    }

    /// A capital as windows-1252 shows Polish capitals: ASCII ones, "Ó", and the images of "Ą", "Ć", "Ę",
    /// "Ł", "Ń", "Ś" and "Ż".
    private static func isCapital(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0xD3, 0xA5, 0xC6, 0xCA, 0xA3, 0xD1, 0x152, 0xAF: true
        default: false
        }
    }

    /// The vowels of Polish words as windows-1252 and ISO-8859-2 keep them: ASCII ones (either case)
    /// and "ó".
    private static func isPolishVowel(_ value: UInt32) -> Bool {
        switch value | 0x20 {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xF3: true
        default: false
        }
    }
}
