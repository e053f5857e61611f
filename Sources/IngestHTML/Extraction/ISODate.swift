/// Normalises the date strings pages put in meta tags and `<time datetime>` to ISO 8601, keeping the
/// precision given (date, or date and time with offset) and refusing anything that is not a real date.
enum ISODate {
    /// `2023-11-28`, `2023-11-28T10:15:00+02:00`, `2023-11-28 10:15` … → ISO 8601; otherwise nil.
    static func normalise(_ value: String) -> String? {
        let bytes = Array(value.utf8.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 })
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var number = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                number = number * 10 + Int(byte - 0x30)
            }
            return number
        }
        guard let year = digits(0..<4), bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let month = digits(5..<7), let day = digits(8..<10), (1000...2999).contains(year), (1...12).contains(month),
            (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let date = String(format4(year)) + "-" + two(month) + "-" + two(day)
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let hour = digits(11..<13), bytes[13] == UInt8(ascii: ":"), let minute = digits(14..<16), hour < 24, minute < 60
        else { return date }
        var index = 16
        var second = 0
        if index + 2 < bytes.count + 1, index < bytes.count, bytes[index] == UInt8(ascii: ":"),
            let parsed = digits((index + 1)..<(index + 3)), parsed < 61
        {
            second = parsed
            index += 3
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        }
        var offset = ""
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"): offset = "Z"
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = bytes[index] == UInt8(ascii: "+") ? "+" : "-"
                if let hours = digits((index + 1)..<(index + 3)) {
                    let minuteStart = index + 3 < bytes.count && bytes[index + 3] == UInt8(ascii: ":") ? index + 4 : index + 3
                    let minutes = digits(minuteStart..<(minuteStart + 2)) ?? 0
                    if hours < 24, minutes < 60 { offset = sign + two(hours) + ":" + two(minutes) }
                }
            default: break
            }
        }
        return date + "T" + two(hour) + ":" + two(minute) + ":" + two(second) + offset
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func format4(_ value: Int) -> String { String(value) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
