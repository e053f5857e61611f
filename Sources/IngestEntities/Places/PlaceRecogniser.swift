import IngestCore

/// Finds cities and countries, inflected forms included, and normalises each to its English name, ISO
/// code and base form in the page's language.
///
/// A name that several places share is resolved by a country the text names nearby ("Валенсия,
/// Испания"), then by the page's language, then by population.
struct PlaceRecogniser: Sendable {
    var gazetteer = Gazetteer.shared
    var personNames = PersonNames.shared
    /// How many tokens either side count as nearby for resolving an ambiguous name.
    var neighbourhood = 60
    /// Towns of the text's own country this large are what their readers think of first, even where the
    /// name is also a common word ("Łódź", boat; "Суми", sums).
    var familiarPopulation = 100_000

    private struct Candidate {
        var first: Int
        var end: Int
        var names: [PlaceName]
    }

    func entities(in tokens: TokenList, scalars: [Unicode.Scalar], claimed: inout [Bool], language: String) -> [Entity] {
        var candidates: [Candidate] = []
        var index = 0
        var buffer: [UInt32] = []
        while index < tokens.count {
            guard !claimed[index], tokens[index].isCapitalised,
                let found = longestName(tokens, scalars: scalars, at: index, claimed: claimed, language: language, buffer: &buffer)
            else {
                index += 1
                continue
            }
            candidates.append(found)
            index = found.end
        }
        // Countries named without ambiguity, with where they are, for resolving the rest.
        var countries: [(token: Int, code: String)] = []
        for candidate in candidates {
            let codes = Set(candidate.names.map { gazetteer.places[$0.place] }.filter { $0.kind == .country }.map(\.country))
            if codes.count == 1, let code = codes.first { countries.append((candidate.first, code)) }
        }
        var entities: [Entity] = []
        // Candidates and countries are both in text order: the window of countries nearby slides along.
        var low = 0
        var high = 0
        for candidate in candidates {
            while low < countries.count, countries[low].token < candidate.first - neighbourhood { low += 1 }
            if high < low { high = low }
            while high < countries.count, countries[high].token <= candidate.first + neighbourhood { high += 1 }
            let nearby = Set(countries[low..<high].map(\.code))
            let (name, confidence) = choose(candidate.names, nearby: nearby, language: language)
            let place = gazetteer.places[name.place]
            if namesPerson(candidate, place: place, tokens: tokens, nearby: nearby, language: language)
                || isCommonWord(candidate, name: name, place: place, tokens: tokens, language: language)
                || namesRegion(candidate, place: place, tokens: tokens)
            {
                continue
            }
            let span = TextSpan(start: tokens[candidate.first].start, end: tokens[candidate.end - 1].end)
            let written = EntityRecogniser.slice(scalars, span)
            var normalised: [String: JSONValue] = ["country": .string(place.country)]
            if place.kind == .city { normalised["city"] = .string(place.english) }
            normalised["local"] = .string(localForm(of: place, name: name, written: written, language: language))
            for index in candidate.first..<candidate.end { claimed[index] = true }
            entities.append(Entity(type: "place", text: written, span: span, normalised: normalised, confidence: confidence))
        }
        return entities
    }

    /// Whether a one-word name is more likely a person's than the place's. Beside a given name it is a
    /// person's ("Jan Baran", "Станимир Димитров", "Tadeusz Dominik"), and so is a town's name that is a
    /// given name before another capitalised word ("Marek Jędraszewski", "Владимир Путин"). A smaller
    /// town's name that is also a given name or surname ("Kamila", "Mary", "Иванов") counts as the town
    /// only with a place's context: a preposition of place before it ("w", "във", "у", "in"), or its
    /// country named nearby. A town of the text's own country keeps its name ("Видин", "Bochnia"), as
    /// the text's readers know it.
    private func namesPerson(_ candidate: Candidate, place: Place, tokens: TokenList, nearby: Set<String>, language: String) -> Bool {
        guard candidate.end - candidate.first == 1 else { return false }
        let index = candidate.first
        let joinedBefore = index > 0 && tokens[index].spaceBefore && !tokens[index].lineBefore
        let joinedAfter = index + 1 < tokens.count && tokens[index + 1].spaceBefore && !tokens[index + 1].lineBefore
        if joinedBefore, personNames.kinds(tokens, index - 1).contains(.given) { return true }
        guard place.kind == .city, !place.isProminent else { return false }
        let own = personNames.kinds(tokens, index)
        if own.contains(.given), joinedAfter, tokens[index + 1].kind == .word, tokens[index + 1].isCapitalised { return true }
        guard !own.isEmpty, place.country != Self.homeCountry[language] else { return false }
        let placed = index > 0 && Self.placePrepositions(language).contains(tokens, index - 1)
        return !placed && !nearby.contains(place.country)
    }

    /// Whether a one-word town's name is more likely a common word it is also a form of ("Biała", white;
    /// "Wolę", I prefer; "Усі", all; "Krajowa", national): so when its capital letter is explained otherwise,
    /// by the sentence's start, by capitals throughout ("TAMA"), or by a run of capitalised words it belongs
    /// to ("Krajowa Rada", "Koła Parlamentarnego", "Хмельницька АЕС"). A city's English name ("Lincoln"),
    /// capitals, and the own names of larger towns of the text's own country ("Łódź", "Суми", "Рівне")
    /// stay names; a shorter name of such a town does not ("Biała" for Bielsko-Biała).
    private func isCommonWord(_ candidate: Candidate, name: PlaceName, place: Place, tokens: TokenList, language: String) -> Bool {
        guard candidate.end - candidate.first == 1, place.kind == .city, !place.isCapital,
            !(place.country == Self.homeCountry[language] && place.population >= familiarPopulation && name.base == nil)
        else { return false }
        let index = candidate.first
        var buffer: [UInt32] = []
        let key = Gazetteer.key(tokens, index, buffer: &buffer)
        guard let languages = gazetteer.commonWords[key], languages.contains(name.language) || languages.contains(language),
            tokens.lower(index) != place.english.lowercased()
        else { return false }
        // A capitalised word beside it that is not itself explained by the sentence's start ("Після Бродів",
        // "W Strzelcach").
        func joinsCapitalised(_ other: Int) -> Bool {
            other >= 0 && other < tokens.count && tokens[other].kind == .word && tokens[other].isCapitalised
                && !tokens[max(index, other)].lineBefore && tokens[max(index, other)].spaceBefore && !tokens.opensSentence(other)
        }
        return tokens.opensSentence(index) || tokens[index].isAcronym || joinsCapitalised(index - 1) || joinsCapitalised(index + 1)
    }

    /// Whether a city's name is the adjective of the region named after it: "Луганська область",
    /// "Івано-Франківської області", "Одеська обл." are oblasts, not their capitals.
    private func namesRegion(_ candidate: Candidate, place: Place, tokens: TokenList) -> Bool {
        let next = candidate.end
        return place.kind == .city && next < tokens.count && tokens[next].spaceBefore && !tokens[next].lineBefore
            && Self.regionNouns.contains(tokens, next)
    }

    private static let regionNouns: WordSet = ["область", "області", "областю", "обл", "oblast", "област", "областта"]

    private static let homeCountry = ["bg": "BG", "pl": "PL", "uk": "UA"]

    /// Prepositions that put what follows in a place: where, or where to.
    private static let prepositionsOfPlace: [String: WordSet] = [
        "bg": ["в", "във", "до", "край", "към", "из", "около"],
        "pl": ["w", "we", "do", "pod", "przy", "nad", "koło", "obok", "niedaleko", "spod", "znad"],
        "uk": ["в", "у", "до", "біля", "під", "поблизу", "коло"],
        "en": ["in", "at", "near", "outside", "around", "into", "via", "across"],
    ]
    private static let anyPrepositionOfPlace = WordSet(prepositionsOfPlace.values.flatMap(\.words))

    private static func placePrepositions(_ language: String) -> WordSet { prepositionsOfPlace[language] ?? anyPrepositionOfPlace }

    /// The base form in the language of the form that matched ("Pradze" → "Praga", "Львові" → "Львів");
    /// English names, which do not inflect, stay as written.
    private func localForm(of place: Place, name: PlaceName, written: String, language: String) -> String {
        guard name.language != "en" else { return written }
        return name.base ?? place.local[name.language] ?? written
    }

    private func choose(_ names: [PlaceName], nearby: Set<String>, language: String) -> (PlaceName, Double) {
        let places = Set(names.map(\.place))
        if places.count == 1 { return (preferred(names, language: language), 0.9) }
        func score(_ name: PlaceName) -> (Int, Int, Int, Int) {
            let place = gazetteer.places[name.place]
            return (
                place.kind == .country ? 1 : 0, nearby.contains(place.country) ? 1 : 0,
                name.language == language ? 1 : 0, place.population
            )
        }
        let best = names.max { score($0) < score($1) }!
        let resolvedByCountry = nearby.contains(gazetteer.places[best.place].country)
        return (best, resolvedByCountry ? 0.8 : 0.6)
    }

    private func preferred(_ names: [PlaceName], language: String) -> PlaceName {
        names.first { $0.language == language } ?? names.first { $0.language == "en" } ?? names[0]
    }

    /// The longest run of tokens from `start` that names a place: capitalised words, with short lower-case
    /// links inside ("Republic of Moldova", "Bosnia and Herzegovina"), on one line.
    /// Only forms of the text's language count, and English names, which texts in every language use
    /// ("Katowice", "Iași"): "Czech" is the Polish genitive of "Czechy" but not a country in English.
    ///
    /// Most capitalised words begin no name: their folded scalars rule them out before any key is built.
    private func longestName(
        _ tokens: TokenList, scalars: [Unicode.Scalar], at start: Int, claimed: [Bool], language: String, buffer: inout [UInt32]
    ) -> Candidate? {
        if Gazetteer.fold(scalars[tokens[start].start..<tokens[start].end], into: &buffer), !gazetteer.firstWords.contains(buffer) {
            return nil
        }
        var key = ""
        var words = 0
        var best: Candidate?
        var index = start
        while index < tokens.count, words < gazetteer.maxWords {
            let token = tokens[index]
            guard token.kind == .word, !claimed[index], index == start || (token.spaceBefore && !token.lineBefore) else { break }
            if words > 0 { key += " " }
            key += Gazetteer.key(tokens, index, buffer: &buffer)
            words += 1
            if token.isCapitalised, let names = gazetteer.names[key]?.filter({ $0.language == language || $0.language == "en" }), !names.isEmpty {
                best = Candidate(first: start, end: index + 1, names: names)
            } else if !token.isCapitalised, (tokens.isSure(index) ? token.length : tokens.text(index).count) > 3 {
                break
            }
            guard gazetteer.prefixes.contains(key) else { break }
            index += 1
        }
        return best
    }
}
