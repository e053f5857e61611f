extension LegacyMisreadingRepair {
    /// A code page legacy text may have been read with, and the scorers that judge the text as it stands
    /// in it. The scorers come in two orders, the languages of Cyrillic text first or those of Latin text
    /// first: clean text stops at the first language that finds it clean, so the text's own script decides
    /// which are tried first. A Cyrillic page also scores text as it stands in Russian, Belarusian, Serbian
    /// and Macedonian (``PairScorer/cyrillicNeighbours``); a Latin page has no scorers for them.
    struct ReadAsPage: Sendable {
        var map: CodePageReverseMap
        var cyrillicFirst: [PairScorer]
        var latinFirst: [PairScorer]
        var neighbours: [PairScorer]
    }
}
