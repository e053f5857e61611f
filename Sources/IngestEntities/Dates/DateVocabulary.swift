/// The small closed word classes the date rules need besides month and weekday names, which come from
/// CLDR (``CalendarNames``). These are grammar, not data: suffixes and prepositions of four languages.
enum DateVocabulary {
    /// Written after a year, often glued: "2017г.", "2022 r.", "2023 р.", "2008 roku", "2019 року".
    static let yearWords: WordSet = ["г", "год", "година", "r", "rok", "roku", "р", "рік", "року", "year"]
    /// Of these, the abbreviations that take a full stop.
    static let yearAbbreviations: WordSet = ["г", "год", "r", "р"]
    /// Ordinal endings glued to a day: "23rd", "8-ми", "5-го", "1-ви".
    static let englishOrdinals: WordSet = ["st", "nd", "rd", "th"]
    static let hyphenOrdinals: WordSet = ["ви", "ри", "ти", "ми", "го", "й", "ий", "ій", "а", "ta", "go"]
    /// Dashes between the two ends of a range.
    static let dashes: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"]
    /// Words between the two ends of a range: "from 12 to 14", "від 5 до 7", "od 5 do 7", "26 i 27".
    static let rangeWords: WordSet = ["to", "till", "until", "and", "до", "do", "i", "и", "і", "та", "й"]
    /// Words that open a range and belong to its text when the range is written with words.
    static let rangeOpeners: WordSet = ["from", "between", "від", "з", "од", "od", "от", "между", "між", "pomiędzy", "між"]
    /// Prepositions that make a bare four-digit number a year: "in 2008", "od 2008", "през 2019".
    static let yearPrepositions: WordSet = [
        "in", "since", "by", "until", "w", "we", "od", "do", "в", "във", "през", "от", "до", "у", "від", "з", "із",
    ]
    static let separators: Set<Unicode.Scalar> = [".", "/"]

    /// Yesterday, today and tomorrow, as day offsets from the page's date.
    static let relativeDays: [String: Int] = [
        "yesterday": -1, "today": 0, "tomorrow": 1,
        "вчера": -1, "днес": 0, "утре": 1,
        "wczoraj": -1, "dziś": 0, "dzisiaj": 0, "jutro": 1,
        "вчора": -1, "сьогодні": 0, "завтра": 1,
    ]
    /// Two-word phrases for a time of the page's own day ("открито тази сутрин", "opened this morning"),
    /// by their first word; the words after "днес", "dziś" and "сьогодні" need none.
    static let relativeDayPhrases: [String: [(second: String, offset: Int)]] = [
        "this": [("morning", 0), ("afternoon", 0), ("evening", 0)],
        "тази": [("сутрин", 0), ("вечер", 0)],
        "цього": [("ранку", 0), ("вечора", 0)],
    ]
    static let plausibleYears = 1900...2100
}
