/// Organisations a sentence defines: a name that opens a sentence and a copula that calls it an
/// organisation noun ("KNESS is an international group of companies", "X jest stowarzyszeniem", "X е
/// асоциация", "X — це асоціація"). The trigger nouns say what counts as an organisation, so a name is
/// found by what the text says it is, with no list of names.
extension OrganisationRecogniser {
    /// How many words may stand between the copula and its noun ("an international group").
    static let maxWordsBeforeNoun = 5

    /// The subject `start` opens when its sentence defines it as an organisation: an acronym ("KNESS")
    /// or two to five capitalised words; a single capitalised word could as well be "It" or "This".
    /// Names that hold a trigger noun are left to the trigger rule.
    func definedSubject(_ t: TokenList, at start: Int, taken: [Bool], language: String) -> (first: Int, end: Int)? {
        guard t.opensSentence(start) else { return nil }
        var first = start
        if t.lowerIs(first, "the") { first += 1 }
        var end = first
        while end < t.count, end - first < 5, !taken[end], t[end].kind == .word, t[end].isCapitalised || t[end].isAcronym,
            end == first || (t[end].spaceBefore && !t[end].lineBefore)
        {
            if triggerOf(t, end, language: language) != nil { return nil }
            end += 1
        }
        let words = end - first
        guard words >= 2 || (words == 1 && t[first].isAcronym) else { return nil }
        var copula = end
        // "X — це асоціація": a dash may stand before the copula.
        if copula < t.count, t[copula].isPunctuation(DateVocabulary.dashes), t[copula].spaceBefore { copula += 1 }
        guard copula < t.count, !t[copula].lineBefore, t[copula].kind == .word, !t[copula].isCapitalised,
            OrganisationLexicon.copulas.contains(t, copula)
        else { return nil }
        if t.lowerIs(copula, "is"), !(copula + 1 < t.count && OrganisationLexicon.articles.contains(t, copula + 1)) { return nil }
        var index = copula + 1
        while index < t.count, index - copula <= Self.maxWordsBeforeNoun + 1, t[index].kind == .word, !t[index].lineBefore, !taken[index] {
            if triggerOf(t, index, language: language) != nil { return (first, end) }
            if OrganisationLexicon.connectors.contains(t, index) || OrganisationLexicon.prepositions.contains(t, index) { return nil }
            index += 1
        }
        return nil
    }

    /// The tokens as written, with the text's own spacing between words.
    func writtenName(_ t: TokenList, _ first: Int, _ end: Int) -> String {
        var text = ""
        for index in first..<end {
            if index > first, t[index].spaceBefore { text += " " }
            text += t.text(index)
        }
        return text
    }
}
