import IngestCore
import IngestEntities
import Testing

/// Every date form the issue names, in each language, with the ISO value it must give.
@Suite struct DateTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var language: String
        var published: String?
        /// The entity text, then `value` for a date or `start/end` for a range, then the precision.
        var written: String
        var expected: String
        var precision: String
        var testDescription: String { "\(language): \(text)" }
    }

    static let cases: [Case] = [
        // Shared month and year, hyphen, glued "г."
        Case(text: "се проведе на 8-9 ноември 2017г. във Валенсия", language: "bg", written: "8-9 ноември 2017г.", expected: "2017-11-08/2017-11-09", precision: "day"),
        Case(text: "в dniach 26 – 27 września 2022 r. w Pradze", language: "pl", written: "26 – 27 września 2022 r.", expected: "2022-09-26/2022-09-27", precision: "day"),
        Case(text: "took place between 21-23 November 2023 in Iași", language: "en", written: "21-23 November 2023", expected: "2023-11-21/2023-11-23", precision: "day"),
        Case(text: "On 7.11. - 8.11.2022, the conference", language: "en", written: "7.11. - 8.11.2022", expected: "2022-11-07/2022-11-08", precision: "day"),
        Case(text: "Форум 12–14.03.2019 у Києві", language: "uk", written: "12–14.03.2019", expected: "2019-03-12/2019-03-14", precision: "day"),
        Case(text: "відбудеться від 5 до 7 жовтня", language: "uk", published: "2021-09-01", written: "від 5 до 7 жовтня", expected: "2021-10-05/2021-10-07", precision: "day"),
        Case(text: "runs from 12 to 14 March 2024", language: "en", written: "from 12 to 14 March 2024", expected: "2024-03-12/2024-03-14", precision: "day"),
        Case(text: "Targi 30 września – 2 października 2022 r.", language: "pl", written: "30 września – 2 października 2022 r.", expected: "2022-09-30/2022-10-02", precision: "day"),
        Case(text: "od 30 grudnia do 2 stycznia", language: "pl", published: "2022-12-01", written: "od 30 grudnia do 2 stycznia", expected: "2022-12-30/2023-01-02", precision: "day"),
        Case(text: "November 21-23, 2023 in Iasi", language: "en", written: "November 21-23, 2023", expected: "2023-11-21/2023-11-23", precision: "day"),
        Case(text: "Конференция от 5 до 7 юни 2024 г. в София", language: "bg", written: "от 5 до 7 юни 2024 г.", expected: "2024-06-05/2024-06-07", precision: "day"),
        // Single dates
        Case(text: "Публикувано на 14.11.2017", language: "bg", written: "14.11.2017", expected: "2017-11-14", precision: "day"),
        Case(text: "Posted 28 Nov, 2023 by admin", language: "en", written: "28 Nov, 2023", expected: "2023-11-28", precision: "day"),
        Case(text: "on 23 October in Vinnytsia", language: "en", published: "2023-10-27T11:42:08Z", written: "23 October", expected: "2023-10-23", precision: "day"),
        Case(text: "on 23 October in Vinnytsia", language: "en", written: "23 October", expected: "--10-23", precision: "month-day"),
        Case(text: "on the 23rd October 2023", language: "en", written: "23rd October 2023", expected: "2023-10-23", precision: "day"),
        Case(text: "on October 23rd, 2023", language: "en", written: "October 23rd, 2023", expected: "2023-10-23", precision: "day"),
        Case(text: "на 8-ми ноември 2017 г.", language: "bg", written: "8-ми ноември 2017 г.", expected: "2017-11-08", precision: "day"),
        Case(text: "dnia 15 listopada 2022 r. w Łodzi", language: "pl", written: "15 listopada 2022 r.", expected: "2022-11-15", precision: "day"),
        Case(text: "відбулася 23 жовтня 2023 р. у Вінниці", language: "uk", written: "23 жовтня 2023 р.", expected: "2023-10-23", precision: "day"),
        Case(text: "Opublikowano 2023-11-28.", language: "pl", written: "2023-11-28", expected: "2023-11-28", precision: "day"),
        Case(text: "Dated 14/11/2017", language: "en", written: "14/11/2017", expected: "2017-11-14", precision: "day"),
        // Month and year
        Case(text: "we wrześniu 2022 r. w Pradze", language: "pl", written: "wrześniu 2022 r.", expected: "2022-09", precision: "month"),
        Case(text: "у жовтні 2023 року", language: "uk", written: "жовтні 2023 року", expected: "2023-10", precision: "month"),
        Case(text: "in November 2023", language: "en", written: "November 2023", expected: "2023-11", precision: "month"),
        Case(text: "през ноември 2017 г.", language: "bg", written: "ноември 2017 г.", expected: "2017-11", precision: "month"),
        // Years
        Case(text: "odbywają się co dwa lata od 2008 roku.", language: "pl", written: "2008 roku", expected: "2008", precision: "year"),
        Case(text: "Between 2021 and 2030, the demand", language: "en", written: "Between 2021 and 2030", expected: "2021/2030", precision: "year"),
        // Relative
        Case(text: "Вчера в София се проведе", language: "bg", published: "2023-03-01", written: "Вчера", expected: "2023-02-28", precision: "day"),
        Case(text: "Wczoraj w Krakowie", language: "pl", published: "2024-01-01T10:00:00+01:00", written: "Wczoraj", expected: "2023-12-31", precision: "day"),
        Case(text: "Вчора у Львові", language: "uk", published: "2024-03-01", written: "Вчора", expected: "2024-02-29", precision: "day"),
        Case(text: "Yesterday in Warsaw", language: "en", published: "2023-11-28", written: "Yesterday", expected: "2023-11-27", precision: "day"),
        Case(text: "което беше открито тази сутрин", language: "bg", published: "2023-10-12T14:37:00+03:00", written: "тази сутрин", expected: "2023-10-12", precision: "day"),
        Case(text: "The fair opened this morning in Leeds", language: "en", published: "2024-05-02", written: "this morning", expected: "2024-05-02", precision: "day"),
        Case(text: "Виставку відкрили цього ранку", language: "uk", published: "2024-05-02", written: "цього ранку", expected: "2024-05-02", precision: "day"),
    ]

    @Test("each date form gives its ISO value", arguments: cases)
    func dateForm(_ test: Case) throws {
        let result = EntityRecogniser().recognise(test.text, language: test.language, published: test.published)
        let dates = result.entities.filter { $0.type == "date" || $0.type == "date_range" }
        let entity = try #require(dates.first, "no date in \(test.text)")
        #expect(dates.count == 1)
        #expect(entity.text == test.written)
        let value: String
        if entity.type == "date_range" {
            value = "\(entity.normalised["start"].map(Self.string) ?? "")/\(entity.normalised["end"].map(Self.string) ?? "")"
        } else {
            value = entity.normalised["value"].map(Self.string) ?? ""
        }
        #expect(value == test.expected)
        #expect(entity.normalised["precision"] == .string(test.precision))
        let scalars = Array(test.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[entity.span.start..<entity.span.end])) == entity.text)
    }

    @Test("words that look like months or numbers are not dates", arguments: [
        "Musimy się spotkać z 5 partnerami.",
        "Version 2.11 was released with 3 fixes.",
        "May I add 5 more items?",
        "Tel. 22 123 45 67",
        "Посетиха ги 300 души от 25 страни.",
        "Вчера",
    ])
    func notDates(_ text: String) {
        let result = EntityRecogniser().recognise(text)
        #expect(result.entities.filter { $0.type.hasPrefix("date") }.isEmpty, "\(result.entities)")
    }

    @Test("a weekday that contradicts its date is a warning")
    func weekdayContradiction() {
        let wrong = EntityRecogniser().recognise("Monday, 24 October 2023 in Kyiv", language: "en")
        #expect(wrong.warnings.map(\.code) == ["weekday-mismatch"])
        #expect(wrong.warnings.first?.message.contains("Tuesday") == true)
        let right = EntityRecogniser().recognise("w poniedziałek 23 października 2023 r.", language: "pl")
        #expect(right.warnings.isEmpty)
        #expect(right.entities.first?.normalised["value"] == .string("2023-10-23"))
    }

    static func string(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return "\(value)"
    }
}
