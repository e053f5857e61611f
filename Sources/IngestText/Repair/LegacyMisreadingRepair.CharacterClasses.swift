extension LegacyMisreadingRepair {
    /// What the census of a text asks about each of its characters, and which read-as code pages can
    /// produce it, read from one flat table: every text with a letter beyond ASCII is counted here, clean
    /// Cyrillic and Polish text above all, and Unicode property look-ups per character (general category,
    /// case, alphabetic) cost more than the rest of the census. The table covers what the code pages
    /// produce and read back, ASCII to Cyrillic (below U+0530) and punctuation to box drawing (U+2000 to
    /// U+25FF); the characters between and beyond are classified the slow way, which keeps the table
    /// quick to build (the repairer is made at every start-up) and small. The table's letters, capitals and
    /// odd symbols come from the repairer's shipped ``ScalarClasses``, so building it takes no property
    /// look-up at all.
    struct CharacterClasses: Sendable {
        /// A letter (``MojibakeRepairer/isLetter(_:)``).
        static let letter: UInt16 = 1 << 0
        /// A letter of the Cyrillic alphabets the census counts the case of.
        static let cyrillic: UInt16 = 1 << 1
        /// A capital Cyrillic letter (``MojibakeRepairer/isUppercase(_:)``).
        static let uppercase: UInt16 = 1 << 2
        /// A small Cyrillic letter that may begin a word in inverted case ("бЕВЕ").
        static let smallCyrillic: UInt16 = 1 << 3
        /// A character beyond ASCII, not a letter, that does not belong next to one.
        static let oddSymbol: UInt16 = 1 << 4
        /// A letter beyond ASCII that no language legacy text is re-read into writes: none of Polish,
        /// Bulgarian or Ukrainian has "š", "ê" or "æ", which is what their text read with the wrong code
        /// page shows.
        static let outsideAlphabets: UInt16 = 1 << 5
        /// A letter of the Polish alphabet beyond ASCII.
        static let polish: UInt16 = 1 << 6
        /// A superscript digit: "³" is windows-1250's "ł" read as windows-1252, and "¹" its "ą".
        static let superscript: UInt16 = 1 << 7
        /// Bits 8–15: which read-as pages (by their place in the repair's list) produce the character;
        /// every page produces ASCII.
        static let pageShift: UInt16 = 8

        /// The table's two ranges: `0..<lowLimit` at the start, `highStart..<highLimit` after it.
        private static let lowLimit: UInt32 = 0x530
        private static let highStart: UInt32 = 0x2000
        private static let highLimit: UInt32 = 0x2600
        private let flat: [UInt16]
        private let maps: [CodePageReverseMap]

        /// - Parameter maps: The read-as code pages, at most eight, in the order the repair numbers them.
        init(readAs maps: [CodePageReverseMap], scalarClasses: ScalarClasses) {
            precondition(maps.count <= 8, "at most eight read-as code pages fit a character's classes")
            self.maps = maps
            flat = (Array(0..<Self.lowLimit) + Array(Self.highStart..<Self.highLimit)).map { value in
                guard let scalar = Unicode.Scalar(value) else { return 0 }
                return Self.classify(
                    scalar, maps, isLetter: scalarClasses.answer(.letter, for: scalar),
                    isUppercase: { scalarClasses.answer(.uppercase, for: scalar) },
                    isOddSymbol: { scalarClasses.answer(.oddSymbol, for: scalar) })
            }
        }

        /// The classes of `scalar` and, from bit ``pageShift`` on, the read-as pages that produce it.
        @inline(__always)
        func classes(of scalar: Unicode.Scalar) -> UInt16 {
            let value = scalar.value
            if value < Self.lowLimit { return flat.withUnsafeBufferPointer { $0[Int(value)] } }
            if value >= Self.highStart, value < Self.highLimit {
                return flat.withUnsafeBufferPointer { $0[Int(value - Self.highStart + Self.lowLimit)] }
            }
            return Self.classify(scalar, maps)
        }

        /// The classes of a character beyond the table, and the read-as pages that produce it: what the
        /// table holds for those inside it, made the slow way.
        @inline(never)
        static func classify(_ scalar: Unicode.Scalar, _ maps: [CodePageReverseMap]) -> UInt16 {
            classify(
                scalar, maps, isLetter: MojibakeRepairer.isLetter(scalar), isUppercase: { MojibakeRepairer.isUppercase(scalar) },
                isOddSymbol: { LegacyMisreadingRepair.isOddSymbol(scalar) })
        }

        /// The classes of a character, given the answers of the character-class functions (the last two
        /// asked only when they matter), and the read-as pages that produce it.
        private static func classify(
            _ scalar: Unicode.Scalar, _ maps: [CodePageReverseMap], isLetter: Bool, isUppercase: () -> Bool,
            isOddSymbol: () -> Bool
        ) -> UInt16 {
            let value = scalar.value
            var classes: UInt16 = 0
            if isLetter { classes |= letter }
            if (0x400...0x45F).contains(value) || value == 0x490 || value == 0x491 {
                classes |= cyrillic
                if isUppercase() { classes |= uppercase }
            }
            if (0x430...0x45F).contains(value) { classes |= smallCyrillic }
            if value >= 0x80, !isLetter, isOddSymbol() { classes |= oddSymbol }
            if value >= 0x80, isLetter, !(0x400...0x45F).contains(value), value != 0x490, value != 0x491 {
                classes |= LegacyMisreadingRepair.polishLetters.contains(value) ? polish : outsideAlphabets
            }
            if value == 0xB9 || value == 0xB2 || value == 0xB3 { classes |= superscript }
            for (page, map) in maps.enumerated() where value < 0x80 || map.byte(for: scalar) != nil {
                classes |= 1 << (pageShift + UInt16(page))
            }
            return classes
        }
    }
}
