import IngestCore

/// Finds people named with context that says they are people: a role in apposition ("Iva Maric,
/// Programme Manager, DG Regio"; "Jonathan Loeffler, CEO of Steinbeis Europa Zentrum"), a quotation they
/// are credited with ("…” believes Iva Maric"), a title ("Dr", "г-н", "pani"), or an organisation they
/// represent ("the Czech Moravian-Silesian Aviation Cluster, represented by Petr Tomasek"), a role
/// before the name ("prezes Jan Kowalski", "президентът Румен Радев"), or the name itself: a given name
/// followed by a surname (``PersonNames``) or a word shaped like one ("Marek Jędraszewski", "Олена
/// Коваленко"). A pair of capitalised words alone is not enough: it could as well be a place or a programme.
struct PersonRecogniser: Sendable {
    var personNames = PersonNames.shared
    var gazetteer = Gazetteer.shared

    func entities(in t: TokenList, scalars: [Unicode.Scalar], claimed: inout [Bool], organisations: [Entity], language: String) -> [Entity] {
        var entities: [Entity] = []
        var index = 0
        while index < t.count {
            guard let nameEnd = name(t, at: index, claimed: claimed) else {
                index += 1
                continue
            }
            var roleWord = roleBefore(t, index, language: language)
            // "prezydent Egiptu Hosni Mubarak", "президент Росії Володимир Путін": the role's complement comes
            // between it and the name, which begins at the given name.
            if let words = roleWord, nameEnd - index == 3, !isGiven(t, index), isGiven(t, index + 1) {
                roleWord = words + " " + t.text(index)
                index += 1
            }
            var role: String?
            var affiliation: String?
            var end = nameEnd
            if let apposition = apposition(t, after: nameEnd) {
                role = apposition.role
                affiliation = apposition.affiliation
                end = apposition.end
            }
            // A role before counts for a name that opens with a given name ("kierownik Wydziału Prasy" names a
            // department, "założycielki Spółdzielni Koronkarskiej" a cooperative).
            if role == nil, let roleWord, isGiven(t, index) { role = roleWord }
            let credited = quoted(t, before: index) || titled(t, before: index) || isPersonalName(t, index, nameEnd)
            if role == nil, let organisation = represented(t, before: index, organisations: organisations, scalars: scalars) {
                affiliation = organisation
            }
            guard role != nil || affiliation != nil || credited else {
                index = nameEnd
                continue
            }
            let span = TextSpan(start: t[index].start, end: t[end - 1].end)
            var normalised: [String: JSONValue] = ["name": .string(EntityRecogniser.slice(scalars, TextSpan(start: t[index].start, end: t[nameEnd - 1].end)))]
            if let role { normalised["role"] = .string(role) }
            if let affiliation { normalised["affiliation"] = .string(affiliation) }
            entities.append(
                Entity(type: "person", text: EntityRecogniser.slice(scalars, span), span: span, normalised: normalised, confidence: role != nil ? 0.8 : 0.65))
            for i in index..<nameEnd { claimed[i] = true }
            index = end
        }
        return entities
    }

    /// Two or three capitalised words on one line, none of them an acronym: the end of the name.
    private func name(_ t: TokenList, at start: Int, claimed: [Bool]) -> Int? {
        var index = start
        while index < t.count, index - start < 3, !claimed[index], t[index].kind == .word, t[index].isCapitalised, !t[index].isAcronym,
            index == start || (t[index].spaceBefore && !t[index].lineBefore), t[index].length >= 2
        {
            index += 1
        }
        guard index - start >= 2 else { return nil }
        // "Виступила Олена Коваль": a capitalised verb opening the sentence is not a first name.
        if index - start == 3, start == 0 || t[start].lineBefore || t[start - 1].kind == .punctuation && [".", "!", "?"].contains(t[start - 1].scalar) { return nil }
        if index < t.count, t[index].kind == .word, t[index].isCapitalised, t[index].spaceBefore, !t[index].lineBefore { return nil }
        return index
    }

    /// ", Role[, Affiliation…]" or ", Role of Affiliation" after a name.
    private func apposition(_ t: TokenList, after nameEnd: Int) -> (role: String, affiliation: String?, end: Int)? {
        guard nameEnd + 1 < t.count, t[nameEnd].isPunctuation(","), !t[nameEnd + 1].lineBefore else { return nil }
        // The first segment decides whether there is a role; the rest of the sentence is read only then.
        guard let first = self.segments(t, from: nameEnd + 1, limit: 1).first else { return nil }
        let roleTokens = Array(first.first..<first.end)
        guard roleTokens.contains(where: { PersonVocabulary.isRole(t, $0) }), roleTokens.count <= 6 else { return nil }
        let segments = self.segments(t, from: nameEnd + 1)
        // "CEO of Steinbeis Europa Zentrum": the role ends at "of" when a proper name follows it.
        if let of = roleTokens.first(where: { t.lowerIs($0, "of") || t.lowerIs($0, "at") }),
            (of + 1..<first.end).filter({ t[$0].isCapitalised || t[$0].isAcronym }).count >= 2
        {
            return (text(t, first.first, of), text(t, of + 1, first.end), first.end)
        }
        // "prezes Klastra Lotniczego": a lower-case role followed straight by a capitalised name in the genitive.
        if let role = roleTokens.first(where: { PersonVocabulary.isRole(t, $0) }), !t[role].isCapitalised, role + 1 < first.end,
            t[role + 1].isCapitalised
        {
            return (text(t, first.first, role + 1), text(t, role + 1, first.end), first.end)
        }
        var affiliations: [(Int, Int)] = []
        for segment in segments.dropFirst() {
            let tokens = segment.first..<segment.end
            guard t[segment.first].isCapitalised || t[segment.first].isAcronym, !tokens.contains(where: { t[$0].kind == .number }) else { break }
            affiliations.append((segment.first, segment.end))
        }
        let role = text(t, first.first, first.end)
        guard let last = affiliations.last, let firstAffiliation = affiliations.first else { return (role, nil, first.end) }
        return (role, text(t, firstAffiliation.0, last.1), last.1)
    }

    /// Comma-separated runs of words from `start` to the end of the sentence or an opening bracket.
    private func segments(_ t: TokenList, from start: Int, limit: Int = .max) -> [(first: Int, end: Int)] {
        var segments: [(Int, Int)] = []
        var segmentStart = start
        var index = start
        while index < t.count, !(index > start && t[index].lineBefore) {
            let token = t[index]
            if token.kind == .punctuation, !token.isPunctuation(DateVocabulary.dashes) || token.spaceBefore {
                if index > segmentStart { segments.append((segmentStart, index)) }
                if segments.count >= limit { return segments }
                guard token.isPunctuation(",") else { return segments }
                segmentStart = index + 1
            }
            index += 1
        }
        if index > segmentStart { segments.append((segmentStart, index)) }
        return segments
    }

    /// After a closing quote, a verb or a dash: "…” highlighted Vasile Asandei", "…” – Jonathan Loeffler".
    private func quoted(_ t: TokenList, before start: Int) -> Bool {
        var index = start - 1
        var words = 0
        while index >= 0, start - index <= 4 {
            let token = t[index]
            if token.isPunctuation(PersonVocabulary.closingQuotes) {
                return index < start - 1 && !token.spaceBefore && (index + 1 < t.count && t[index + 1].spaceBefore)
            }
            if token.kind == .word {
                guard !token.isCapitalised else { return false }
                words += 1
                if words > 2 { return false }
            } else if !token.isPunctuation(DateVocabulary.dashes) && !token.isPunctuation(",") {
                return false
            }
            index -= 1
        }
        return false
    }

    /// A role written in lower case before the name, with what it is of: "prezes Jan Kowalski", "prezes
    /// klastra Tomasz Mrozek", "голова правління кластера Андрій Коваленко", "cluster manager Tom Adeyemi".
    /// At most four words back, none of them capitalised, on the same line, with nothing but spaces between;
    /// in English, where the role is the last word of its phrase, only the word right before the name.
    private func roleBefore(_ t: TokenList, _ start: Int, language: String) -> String? {
        var index = start - 1
        var role: Int?
        let reach = language == "en" ? 1 : 4
        while index >= 0, start - index <= reach, t[index].kind == .word, !t[index].isCapitalised, t[index + 1].spaceBefore,
            !t[index + 1].lineBefore
        {
            if PersonVocabulary.isRole(t, index) { role = index }
            index -= 1
        }
        guard let role else { return nil }
        return text(t, role, start)
    }

    /// A given name and then a surname. A given name that is also a country's, a capital's or a large
    /// city's begins a place's name more often ("Sofia Tech Park", "Victoria Park", "Georgia Tech").
    private func isPersonalName(_ t: TokenList, _ start: Int, _ end: Int) -> Bool {
        guard isGiven(t, start), hasSurnameShape(t, end - 1) else { return false }
        var buffer: [UInt32] = []
        let places = gazetteer.names[Gazetteer.key(t, start, buffer: &buffer)] ?? []
        return !places.contains { name in
            let place = gazetteer.places[name.place]
            return place.kind == .country || place.isProminent
        }
    }

    private func isGiven(_ t: TokenList, _ index: Int) -> Bool { personNames.kinds(t, index).contains(.given) }

    /// A surname the name lists hold, or a word with a surname's ending.
    private func hasSurnameShape(_ t: TokenList, _ index: Int) -> Bool {
        if personNames.kinds(t, index).contains(.surname) { return true }
        let lower = t.lower(index)
        let length = lower.count
        return Self.surnameEndings.contains { length > $0.count + 2 && lower.hasSuffix($0) }
    }

    /// Endings of Polish, Ukrainian, Bulgarian and Russian surnames, in the forms running text gives them.
    static let surnameEndings = [
        "ski", "ska", "skiego", "skiej", "skim", "cki", "cka", "ckiego", "ckiej", "dzki", "dzka", "wicz", "wicza", "wiczem",
        "ński", "ńska", "czyk", "czak",
        "ов", "ова", "ев", "ева", "ин", "ина", "ски", "ска", "цки", "цка", "ський", "ська", "ського", "ської", "цький", "цька",
        "енко", "ук", "юк", "чук", "ович", "евич", "івна",
    ]

    private func titled(_ t: TokenList, before start: Int) -> Bool {
        var index = start - 1
        if index >= 0, t[index].isPunctuation(".") { index -= 1 }
        return index >= 0 && t[index].kind == .word && PersonVocabulary.titles.contains(t, index)
    }

    /// The organisation named right before ", represented by".
    private func represented(_ t: TokenList, before start: Int, organisations: [Entity], scalars: [Unicode.Scalar]) -> String? {
        for phrase in PersonVocabulary.representedBy {
            let first = start - phrase.count
            guard first >= 1, zip(first..<start, phrase).allSatisfy({ t.lowerIs($0.0, $0.1) }) else { continue }
            let comma = t[first - 1].isPunctuation(",") ? first - 1 : first
            guard comma >= 1 else { continue }
            let before = t[comma - 1].end
            if let organisation = organisations.first(where: { $0.span.end == before }) {
                if case .string(let name) = organisation.normalised["name"] { return name }
            }
        }
        return nil
    }

    private func text(_ t: TokenList, _ first: Int, _ end: Int) -> String {
        var text = ""
        for index in first..<end {
            if index > first, t[index].spaceBefore { text += " " }
            text += t.text(index)
        }
        return text
    }
}
