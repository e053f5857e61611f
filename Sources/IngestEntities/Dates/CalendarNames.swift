import Foundation

/// Month and weekday names of Bulgarian, Polish, Ukrainian and English, lower-cased, from CLDR through
/// Foundation: the genitive ("września", "жовтня") and nominative ("wrzesień", "жовтень") forms, the
/// abbreviations, and a stem shared by both so other cases ("we wrześniu", "у жовтні") still read.
struct CalendarNames: Sendable {
    enum MonthForm: Sendable { case full, short, stem }

    private(set) var months: [String: (month: Int, form: MonthForm)] = [:]
    /// Stems shared by a month's genitive and nominative, matched as word beginnings.
    private(set) var monthStems: [String: Int] = [:]
    private(set) var weekdays: [String: Int] = [:]
    /// Weekday stems, for inflected forms ("w środę", "у середу"); read only right before a date.
    private(set) var weekdayStems: [String: Int] = [:]

    static let languages = ["bg", "pl", "uk", "en"]
    /// For warnings, which are written in English.
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Built once per process: CLDR look-ups are slow, the tables are small and never change.
    static let shared = CalendarNames()

    init() {
        for language in Self.languages {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: language)
            let full = formatter.monthSymbols.map { $0.lowercased() }
            let standalone = formatter.standaloneMonthSymbols.map { $0.lowercased() }
            let short = (formatter.shortMonthSymbols + formatter.shortStandaloneMonthSymbols).map {
                $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            }
            for (index, name) in (full + standalone).enumerated() {
                months[name] = (index % 12 + 1, .full)
            }
            for (index, name) in short.enumerated() where months[name] == nil && name.count >= 3 {
                months[name] = (index % 12 + 1, .short)
            }
            for index in 0..<12 {
                let stem = Self.commonPrefix(full[index], standalone[index])
                if stem.count >= 3, stem != full[index] || stem != standalone[index] {
                    monthStems[stem] = index + 1
                }
            }
            let days = (formatter.weekdaySymbols + formatter.standaloneWeekdaySymbols).map { $0.lowercased() }
            for (index, name) in days.enumerated() {
                weekdays[name] = index % 7 + 1
                let stem = String(name.dropLast())
                if stem.count >= 4 { weekdayStems[stem] = index % 7 + 1 }
            }
        }
    }

    /// The month a word names, with how it was matched; stems match words that begin with them.
    func month(_ lower: String, stems: Bool = true) -> (month: Int, form: MonthForm)? {
        if let found = months[lower] { return found }
        guard stems, lower.count > 3 else { return nil }
        var prefix = lower
        while prefix.count > 3 {
            prefix.removeLast()
            if let month = monthStems[prefix] { return (month, .stem) }
        }
        return nil
    }

    func weekday(_ lower: String) -> Int? {
        if let day = weekdays[lower] { return day }
        guard lower.count >= 4 else { return nil }
        return weekdayStems[String(lower.dropLast())] ?? weekdayStems[lower]
    }

    private static func commonPrefix(_ a: String, _ b: String) -> String {
        String(zip(a, b).prefix { $0 == $1 }.map(\.0))
    }
}
