/// A calendar date as precise as the text makes it: a year alone, a month of a year, a day, or a day and
/// month without a year when neither the text nor the page says which.
public struct PartialDate: Sendable, Equatable, Hashable, Comparable {
    public enum Precision: String, Sendable {
        case day, month, year
        case monthDay = "month-day"
    }

    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var precision: Precision {
        if year == nil { return .monthDay }
        if day != nil { return .day }
        return month != nil ? .month : .year
    }

    /// ISO 8601: `2017-11-14`, `2017-11`, `2017`, or `--10-23` when the year is unknown.
    public var iso: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        guard let year else { return "--\(two(month ?? 1))-\(two(day ?? 1))" }
        var text = String(year)
        if let month { text += "-" + two(month) }
        if let month, let day, month > 0 { text += "-" + two(day) }
        return text
    }

    /// A published date such as `2023-11-28T08:15:00+00:00`; only the calendar part is read.
    public init?(iso text: String) {
        let digits = text.utf8.prefix(10).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let yearText = digits.first, let year = Int(String(decoding: yearText, as: UTF8.self)) else { return nil }
        self.year = year
        self.month = digits.count > 1 ? Int(String(decoding: digits[1], as: UTF8.self)) : nil
        self.day = digits.count > 2 ? Int(String(decoding: digits[2], as: UTF8.self)) : nil
    }

    /// Whether the day exists in that month (29 February only in leap years); true when parts are missing.
    public var isValid: Bool {
        guard let month else { return day == nil }
        guard (1...12).contains(month) else { return false }
        guard let day else { return true }
        return day >= 1 && day <= Self.days(inMonth: month, year: year)
    }

    static func days(inMonth month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the week by Zeller's congruence, 1 = Sunday … 7 = Saturday as in Foundation's calendar;
    /// nil unless the date is complete.
    var weekday: Int? {
        guard let year, let month, let day else { return nil }
        let m = month < 3 ? month + 12 : month
        let y = month < 3 ? year - 1 : year
        let h = (day + (13 * (m + 1)) / 5 + y % 100 + (y % 100) / 4 + (y / 100) / 4 + 5 * (y / 100)) % 7
        return ((h + 6) % 7) + 1
    }

    /// The day `days` after this one (before, when negative); only for complete dates.
    func adding(days: Int) -> PartialDate {
        guard let year, let month, let day else { return self }
        // Days since 1970-01-01 and back, after Howard Hinnant's civil-date algorithms.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let z = era * 146097 + doe - 719468 + days + 719468
        let era2 = (z >= 0 ? z : z - 146096) / 146097
        let doe2 = z - era2 * 146097
        let yoe2 = (doe2 - doe2 / 1460 + doe2 / 36524 - doe2 / 146096) / 365
        let doy2 = doe2 - (365 * yoe2 + yoe2 / 4 - yoe2 / 100)
        let mp = (5 * doy2 + 2) / 153
        let newDay = doy2 - (153 * mp + 2) / 5 + 1
        let newMonth = mp < 10 ? mp + 3 : mp - 9
        return PartialDate(year: yoe2 + era2 * 400 + (newMonth <= 2 ? 1 : 0), month: newMonth, day: newDay)
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year ?? 0, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year ?? 0, rhs.month ?? 0, rhs.day ?? 0)
    }
}
