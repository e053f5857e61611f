/// Words that mark a person in running text: roles in apposition, titles, and the phrases that
/// introduce a representative. Grammar of the four languages, matched by stem.
enum PersonVocabulary {
    static let roleStems: [String] = [
        "manager", "director", "head", "ceo", "cto", "cfo", "coo", "president", "vice-president", "chair", "minister", "professor",
        "coordinator", "officer", "advisor", "adviser", "deputy", "mayor", "secretary", "founder", "co-founder", "commissioner",
        "ambassador", "rector", "dean", "expert", "researcher", "representative", "governor", "consultant", "editor", "leader", "chief",
        "trainer",
        "директор", "председател", "министър", "ръководител", "кмет", "заместник", "мениджър", "експерт", "координатор", "президент",
        "управител", "посланик", "ректор", "декан", "професор", "съветник", "секретар", "основател", "представител", "собственик",
        "тренер",
        "dyrektor", "prezes", "przewodnicząc", "minister", "kierownik", "koordynator", "burmistrz", "prezydent", "wiceminister",
        "menedżer", "ekspert", "profesor", "rektor", "dziekan", "doradc", "sekretarz", "założyciel", "przedstawiciel", "ambasador",
        "marszałek", "wojewod", "wiceprezes", "właściciel", "trener",
        "директор", "голова", "міністр", "керівни", "координатор", "президент", "менеджер", "мер", "заступни", "експерт", "професор",
        "ректор", "декан", "радни", "секретар", "засновни", "представни", "посол", "очільни", "власни", "тренер",
    ]

    static func isRole(_ lower: String) -> Bool {
        roleStems.contains { lower.hasPrefix($0) && accepts(stem: $0.count, word: lower.count) }
    }

    /// ``isRole(_:)`` of a word, by its scalars when the tokenizer knows they are its characters.
    static func isRole(_ t: TokenList, _ index: Int) -> Bool {
        guard t.isSure(index) else { return isRole(t.lower(index)) }
        return roleIndex.first(in: t.lowerScalars(index), where: accepts) != nil
    }

    private static let roleIndex = StemIndex(roleStems.map { ($0, true) })

    private static func accepts(stem: Int, word: Int) -> Bool { word - stem <= (stem <= 4 ? 1 : 4) }

    /// Forms of address and academic or professional titles written before a name, abbreviated or not
    /// ("инж. Пламен Димитров", "mgr inż. Anna Wrona", "доц. Петров").
    static let titles: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "г-н", "г-жа", "д-р", "проф", "доц", "инж", "акад", "pan", "pani", "пан", "пані", "інж",
        "inż", "mgr", "hab",
    ]

    /// "represented by", "reprezentowany przez", "представляван от", "представлений": the name after it
    /// speaks for the organisation before it.
    static let representedBy: [[String]] = [
        ["represented", "by"], ["reprezentowany", "przez"], ["reprezentowana", "przez"], ["reprezentowane", "przez"],
        ["представляван", "от"], ["представлявана", "от"], ["представлявано", "от"], ["представлений"], ["представлена"], ["представлене"],
    ]

    /// Quotes that close a quotation; a straight quote closes one only when glued to the word before it.
    static let closingQuotes: Set<Unicode.Scalar> = ["\u{201D}", "\"", "\u{00BB}"]
}
