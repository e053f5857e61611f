extension LegacyMisreadingRepair {
    /// Bulgarian and Ukrainian words (``RepairWords``), which decide a short text in capitals that the
    /// letter pairs cannot (``isShortTextInCapitals(_:mostlyNonASCII:)``).
    static let bulgarianAndUkrainianWords = SortedWordList(lines: RepairWords.bulgarianAndUkrainian)

    /// Fewest letters a word needs before the list is asked about it: two capitals are as often a word
    /// ("ОН", "НЕ") as another word misread.
    static let fewestWordLetters = 3

    /// Up to three words, their Cyrillic letters capitals nine in ten, at least ``fewestWordLetters`` of
    /// them: what KOI8 and windows-1251 make of a word or two in small letters ("ДКЪ" for "для", "ТЮИКХ
    /// EXIF" for "файли EXIF"), and too short for the letter pairs to tell from an acronym.
    static func isShortTextInCapitals(_ census: Census, mostlyNonASCII: Bool) -> Bool {
        let letters = census.capitals + census.small
        return mostlyNonASCII && census.words <= 3 && letters >= fewestWordLetters && 10 * census.capitals >= 9 * letters
    }

    /// Whether every Cyrillic word of `scalars` of at least ``fewestWordLetters`` is a Bulgarian or
    /// Ukrainian word, and there is one. Shorter ones say nothing either way ("і", "на").
    static func readsAsBulgarianOrUkrainianWords(_ scalars: [Unicode.Scalar]) -> Bool {
        let words = cyrillicWords(scalars).filter { $0.letters >= fewestWordLetters }
        return !words.isEmpty && words.allSatisfy { bulgarianAndUkrainianWords.contains($0.bytes) }
    }

    /// Whether some Cyrillic word of `scalars`, in small letters, is a Bulgarian or Ukrainian word: a
    /// word in capitals ("ФАЙЛ") that stays as it is.
    static func hasBulgarianOrUkrainianWord(_ scalars: [Unicode.Scalar]) -> Bool {
        cyrillicWords(scalars).contains { bulgarianAndUkrainianWords.contains($0.bytes) }
    }

    /// Polish words with a letter of the Polish alphabet beyond ASCII (``RepairWords``).
    static let polishWords = SortedWordList(lines: RepairWords.polish)

    /// Whether every word that `reading` changes in `original` (character for character; nil where it
    /// cannot read one) is, in small letters, a Polish word of the list that it was not before, and there
    /// is one: "poleceñ" becomes "poleceń" and "kštem" "kątem", where Kurdish "tê" ("tę"), Vietnamese "mê"
    /// and Czech "Pište" ("Piąte", a word, but in a text whose other words keep their Czech letters) stay.
    /// A word of fewer than ``fewestWordLetters`` letters is never one, nor a capitalised one of that many.
    func changesOnlyIntoPolishWords(_ original: [Unicode.Scalar], reading: (Unicode.Scalar) -> Unicode.Scalar?) -> Bool {
        var changedWords = 0
        var start = 0
        var changed = false
        var word: [Unicode.Scalar] = []
        // One step past the end, a non-letter there closes the last word.
        for index in 0...original.count {
            let read: Unicode.Scalar
            if index < original.count {
                guard let scalar = reading(original[index]) else { return false }
                read = scalar
            } else {
                read = " "
            }
            if classes.classes(of: read) & CharacterClasses.letter != 0 {
                word.append(read)
                if read != original[index] { changed = true }
                continue
            }
            defer {
                start = index + 1
                changed = false
                word.removeAll(keepingCapacity: true)
            }
            guard changed else { continue }
            // A capitalised word of three letters is as often a name ("Niš", a Serbian city) as a word.
            guard word.count > Self.fewestWordLetters || word.count == Self.fewestWordLetters && !original[start].properties.isUppercase,
                Self.polishWords.contains(Self.smallLetters(word[...])), !Self.polishWords.contains(Self.smallLetters(original[start..<index]))
            else { return false }
            changedWords += 1
        }
        return changedWords > 0
    }

    /// A word in small letters, as UTF-8.
    private static func smallLetters(_ word: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in word { bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8) }
        return bytes
    }

    /// The runs of Cyrillic letters of `scalars`, each in small letters as UTF-8, with its letter count.
    private static func cyrillicWords(_ scalars: [Unicode.Scalar]) -> [(bytes: [UInt8], letters: Int)] {
        var words: [(bytes: [UInt8], letters: Int)] = []
        var word: [UInt8] = []
        for scalar in scalars {
            if let small = smallCyrillicLetter(scalar.value) {
                // Every Cyrillic letter is two bytes in UTF-8.
                word.append(UInt8(0xC0 | small >> 6))
                word.append(UInt8(0x80 | small & 0x3F))
            } else if !word.isEmpty {
                words.append((word, word.count / 2))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append((word, word.count / 2)) }
        return words
    }

    /// The small letter of a letter of the Cyrillic block (U+0400–U+04FF), nil for its signs, combining
    /// marks and anything else. Worked out from the block's layout, as this runs for every short text in
    /// capitals: U+0400–U+042F are the capitals of U+0450–U+045F and U+0430–U+044F, and from U+0460 on a
    /// capital and its small letter share a pair of code points, apart from U+04C0–U+04CF.
    static func smallCyrillicLetter(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x400...0x40F: return value + 0x50
        case 0x410...0x42F: return value + 0x20
        case 0x430...0x45F: return value
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x4FF: return value | 1
        case 0x4C0: return 0x4CF
        case 0x4C1...0x4CE: return value & 1 == 1 ? value + 1 : value
        case 0x4CF: return value
        default: return nil
        }
    }
}
