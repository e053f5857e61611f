import IngestCore

/// Finds organisations: names defined with an acronym ("European Cluster Collaboration Platform (ECCP)"),
/// capitalised names around a trigger noun in each language ("Polish Cluster Association", "Komisji
/// Europejskiej", "Европейската комисия", "Вінницьким національним технічним університетом"), and later
/// uses of a defined acronym. Each gets its base form: Bulgarian loses the article, Polish and Ukrainian
/// heads and their adjectives go back to the nominative ("Komisja Europejska").
struct OrganisationRecogniser: Sendable {
    var lexicon = OrganisationLexicon.shared

    private struct Found {
        var first: Int
        var end: Int
        var name: String
        var acronym: String?
        var confidence: Double
    }

    func entities(in t: TokenList, scalars: [Unicode.Scalar], claimed: inout [Bool], language: String) -> [Entity] {
        var found: [Found] = []
        var taken = claimed
        var acronyms: [String: String] = [:]
        // Acronym definitions first: their long names are the surest.
        for index in t.indices where t[index].isPunctuation("(") && index + 2 < t.count && t[index + 2].isPunctuation(")") && t[index + 1].isAcronym {
            guard let start = nameStart(t, before: index, taken: taken), index - start >= 2 else { continue }
            let name = baseForm(t, start, index, language: language)
            let acronym = t.text(index + 1)
            acronyms[acronym] = name
            found.append(Found(first: start, end: index + 3, name: name, acronym: acronym, confidence: 0.9))
            for i in start..<(index + 3) { taken[i] = true }
        }
        // Then names a sentence defines as an organisation ("KNESS is an international group of companies").
        for index in t.indices where (t[index].isCapitalised || t[index].isAcronym) && !taken[index] {
            guard let subject = definedSubject(t, at: index, taken: taken, language: language) else { continue }
            let name = writtenName(t, subject.first, subject.end)
            if subject.end - subject.first == 1 { acronyms[name] = name }
            found.append(Found(first: subject.first, end: subject.end, name: name, confidence: 0.7))
            for i in subject.first..<subject.end { taken[i] = true }
        }
        var index = 0
        while index < t.count {
            if !taken[index], t[index].kind == .word, let trigger = triggerOf(t, index, language: language),
                let span = span(t, around: index, trigger: trigger, taken: taken, language: language)
            {
                found.append(Found(first: span.first, end: span.end, name: baseForm(t, span.first, span.end, language: language), confidence: 0.75))
                for i in span.first..<span.end { taken[i] = true }
                index = span.end
                continue
            }
            if !taken[index], t[index].isAcronym, !acronyms.isEmpty, let name = acronyms[t.text(index)] {
                let acronym = t.text(index)
                found.append(Found(first: index, end: index + 1, name: name, acronym: name == acronym ? nil : acronym, confidence: 0.8))
                taken[index] = true
            }
            index += 1
        }
        claimed = taken
        return found.map { item in
            let span = TextSpan(start: t[item.first].start, end: t[item.end - 1].end)
            var normalised: [String: JSONValue] = ["name": .string(item.name)]
            if let acronym = item.acronym { normalised["acronym"] = .string(acronym) }
            return Entity(type: "organisation", text: EntityRecogniser.slice(scalars, span), span: span, normalised: normalised, confidence: item.confidence)
        }
    }

    /// Where a name written before "(" begins: capitalised words, with connectors between them.
    private func nameStart(_ t: TokenList, before end: Int, taken: [Bool]) -> Int? {
        var start = end
        var index = end - 1
        while index >= 0, !taken[index], t[index].kind == .word, !t[index + 1].lineBefore {
            if t[index].isCapitalised || t[index].isAcronym {
                start = index
            } else if !OrganisationLexicon.connectors.contains(t, index) {
                break
            }
            index -= 1
        }
        if start < end, t.lowerIs(start, "the") { start += 1 }
        return start < end ? start : nil
    }

    /// The tokens of a name around a trigger noun, or nil when they do not make one.
    private func span(_ t: TokenList, around head: Int, trigger: OrganisationLexicon.Trigger, taken: [Bool], language: String) -> (first: Int, end: Int)? {
        let english = trigger.language == "en"
        func usable(_ i: Int) -> Bool { i >= 0 && i < t.count && !taken[i] && t[i].kind == .word }
        func sameLine(_ i: Int) -> Bool { !t[i].lineBefore }
        if english && !t[head].isCapitalised { return nil }
        // Leftwards: capitalised words (English, with connectors inside) or adjectives (Slavic languages).
        var first = head
        var index = head - 1
        var pendingLower = 0
        while usable(index), sameLine(index + 1) {
            let token = t[index]
            if english {
                if token.isCapitalised || token.isAcronym {
                    first = index
                } else if !(OrganisationLexicon.connectors.contains(t, index) && !t.lowerIs(index, "of") && usable(index - 1) && t[index - 1].isCapitalised) {
                    break
                }
            } else if OrganisationLexicon.isAdjective(t, index, language: language) {
                if token.isCapitalised {
                    first = index
                    pendingLower = 0
                } else {
                    pendingLower += 1
                    if pendingLower > 3 { break }
                }
            } else {
                break
            }
            index -= 1
        }
        // Rightwards.
        var end = head + 1
        index = head + 1
        var hasOf = false
        while usable(index), sameLine(index) {
            let token = t[index]
            if OrganisationLexicon.isEventWord(t, index) { return nil }
            if token.isCapitalised || token.isAcronym {
                // After a lower-case head ("prezes klastra Tomasz Mrozek") capitalised words are someone's
                // name; only acronyms and agreeing adjectives belong to it.
                if !english, !t[head].isCapitalised, !token.isAcronym, !OrganisationLexicon.isAdjective(t, index, language: language) {
                    break
                }
                if !english, index > head + 1, triggerOf(t, index, language: language) != nil, t[index - 1].kind == .word,
                    OrganisationLexicon.connectors.contains(t, index - 1)
                {
                    break
                }
                // "Klaster Roku", "Кластер року": a prize, not the organisation its noun names.
                if OrganisationLexicon.yearWords.contains(t, index) { return nil }
                end = index + 1
                index += 1
                continue
            }
            if OrganisationLexicon.connectors.contains(t, index), usable(index + 1), t[index + 1].isCapitalised, english || t[head].isCapitalised,
                english || triggerOf(t, index + 1, language: language) == nil
            {
                let ofOrFor = t.lowerIs(index, "of") || t.lowerIs(index, "for")
                if ofOrFor { hasOf = true }
                if english, !hasOf, !ofOrFor, triggerOf(t, end - 1, language: "en") != nil {
                    break
                }
                index += 1
                continue
            }
            if language == "bg", OrganisationLexicon.bulgarianLinks.contains(t, index), usable(index + 1), !t[index + 1].isCapitalised {
                if OrganisationLexicon.yearWords.contains(t, index + 1) { return nil }
                end = index + 2
                index += 2
                continue
            }
            if language == "bg", token.kind == .punctuation { break }
            break
        }
        if usable(end), t[end].kind == .punctuation || true, end + 1 < t.count, t[end].isPunctuation(DateVocabulary.dashes), t[end].spaceBefore,
            !taken[end + 1], t[end + 1].isCapitalised, triggerOf(t, head, language: language)?.base.hasPrefix("univers") == true
        {
            end += 2
        }
        if end < t.count, t[end].kind == .punctuation, t[end].isPunctuation(DateVocabulary.dashes), !t[end].spaceBefore { return nil }
        // English names end with their head noun unless "of"/"for" follows it ("Ministry of Industry").
        if english, !hasOf, triggerOf(t, end - 1, language: "en") == nil { return nil }
        if english, t.lowerIs(first, "the") { first += 1 }
        let capitals = (first..<end).filter { t[$0].isCapitalised || t[$0].isAcronym }
        guard end - first >= 2, !capitals.isEmpty else { return nil }
        if capitals.count == 1, let only = capitals.first, only == first, t.opensSentence(first) { return nil }
        return (first, end)
    }

    /// The trigger a word is, asked of the lexicon only when the word's classes say it may be one.
    func triggerOf(_ t: TokenList, _ index: Int, language: String) -> OrganisationLexicon.Trigger? {
        t[index].classes.contains(.trigger) ? lexicon.trigger(t.lower(index), language: language) : nil
    }

    /// The name in its base form: Bulgarian without the article on its first word, Polish and Ukrainian
    /// with the head noun and the adjectives that agree with it in the nominative; English as written.
    private func baseForm(_ t: TokenList, _ first: Int, _ end: Int, language: String) -> String {
        var words = (first..<end).map { t.text($0) }
        switch language {
        case "bg":
            if let head = (first..<end).first(where: { triggerOf(t, $0, language: "bg")?.language == "bg" }) {
                words[head - first] = Self.cased(triggerOf(t, head, language: "bg")!.base, like: t.text(head))
            }
            words[0] = OrganisationLexicon.withoutArticle(words[0])
        case "pl", "uk":
            guard let head = (first..<end).first(where: { triggerOf(t, $0, language: language)?.language == language }),
                let trigger = triggerOf(t, head, language: language)
            else { break }
            words[head - first] = Self.cased(trigger.base, like: t.text(head))
            for index in first..<head where OrganisationLexicon.isAdjective(t, index, language: language) {
                words[index - first] = OrganisationLexicon.nominative(adjective: t.text(index), gender: trigger.gender, language: language)
            }
            var index = head + 1
            while index < end, OrganisationLexicon.isAdjective(t, index, language: language) {
                words[index - first] = OrganisationLexicon.nominative(adjective: t.text(index), gender: trigger.gender, language: language)
                index += 1
            }
        default:
            break
        }
        // Rebuild with the text's own spacing between words.
        var text = ""
        for index in first..<end {
            if index > first, t[index].spaceBefore { text += " " }
            text += words[index - first]
        }
        return text
    }

    private static func cased(_ base: String, like written: String) -> String {
        guard written.unicodeScalars.first?.properties.isUppercase == true else { return base }
        return base.prefix(1).uppercased() + base.dropFirst()
    }
}
