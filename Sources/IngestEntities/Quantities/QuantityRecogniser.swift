import IngestCore

/// Finds counts of something: "More than 70 participants", "повече от 300 участника", "над 25 европейски
/// страни", "ponad 100 uczestników", "понад 50 учасників", "около 40 фирми", "twenty-five countries",
/// "300+ attendees". A number becomes a quantity only with a unit after it, so years, prices and phone
/// numbers stay out.
struct QuantityRecogniser: Sendable {
    var numbers = NumberWords.shared
    /// Words allowed between the number and its unit ("158 bilateral meetings", "25 европейски страни").
    var maxWordsBeforeUnit = 2

    func entities(in tokens: TokenList, scalars: [Unicode.Scalar], claimed: inout [Bool]) -> [Entity] {
        var entities: [Entity] = []
        var index = 0
        while index < tokens.count {
            guard !claimed[index], let found = quantity(tokens, at: index, claimed: claimed) else {
                index += 1
                continue
            }
            let span = TextSpan(start: tokens[index].start, end: tokens[found.end - 1].end)
            entities.append(
                Entity(
                    type: "quantity", text: EntityRecogniser.slice(scalars, span), span: span,
                    normalised: ["value": .number(Double(found.value)), "qualifier": .string(found.qualifier), "unit": .string(found.unit)],
                    confidence: found.spelled ? 0.75 : 0.85))
            for claimedIndex in index..<found.end { claimed[claimedIndex] = true }
            index = found.end
        }
        return entities
    }

    private func quantity(_ t: TokenList, at start: Int, claimed: [Bool]) -> (value: Int, qualifier: String, unit: String, end: Int, spelled: Bool)? {
        var index = start
        var qualifier = "exact"
        if t[start].kind == .word, t[start].classes.contains(.qualifier), let found = self.qualifier(t, at: start) {
            qualifier = found.qualifier
            index = found.end
        }
        guard index < t.count, !claimed[index], let number = number(t, at: index) else { return nil }
        index = number.end
        if index < t.count, t[index].isPunctuation("+"), !t[index].spaceBefore {
            if qualifier == "exact" { qualifier = "at_least" }
            index += 1
        }
        var skipped = 0
        while index < t.count, !t[index].lineBefore, t[index].kind == .word, !claimed[index] {
            if let unit = QuantityVocabulary.unit(of: t, index) {
                return (number.value, qualifier, unit, index + 1, number.spelled)
            }
            skipped += 1
            if skipped > maxWordsBeforeUnit || QuantityVocabulary.stops.contains(t, index) { break }
            index += 1
        }
        return nil
    }

    private func qualifier(_ t: TokenList, at start: Int) -> (qualifier: String, end: Int)? {
        guard let candidates = QuantityVocabulary.qualifiersByFirstWord[t.lower(start)] else { return nil }
        for (words, qualifier) in candidates where start + words.count <= t.count {
            var matched = true
            for (offset, word) in words.enumerated() where !t.lowerIs(start + offset, word) || (offset > 0 && t[start + offset].lineBefore) {
                matched = false
                break
            }
            if matched { return (qualifier, start + words.count) }
        }
        return nil
    }

    /// Digits, with thousands grouped by a comma, full stop or space ("1,200", "1 200"), or words.
    private func number(_ t: TokenList, at start: Int) -> (value: Int, end: Int, spelled: Bool)? {
        if t[start].kind == .number {
            if start > 0, !t[start].spaceBefore, t[start - 1].kind != .punctuation || t[start - 1].isPunctuation(DateVocabulary.separators) {
                return nil
            }
            guard var value = t[start].number else { return nil }
            var end = start + 1
            while t[start].length <= 3, end < t.count {
                let next = t[end]
                if next.kind == .number {
                    // "1 200": a group after a space, which may be the last token before the unit.
                    guard next.length == 3, next.spaceBefore else { break }
                    value = value * 1000 + (next.number ?? 0)
                    end += 1
                    continue
                }
                // "1,200", "1.200": a group glued to its separator.
                guard next.isPunctuation(",") || next.isPunctuation("."), !next.spaceBefore, end + 1 < t.count else { break }
                let group = t[end + 1]
                guard group.kind == .number, group.length == 3, !group.spaceBefore else { break }
                value = value * 1000 + (group.number ?? 0)
                end += 2
            }
            if end < t.count, !t[end].spaceBefore {
                // Glued digits, or an ordinal: "8th", "3rd", "8. edycja".
                if t[end].kind == .number || DateVocabulary.englishOrdinals.contains(t, end) { return nil }
                if t[end].isPunctuation("."), end + 1 < t.count, t[end + 1].kind == .word { return nil }
            }
            return (value, end, false)
        }
        guard t[start].kind == .word, !t[start].classes.isDisjoint(with: [.numberStart, .apostrophe]), numbers.canStart(t.lower(start))
        else { return nil }
        var words: [String] = []
        var best: (value: Int, end: Int, spelled: Bool)?
        var index = start
        while index < t.count, words.count < numbers.maxWords, t[index].kind == .word, index == start || !t[index].lineBefore {
            // A word no spelled-out number holds ends the number: no longer run can be one either.
            if index > start, !numbers.isNumberWord(t, index) { break }
            words.append(t.lower(index))
            if let value = numbers.value(of: words) { best = (value, index + 1, true) }
            index += 1
        }
        return best
    }
}
