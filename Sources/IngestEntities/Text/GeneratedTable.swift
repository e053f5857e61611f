/// Reading the generated tab-separated tables (gazetteer, person names) by their UTF-8 bytes: they hold
/// tens of thousands of lines, and splitting them as `Character`s took most of the entities stage's
/// start-up.
enum GeneratedTable {
    /// The table's non-empty lines.
    static func lines(_ table: String) -> [ArraySlice<UInt8>] {
        Array(table.utf8).split(separator: UInt8(ascii: "\n"))
    }

    /// A line's tab-separated fields, empty ones kept.
    static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A field of decimal digits; nil for anything else.
    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
