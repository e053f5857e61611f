extension LegacyMisreadingRepair {
    /// What the re-readings into Polish ask about a text's letters, counted in one pass
    /// (``LegacyMisreadingRepair/polishLetterCensus(_:)``): letters beyond ASCII in none of the alphabets
    /// legacy text is re-read into ("š", "ê"), letters of the Polish alphabet beyond ASCII, superscript
    /// digits right before a letter ("zosta³em"), and which letters only Polish writes and which of those
    /// windows-1252 shows for Polish ones the text holds. Counted apart from ``Census``, and only for text a
    /// Polish read-as page produces, since most text the census sees is Cyrillic.
    struct PolishLetterCensus {
        var outsideAlphabets = 0
        var polish = 0
        var superscriptsBeforeLetters = 0
        /// Letters in a shape only a misread Polish word gives them ("by³", "siê", "Czytajšc",
        /// ``LegacyMisreadingRepair/showsMisreadPolishWord(_:at:)``).
        var misreadWordShapes = 0
        /// Bits of "ż", "ł", "ę", "ń" (``LegacyMisreadingRepair/polishOnlyLetters``).
        var polishOnlyKinds: UInt8 = 0
        /// Bits of "ê", "æ", "œ", "ñ", "Ÿ" (``LegacyMisreadingRepair/misreadPolishLetters``).
        var misreadPolishKinds: UInt8 = 0

        /// "ż", or two of "ł", "ę" and "ń": Czech, Slovak, Croatian and Lithuanian have "š", Lithuanian
        /// "ę" too, and Belarusian Łacinka "ł" and "š".
        var hasPolishOnlyLetters: Bool { polishOnlyKinds & 1 != 0 || polishOnlyKinds.nonzeroBitCount >= 2 }

        /// Two different letters of those windows-1252 shows for Polish ones ("ê" and "œ"): one alone is
        /// Portuguese, French, Kurdish or Vietnamese "ê", Danish "æ", Breton or Galician "ñ".
        var hasMisreadPolishLetters: Bool { misreadPolishKinds.nonzeroBitCount >= 2 }

        /// Whether the text may show a sign ``LegacyMisreadingRepair/polishSign(_:_:)`` looks for beyond the
        /// anomalies every re-reading looks for, or the look-alikes of windows-1252.
        var mayShowMisreading: Bool {
            superscriptsBeforeLetters > 0 || misreadWordShapes > 0 || outsideAlphabets > 0 && (hasPolishOnlyLetters || hasMisreadPolishLetters)
        }
    }
}
