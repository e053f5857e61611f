import IngestCore

/// What a lower-cased word can be to the recognisers: a month name, a range opener, the first word of a
/// qualifier or of a spelled-out number, an organisation trigger… The tokenizer looks each word up once,
/// so the rules run on every token test a bit and consult their own tables only when it is set.
///
/// A bit set means "may be"; the rule's own look-up still decides. ``all`` marks a word the scalar
/// look-up cannot judge (not known to be in NFC), which every rule then looks up by its text.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt16

    static let relativeDay = WordClass(rawValue: 1 << 0)
    static let rangeOpener = WordClass(rawValue: 1 << 1)
    static let yearPreposition = WordClass(rawValue: 1 << 2)
    /// A full or abbreviated month name, as ``CalendarNames/month(_:stems:)`` finds without stems.
    static let month = WordClass(rawValue: 1 << 3)
    static let qualifier = WordClass(rawValue: 1 << 4)
    static let numberStart = WordClass(rawValue: 1 << 5)
    static let trigger = WordClass(rawValue: 1 << 6)
    /// Holds an apostrophe, ' or ’: it may begin a spelled-out number in another spelling ("п'ять" for
    /// "пʼять"), which the table, keyed by one spelling, does not see. Set by the tokenizer.
    static let apostrophe = WordClass(rawValue: 1 << 7)
    static let all = WordClass(rawValue: .max)

    /// Built once per process from the recognisers' own vocabularies, so a bit can never miss a word
    /// the vocabulary has.
    static let table: WordTable<UInt32, WordClass> = {
        var classes: [String: WordClass] = [:]
        func add<S: Sequence>(_ words: S, _ wordClass: WordClass) where S.Element == String {
            for word in words { classes[word, default: []].insert(wordClass) }
        }
        add(DateVocabulary.relativeDays.keys, .relativeDay)
        add(DateVocabulary.relativeDayPhrases.keys, .relativeDay)
        add(DateVocabulary.rangeOpeners.words, .rangeOpener)
        add(DateVocabulary.yearPrepositions.words, .yearPreposition)
        add(CalendarNames.shared.months.keys, .month)
        add(QuantityVocabulary.qualifiersByFirstWord.keys, .qualifier)
        add(NumberWords.shared.firstWords, .numberStart)
        add(OrganisationLexicon.shared.triggers.keys, .trigger)
        return WordTable(classes)
    }()
}
