/// Finds dates and date ranges in tokens: textual ("8-9 ноември 2017г.", "26 – 27 września 2022 r.",
/// "November 21-23, 2023", "30 września – 2 października", "від 5 до 7 жовтня"), day-first numeric
/// ("14.11.2017", "7.11. - 8.11.2022", "12–14.03.2019"), ISO, month and year alone, years after a
/// preposition or with "г."/"r."/"р.", and yesterday/today/tomorrow against the page's date.
///
/// Rules are tried longest first at each token; a token belongs to at most one date.
struct DateRecogniser: Sendable {
    var names = CalendarNames.shared

    /// The dates of `tokens`, in order, each with the weekday warning it raised, if any.
    func matches(in tokens: TokenList, published: PartialDate?) -> (matches: [DateMatch], warnings: [String]) {
        var found: [DateMatch] = []
        var warnings: [String] = []
        var index = 0
        while index < tokens.count {
            guard var match = match(tokens, at: index), !tokens[(match.first + 1)..<match.end].contains(where: \.lineBefore) else {
                index += 1
                continue
            }
            guard resolve(&match, published: published) else {
                index = match.end
                continue
            }
            if case .date(let date) = match.value, let warning = weekdayWarning(tokens, before: match.first, date: date) {
                warnings.append(warning)
            }
            found.append(match)
            index = match.end
        }
        return (found, warnings)
    }

    // MARK: - Rules

    private func match(_ t: TokenList, at i: Int) -> DateMatch? {
        switch t[i].kind {
        case .number:
            return iso(t, i) ?? numericRange(t, i) ?? numeric(t, i) ?? textualDayFirst(t, i, opener: nil) ?? yearRange(t, i, opener: nil)
                ?? yearWithWord(t, i)
        case .word:
            if t[i].classes.contains(.relativeDay) {
                if let offset = DateVocabulary.relativeDays[t.lower(i)] {
                    return DateMatch(first: i, end: i + 1, value: .date(PartialDate(day: offset)), confidence: 0.7, relative: true)
                }
                if i + 1 < t.count, !t[i + 1].lineBefore,
                    let phrase = DateVocabulary.relativeDayPhrases[t.lower(i)]?.first(where: { t.lowerIs(i + 1, $0.second) })
                {
                    return DateMatch(first: i, end: i + 2, value: .date(PartialDate(day: phrase.offset)), confidence: 0.7, relative: true)
                }
            }
            if t[i].classes.contains(.rangeOpener), DateVocabulary.rangeOpeners.contains(t, i), i + 1 < t.count, !t[i + 1].lineBefore {
                if let range = textualDayFirst(t, i + 1, opener: i) ?? yearRange(t, i + 1, opener: i), case .range = range.value {
                    return range
                }
            }
            if t[i].classes.contains(.yearPreposition), DateVocabulary.yearPrepositions.contains(t, i), let year = bareYear(t, i + 1) {
                return year
            }
            return monthFirst(t, i) ?? monthYear(t, i)
        case .punctuation:
            return nil
        }
    }

    /// 2023-11-28
    private func iso(_ t: TokenList, _ i: Int) -> DateMatch? {
        guard i + 4 < t.count, t[i].length == 4, let year = t[i].number, DateVocabulary.plausibleYears.contains(year),
            t[i + 1].isPunctuation("-"), t[i + 2].length == 2, t[i + 3].isPunctuation("-"), t[i + 4].length == 2,
            glued(t, i + 1, through: i + 4), let month = t[i + 2].number, let day = t[i + 4].number
        else { return nil }
        let date = PartialDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        return DateMatch(first: i, end: i + 5, value: .date(date), confidence: 0.95)
    }

    /// Day-first numeric date: "14.11.2017", "14/11/2017", or "7.11." (needs a trailing dot) without year.
    private func numericParts(_ t: TokenList, _ i: Int) -> (date: PartialDate, end: Int, hasYear: Bool)? {
        guard i + 2 < t.count, let day = t[i].number, t[i].length <= 2, t[i + 1].isPunctuation(DateVocabulary.separators),
            let month = t[i + 2].number, t[i + 2].length <= 2, glued(t, i + 1, through: i + 2)
        else { return nil }
        let separator = t[i + 1].scalar
        if i + 4 < t.count, t[i + 3].isPunctuation(separator), t[i + 4].length == 4, let year = t[i + 4].number,
            glued(t, i + 3, through: i + 4), DateVocabulary.plausibleYears.contains(year)
        {
            let date = PartialDate(year: year, month: month, day: day)
            guard date.isValid else { return nil }
            return (date, yearSuffix(t, i + 5), true)
        }
        guard separator == ".", i + 3 < t.count, t[i + 3].isPunctuation("."), glued(t, i + 3, through: i + 3) else { return nil }
        if i + 4 < t.count, t[i + 4].kind == .number, !t[i + 4].spaceBefore { return nil }
        let date = PartialDate(month: month, day: day)
        guard date.isValid else { return nil }
        return (date, i + 4, false)
    }

    private func numeric(_ t: TokenList, _ i: Int) -> DateMatch? {
        guard let parts = numericParts(t, i), parts.hasYear else { return nil }
        return DateMatch(first: i, end: parts.end, value: .date(parts.date), confidence: 0.9)
    }

    /// "7.11. - 8.11.2022", "14.11.2017 – 16.11.2017", "12–14.03.2019".
    private func numericRange(_ t: TokenList, _ i: Int) -> DateMatch? {
        if let start = numericParts(t, i), let dash = dash(t, start.end), let end = numericParts(t, dash), end.hasYear {
            var first = start.date
            if first.year == nil { first.year = (end.date.year ?? 0) - (first.month! > end.date.month! ? 1 : 0) }
            guard first < end.date else { return nil }
            return DateMatch(first: i, end: end.end, value: .range(first, end.date), confidence: 0.9)
        }
        if let day = day(t, i), day.end == i + 1, let dash = dash(t, day.end), let end = numericParts(t, dash), end.hasYear {
            let first = PartialDate(year: end.date.year, month: end.date.month, day: day.value)
            guard first.isValid, first < end.date else { return nil }
            return DateMatch(first: i, end: end.end, value: .range(first, end.date), confidence: 0.9)
        }
        return nil
    }

    /// "8-9 ноември 2017г.", "26 – 27 września 2022 r.", "30 września – 2 października", "23 October",
    /// "28 Nov, 2023", "5 до 7 жовтня".
    private func textualDayFirst(_ t: TokenList, _ i: Int, opener: Int?) -> DateMatch? {
        guard let first = day(t, i) else { return nil }
        let start = opener ?? i
        // D – D Month [Year]
        if let connector = connector(t, first.end, words: true), let second = day(t, connector.next),
            let month = month(t, second.end, stems: false)
        {
            if opener != nil, !connector.isWord { return nil }
            let year = self.year(t, month.end)
            let a = PartialDate(year: year?.value, month: month.value, day: first.value)
            let b = PartialDate(year: year?.value, month: month.value, day: second.value)
            guard a.isValid, b.isValid, first.value < second.value else { return nil }
            return DateMatch(first: start, end: year?.end ?? month.end, value: .range(a, b), confidence: year == nil ? 0.8 : 0.95)
        }
        guard let month = month(t, first.end, stems: false) else { return nil }
        let year = self.year(t, month.end)
        let a = PartialDate(year: year?.value, month: month.value, day: first.value)
        guard a.isValid else { return nil }
        let afterFirst = year?.end ?? month.end
        // D Month [Year] – D Month [Year]
        if let connector = connector(t, afterFirst, words: true), let second = day(t, connector.next),
            let secondMonth = self.month(t, second.end, stems: false)
        {
            let secondYear = self.year(t, secondMonth.end)
            var b = PartialDate(year: secondYear?.value ?? year?.value, month: secondMonth.value, day: second.value)
            var startDate = a
            if startDate.year == nil, let endYear = b.year {
                startDate.year = endYear - (month.value > secondMonth.value ? 1 : 0)
            }
            if b.year == nil, startDate.year == nil, month.value > secondMonth.value {
                b.year = nil  // resolved against the page's date, crossing the year end
            }
            if b.isValid, startDate.year == nil || b.year == nil || startDate < b {
                return DateMatch(
                    first: start, end: secondYear?.end ?? secondMonth.end, value: .range(startDate, b),
                    confidence: b.year == nil ? 0.8 : 0.95)
            }
        }
        guard opener == nil else { return nil }
        return DateMatch(first: i, end: afterFirst, value: .date(a), confidence: year == nil ? 0.75 : 0.95)
    }

    /// English order: "November 21-23, 2023", "October 30 – November 2, 2023", "Nov 28, 2023", "March 5th".
    private func monthFirst(_ t: TokenList, _ i: Int) -> DateMatch? {
        guard let month = month(t, i, stems: false), let first = day(t, month.end), first.end == month.end + 1 || first.end == month.end + 2
        else { return nil }
        if i > 0, t[i - 1].kind == .number, !t[i].lineBefore { return nil }
        let year = self.year(t, first.end)
        let a = PartialDate(year: year?.value, month: month.value, day: first.value)
        guard a.isValid else { return nil }
        if year == nil, let connector = connector(t, first.end, words: false), let second = day(t, connector.next) {
            if let secondMonth = self.month(t, second.end, stems: false) {
                _ = secondMonth
            } else {
                let endYear = self.year(t, second.end)
                let b = PartialDate(year: endYear?.value, month: month.value, day: second.value)
                let startDate = PartialDate(year: endYear?.value, month: month.value, day: first.value)
                if b.isValid, first.value < second.value {
                    return DateMatch(first: i, end: endYear?.end ?? second.end, value: .range(startDate, b), confidence: endYear == nil ? 0.8 : 0.95)
                }
            }
        }
        if let connector = connector(t, year?.end ?? first.end, words: false), let secondMonth = self.month(t, connector.next, stems: false),
            let second = day(t, secondMonth.end)
        {
            let endYear = self.year(t, second.end)
            var startDate = a
            let b = PartialDate(year: endYear?.value ?? year?.value, month: secondMonth.value, day: second.value)
            if startDate.year == nil, let y = b.year { startDate.year = y - (month.value > secondMonth.value ? 1 : 0) }
            if b.isValid, startDate.year == nil || b.year == nil || startDate < b {
                return DateMatch(first: i, end: endYear?.end ?? second.end, value: .range(startDate, b), confidence: 0.9)
            }
        }
        return DateMatch(first: i, end: year?.end ?? first.end, value: .date(a), confidence: year == nil ? 0.75 : 0.95)
    }

    /// "November 2023", "listopad 2022", "we wrześniu 2022 r.": month precision.
    private func monthYear(_ t: TokenList, _ i: Int) -> DateMatch? {
        // The rule wants a year as the very next token, so most words are ruled out before the month
        // look-up, which tries every stem of the word.
        guard i + 1 < t.count, t[i + 1].kind == .number || t[i + 1].isPunctuation(","), fourDigitYear(t, i + 1) != nil,
            let month = month(t, i, stems: true), let year = year(t, month.end), t[month.end].kind == .number else { return nil }
        return DateMatch(first: i, end: year.end, value: .date(PartialDate(year: year.value, month: month.value)), confidence: 0.85)
    }

    /// "between 2021 and 2030", "od 2008 do 2010 r.", "2021–2027".
    private func yearRange(_ t: TokenList, _ i: Int, opener: Int?) -> DateMatch? {
        guard let first = fourDigitYear(t, i), let connector = connector(t, first.end, words: opener != nil),
            let second = fourDigitYear(t, connector.next), second.value > first.value, second.value - first.value <= 100
        else { return nil }
        if opener == nil, connector.isWord || t[connector.next].spaceBefore != t[first.end].spaceBefore { return nil }
        let end = yearSuffix(t, second.end)
        return DateMatch(
            first: opener ?? i, end: end, value: .range(PartialDate(year: first.value), PartialDate(year: second.value)),
            confidence: 0.8)
    }

    /// "2008 roku", "2017 г.", "2019 року".
    private func yearWithWord(_ t: TokenList, _ i: Int) -> DateMatch? {
        guard let year = fourDigitYear(t, i) else { return nil }
        let end = yearSuffix(t, year.end)
        guard end > year.end else { return nil }
        return DateMatch(first: i, end: end, value: .date(PartialDate(year: year.value)), confidence: 0.85)
    }

    /// "in 2008", "od 2008 roku": the preposition is not part of the date's text.
    private func bareYear(_ t: TokenList, _ i: Int) -> DateMatch? {
        guard let year = fourDigitYear(t, i) else { return nil }
        if year.end < t.count, !t[year.end].lineBefore {
            let next = t[year.end]
            if next.kind == .number || next.isPunctuation(DateVocabulary.separators) && !next.spaceBefore
                || next.isPunctuation(DateVocabulary.dashes)
            {
                return nil
            }
        }
        return DateMatch(first: i, end: yearSuffix(t, year.end), value: .date(PartialDate(year: year.value)), confidence: 0.7)
    }

    // MARK: - Parts

    private func glued(_ t: TokenList, _ from: Int, through: Int) -> Bool {
        guard through < t.count else { return false }
        return (from...through).allSatisfy { !t[$0].spaceBefore }
    }

    /// A day number with its ordinal ending, if any: "23", "23rd", "8-ми", "26." before a month.
    private func day(_ t: TokenList, _ i: Int) -> (value: Int, end: Int)? {
        guard i < t.count, t[i].kind == .number, t[i].length <= 2, let value = t[i].number, (1...31).contains(value) else {
            return nil
        }
        if i > 0, !t[i].spaceBefore, t[i - 1].kind == .word || t[i - 1].isPunctuation(DateVocabulary.separators) { return nil }
        var end = i + 1
        if end < t.count, !t[end].spaceBefore {
            let next = t[end]
            if next.kind == .word, DateVocabulary.englishOrdinals.contains(t, end) {
                end += 1
            } else if next.isPunctuation(DateVocabulary.dashes), end + 1 < t.count, !t[end + 1].spaceBefore, t[end + 1].kind == .word,
                DateVocabulary.hyphenOrdinals.contains(t, end + 1)
            {
                end += 2
            } else if next.isPunctuation("."), end + 1 < t.count, t[end + 1].kind == .word, t[end + 1].classes.contains(.month), names.month(t.lower(end + 1), stems: false) != nil {
                end += 1
            }
        }
        if end < t.count, t[end].kind == .number, !t[end].spaceBefore { return nil }
        return (value, end)
    }

    private func month(_ t: TokenList, _ i: Int, stems: Bool) -> (value: Int, end: Int)? {
        guard i < t.count, t[i].kind == .word, stems || t[i].classes.contains(.month), let found = names.month(t.lower(i), stems: stems) else {
            return nil
        }
        var end = i + 1
        if end < t.count, t[end].isPunctuation("."), !t[end].spaceBefore, found.form == .short { end += 1 }
        return (found.month, end)
    }

    /// A year after a date, with an optional comma before it and "г."/"r."/"р."/"roku" after it.
    private func year(_ t: TokenList, _ i: Int) -> (value: Int, end: Int)? {
        var index = i
        if index < t.count, t[index].isPunctuation(",") { index += 1 }
        guard let year = fourDigitYear(t, index) else { return nil }
        if index + 1 < t.count, t[index + 1].kind == .number || (t[index + 1].isPunctuation(":") && !t[index + 1].spaceBefore) { return nil }
        return (year.value, yearSuffix(t, year.end))
    }

    private func fourDigitYear(_ t: TokenList, _ i: Int) -> (value: Int, end: Int)? {
        guard i < t.count, t[i].kind == .number, t[i].length == 4, let value = t[i].number,
            DateVocabulary.plausibleYears.contains(value)
        else { return nil }
        if i > 0, !t[i].spaceBefore, t[i - 1].kind == .word { return nil }
        return (value, i + 1)
    }

    private func yearSuffix(_ t: TokenList, _ i: Int) -> Int {
        guard i < t.count, t[i].kind == .word, !t[i].lineBefore, DateVocabulary.yearWords.contains(t, i) else { return i }
        if DateVocabulary.yearAbbreviations.contains(t, i) {
            if i + 1 < t.count, t[i + 1].isPunctuation("."), !t[i + 1].spaceBefore { return i + 2 }
            return t[i].spaceBefore ? i : i + 1
        }
        return t.lowerIs(i, "year") ? i : i + 1
    }

    /// A dash or a range word between two ends: "8-9", "26 – 27", "5 до 7", "12 to 14".
    private func connector(_ t: TokenList, _ i: Int, words: Bool) -> (next: Int, isWord: Bool)? {
        guard i < t.count, !t[i].lineBefore else { return nil }
        if t[i].isPunctuation(DateVocabulary.dashes) { return (i + 1, false) }
        if words, t[i].kind == .word, DateVocabulary.rangeWords.contains(t, i) { return (i + 1, true) }
        return nil
    }

    private func dash(_ t: TokenList, _ i: Int) -> Int? {
        guard i < t.count, !t[i].lineBefore, t[i].isPunctuation(DateVocabulary.dashes) else { return nil }
        return i + 1
    }

    // MARK: - Resolution

    /// Fills a missing year from the page's date (a range that crosses the year end gets the next year for
    /// its end) and turns relative words into dates.
    /// False for a relative word on a page without a date: it names no day that can be known.
    private func resolve(_ match: inout DateMatch, published: PartialDate?) -> Bool {
        switch match.value {
        case .date(var date):
            if match.relative {
                guard let published, published.precision == .day else { return false }
                date = published.adding(days: date.day ?? 0)
            } else if date.year == nil, date.month != nil, let year = published?.year {
                date.year = year
                match.yearInferred = true
            }
            match.value = .date(date)
        case .range(var start, var end):
            if start.year == nil, end.year == nil, let year = published?.year {
                start.year = year
                end.year = year + ((start.month ?? 0) > (end.month ?? 0) ? 1 : 0)
                match.yearInferred = true
            }
            match.value = .range(start, end)
        }
        return true
    }

    /// "Monday, 23 October 2023" when 23 October 2023 was a Tuesday.
    private func weekdayWarning(_ t: TokenList, before i: Int, date: PartialDate) -> String? {
        guard let actual = date.weekday else { return nil }
        var index = i - 1
        if index >= 0, t[index].isPunctuation(",") { index -= 1 }
        guard index >= 0, t[index].kind == .word, let stated = names.weekday(t.lower(index)), stated != actual else { return nil }
        return "\"\(t.text(index))\" does not match \(date.iso), which was a \(CalendarNames.englishWeekdays[actual - 1])"
    }
}
