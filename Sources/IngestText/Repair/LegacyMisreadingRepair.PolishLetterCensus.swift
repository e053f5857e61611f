extension LegacyMisreadingRepair {
    /// What the re-readings into Polish ask about a text's letters: letters beyond ASCII in none of the
    /// alphabets legacy text is re-read into ("š", "ê"), letters of the Polish alphabet beyond ASCII, and
    /// superscript digits right before a letter ("zosta³em"). Counted apart from ``Census``, and only for
    /// text a Polish read-as page produces, since most text the census sees is Cyrillic.
    struct PolishLetterCensus {
        var outsideAlphabets = 0
        var polish = 0
        var superscriptsBeforeLetters = 0
    }
}
