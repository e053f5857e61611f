import Testing

@testable import IngestEvents

/// Names keyed through ``PlainNameTable`` get the bytes ICU's transforms give the whole name.
@Suite struct PlainNameTableTests {
    static let scalars = PlainNameTable.ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)

    static func string(_ scalars: Unicode.Scalar...) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test("pairs of table scalars, one in thirteen, match the transforms of the pair byte for byte")
    func pairs() {
        let table = PlainNameTable.shared
        var checked = 0
        for (offset, first) in Self.scalars.enumerated() {
            for second in Self.scalars.dropFirst(offset % 13).enumerated().filter({ $0.offset % 13 == 0 }).map(\.element) {
                let pair = Self.string(first, second)
                let expected = PlainNameTable.transformed(pair)
                let fromTable = table.plain(pair)
                #expect(fromTable.map { Array($0.utf8) } == Array(expected.utf8), "U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 50_000)
    }

    @Test("names keep their keys", arguments: [
        "Кластерні дні", "Европейска конференция на клъстерите", "Щастлива Юлия Ёжикова", "Łódź Świętokrzyskie Żółć",
        "Iași Cluster Days", "Ґанок Їжак Європа п'ять", "Targi „Expo” — 2024", "«Зроблено в Україні»", "Straße Øresund Æbeltoft",
        "ЩЮЯ Щюя щЮя", "Č Ć Đ Š Ž č ć đ š ž",
    ])
    func names(_ name: String) {
        #expect(PlainNameTable.shared.plain(name).map { Array($0.utf8) } == Array(PlainNameTable.transformed(name).utf8))
    }

    @Test("a name with a scalar outside the table, or not in NFC, goes through ICU")
    func outside() {
        #expect(PlainNameTable.shared.plain("Αθήνα Forum") == nil)
        #expect(PlainNameTable.shared.plain("Lo\u{301}dz") == nil)
        #expect(PlainNameTable.shared.plain("line\nbreak") == nil)
        #expect(PlainNameTable.shared.plain("пʼять") == nil)
    }
}
