/// Finds event mentions: names next to event words, quoted or capitalised, in either order ("the X
/// conference", "konferencji X", `Conference "X"`, "Europejska Konferencja Klastrów"), and event words
/// alone, which later refer back to a named event.
///
/// A capitalised run that an organisation, place or person entity covers is that entity, not an event
/// name ("konferencji Komisji Europejskiej" is the Commission's conference). Plural event words speak of
/// events in general ("Europejskie Konferencje Klastrowe odbywają się co dwa lata") and are skipped.
struct MentionFinder: Sendable {
    var lexicon: EventLexicon

    static let maxNameWords = 10

    func mentions(in text: TokenizedText, entities: [EntityRef]) -> [EventMention] {
        let tokens = text.tokens
        let covered = Self.coveredTokens(entities)
        var mentions: [EventMention] = []
        for index in tokens.indices where tokens[index].kind == .word {
            guard let word = lexicon.eventWord(tokens[index]), word.form != .plural else { continue }
            if index > 0, tokens[index - 1].text == "#", !tokens[index].spaceBefore { continue }
            let sentence = text.sentenceOfToken[index]
            let strength: EventMention.Strength = word.form == .base ? .beside : .inflected
            if let quoted = quotedName(in: text, beside: index) {
                mentions.append(EventMention(name: quoted, eventWord: index, kind: word.kind, strength: .quoted, sentence: sentence))
            } else if tokens[index].isCapitalised, let name = capitalisedRun(in: text, around: index),
                name.count >= 2, !isCovered(name, covered)
            {
                mentions.append(EventMention(name: name, eventWord: index, kind: word.kind, strength: strength, sentence: sentence))
            } else if let name = nameBefore(in: text, index: index), !isCovered(name, covered) {
                mentions.append(EventMention(name: name, eventWord: index, kind: word.kind, strength: strength, sentence: sentence))
            } else if let name = nameAfter(in: text, index: index), !isCovered(name, covered) {
                mentions.append(EventMention(name: name, eventWord: index, kind: word.kind, strength: strength, sentence: sentence))
            } else {
                mentions.append(EventMention(name: nil, eventWord: index, kind: word.kind, strength: .occurrence, sentence: sentence))
            }
        }
        return mentions
    }

    /// Every further place the text names one of the events, quoted or not, matched by name key so
    /// "Clusters meet Regions" finds "Clusters Meet Region".
    func occurrences(of keys: [[String]], in text: TokenizedText, besides known: [EventMention]) -> [(key: Int, mention: EventMention)] {
        guard !keys.isEmpty else { return [] }
        let tokens = text.tokens
        var taken = Set(known.flatMap { Array($0.tokenRange) })
        var found: [(Int, EventMention)] = []
        // Keys by their first word, so each token is compared only with the names it could start.
        var byFirst: [String: [Int]] = [:]
        for (number, key) in keys.enumerated() {
            if let first = key.first { byFirst[first, default: []].append(number) }
        }
        var index = 0
        while index < tokens.count {
            var matched = false
            // A name found again starts with a capital or a digit; other tokens need no look-up.
            let candidates = tokens[index].isCapitalised || tokens[index].kind == .number ? byFirst[EventKey.localStem(tokens[index].lower)] ?? [] : []
            for number in candidates where index + keys[number].count <= tokens.count {
                let key = keys[number]
                let range = index..<(index + key.count)
                guard !range.contains(where: taken.contains) else { continue }
                // "Europejskie Konferencje Klastrowe" is the series in general, not this edition.
                if range.allSatisfy({ tokens[$0].kind != .punctuation && lexicon.eventWord(tokens[$0])?.form != .plural }),
                    zip(range, key).allSatisfy({ EventKey.localStem(tokens[$0].lower) == $1 })
                {
                    found.append((number, EventMention(name: range, eventWord: nil, kind: nil, strength: .occurrence, sentence: text.sentenceOfToken[index])))
                    taken.formUnion(range)
                    index = range.upperBound
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return found
    }

    // MARK: - Patterns

    /// A quoted name right after the event word (`conference "X"`, `konferencji „X”`) or right before it
    /// (`the “X” event`).
    func quotedName(in text: TokenizedText, beside index: Int) -> Range<Int>? {
        let tokens = text.tokens
        let sentence = text.sentences[text.sentenceOfToken[index]]
        if index + 1 < sentence.upperBound, isQuote(tokens[index + 1]) {
            var close = index + 2
            while close < min(sentence.upperBound, index + 2 + Self.maxNameWords + 4), !isQuote(tokens[close]) { close += 1 }
            if close < sentence.upperBound, isQuote(tokens[close]) {
                return looksLikeName(in: text, trimmed(in: text, (index + 2)..<close))
            }
        }
        if index - 1 > sentence.lowerBound, isQuote(tokens[index - 1]) {
            var open = index - 2
            while open > max(sentence.lowerBound, index - 2 - Self.maxNameWords - 4), !isQuote(tokens[open]) { open -= 1 }
            if open >= sentence.lowerBound, isQuote(tokens[open]) {
                return looksLikeName(in: text, trimmed(in: text, (open + 1)..<(index - 1)))
            }
        }
        return nil
    }

    /// The capitalised run that contains a capitalised event word: "Europejska Konferencja Klastrów",
    /// "Polish Cluster Congress".
    func capitalisedRun(in text: TokenizedText, around index: Int) -> Range<Int>? {
        let sentence = text.sentences[text.sentenceOfToken[index]]
        var start = index
        while let previous = extendLeft(in: text, from: start, limit: sentence.lowerBound) { start = previous }
        var end = index + 1
        while let next = extendRight(in: text, from: end, limit: sentence.upperBound) { end = next }
        return dropDeterminers(in: text, start..<end).flatMap { looksLikeName(in: text, $0) }
    }

    /// A capitalised run right before a lower-case event word: "the Clusters Meet Region conference".
    func nameBefore(in text: TokenizedText, index: Int) -> Range<Int>? {
        let tokens = text.tokens
        let sentence = text.sentences[text.sentenceOfToken[index]]
        guard index > sentence.lowerBound, tokens[index - 1].isCapitalised else { return nil }
        var start = index - 1
        while let previous = extendLeft(in: text, from: start, limit: sentence.lowerBound) { start = previous }
        guard let name = dropDeterminers(in: text, start..<index) else { return nil }
        // One capitalised word opening the sentence is just the sentence's first word ("Gospodarzem wydarzenia").
        if name.count == 1, name.lowerBound == sentence.lowerBound { return nil }
        // A single proper adjective in the event word's script names the event together with the word,
        // as pages write it: "перший Волинський форум", "Пловдивският панаир".
        if name.count == 1, !isDistinctive(text.tokens[name.lowerBound], besides: text.tokens[index]) {
            return looksLikeName(in: text, name.lowerBound..<(index + 1))
        }
        return looksLikeName(in: text, name)
    }

    /// A capitalised run right after a lower-case event word: "на конференцията Grow your Region",
    /// "konferencji Smart Industry".
    func nameAfter(in text: TokenizedText, index: Int) -> Range<Int>? {
        let tokens = text.tokens
        let sentence = text.sentences[text.sentenceOfToken[index]]
        guard index + 1 < sentence.upperBound, tokens[index + 1].isCapitalised, tokens[index + 1].spaceBefore else { return nil }
        var end = index + 2
        while let next = extendRight(in: text, from: end, limit: sentence.upperBound) { end = next }
        guard end - index > 2 || isDistinctive(tokens[index + 1], besides: tokens[index]) else { return nil }
        return looksLikeName(in: text, (index + 1)..<end)
    }

    /// One capitalised word is a name only when it stands out: an acronym or a word with capitals or
    /// digits inside ("ECCP", "InnoTrans", "EU4Business"), or a word in another script than the event
    /// word ("на конференцията Hannover"). A plain capitalised word is more often an organisation or place
    /// the entities stage names ("събитието Европейската комисия…").
    private func isDistinctive(_ word: TextToken, besides eventWord: TextToken) -> Bool {
        let scalars = Array(word.text.unicodeScalars)
        if scalars.dropFirst().contains(where: { $0.properties.isUppercase || $0.properties.numericType != nil }) { return true }
        return Self.isLatin(scalars[0]) != eventWord.text.unicodeScalars.first.map(Self.isLatin)
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x0250
    }

    // MARK: - Helpers

    /// The new start when the run can grow one word (or a name-word plus a capitalised word) to the left.
    private func extendLeft(in text: TokenizedText, from start: Int, limit: Int) -> Int? {
        let tokens = text.tokens
        guard start - 1 >= limit, tokens[start].spaceBefore, lexicon.ordinal(in: text, at: start - 1) == nil else { return nil }
        if tokens[start - 1].isCapitalised { return start - 1 }
        if start - 2 >= limit, tokens[start - 1].roles.contains(.nameWord), tokens[start - 1].spaceBefore,
            tokens[start - 2].isCapitalised, !isEventWord(tokens[start - 2])
        {
            return start - 2
        }
        return nil
    }

    private func extendRight(in text: TokenizedText, from end: Int, limit: Int) -> Int? {
        let tokens = text.tokens
        guard end < limit, tokens[end].spaceBefore else { return nil }
        if tokens[end].isCapitalised { return end + 1 }
        if end + 1 < limit, tokens[end].roles.contains(.nameWord), tokens[end + 1].isCapitalised, tokens[end + 1].spaceBefore {
            return end + 2
        }
        return nil
    }

    private func dropDeterminers(in text: TokenizedText, _ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound
        while start < range.upperBound, text.tokens[start].roles.contains(.determiner) { start += 1 }
        return start < range.upperBound ? start..<range.upperBound : nil
    }

    private func trimmed(in text: TokenizedText, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, text.tokens[start].kind == .punctuation { start += 1 }
        while end > start, text.tokens[end - 1].kind == .punctuation { end -= 1 }
        return start..<end
    }

    /// A name is a few words, starts with a capital or a digit and holds no sentence. Capitalised words
    /// followed by an organisation noun are that organisation ("Тракийският ИКТ клъстер"), and a month or
    /// weekday alone is a date ("the May meeting").
    private func looksLikeName(in text: TokenizedText, _ range: Range<Int>) -> Range<Int>? {
        guard !range.isEmpty, range.count <= Self.maxNameWords + 4 else { return nil }
        let tokens = text.tokens
        let words = range.filter { tokens[$0].kind != .punctuation }
        if range.upperBound < tokens.count, tokens[range.upperBound].roles.contains(.organisationWord) { return nil }
        if words.allSatisfy({ tokens[$0].roles.contains(.calendar) || tokens[$0].eventWord >= 0 }) { return nil }
        guard !words.isEmpty, words.count <= Self.maxNameWords,
            tokens[range.lowerBound].isCapitalised || tokens[range.lowerBound].kind == .number,
            !range.contains(where: { [".", "!", "?", ";"].contains(tokens[$0].text) })
        else { return nil }
        return range
    }

    private func isQuote(_ token: TextToken) -> Bool {
        token.kind == .punctuation && token.text.unicodeScalars.first.map(TokenizedText.isQuote) == true
    }

    private func isEventWord(_ token: TextToken) -> Bool { token.eventWord >= 0 }

    static func coveredTokens(_ entities: [EntityRef]) -> Set<Int> {
        var covered: Set<Int> = []
        for entity in entities where ["organisation", "place", "person"].contains(entity.type) { covered.formUnion(entity.tokens) }
        return covered
    }

    /// Whether entities cover the whole run: then it names them, not an event.
    private func isCovered(_ range: Range<Int>, _ covered: Set<Int>) -> Bool {
        range.allSatisfy(covered.contains)
    }
}
