@testable import IngestHTML
import Testing

@Suite struct BoilerplateLinesTests {
    /// What folding a line means: the whole line lower-cased as a string, split at spaces and line breaks.
    static func stringFold(_ text: [UInt8]) -> String {
        String(decoding: text, as: UTF8.self).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("folding on bytes lower-cases every scalar as String does", arguments: [0, 1, 2, 3])
    func everyScalar(_ quarter: Int) {
        // Every scalar of the Basic Multilingual Plane, and every one beyond it that has a lower case, between
        // letters and inside a run of spaces.
        let lower = UInt32(quarter) * 0x4000
        let upper = quarter == 3 ? 0x10FFFF : lower + 0x3FFF
        var mismatches: [String] = []
        for value in lower...upper {
            guard let scalar = Unicode.Scalar(value), value < 0x10000 || scalar.properties.changesWhenLowercased else { continue }
            let line = Array("A\(Character(scalar))Ж  \n Ł".utf8)
            if BoilerplateLines.fold(line) != Self.stringFold(line) { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "U+\(mismatches.prefix(10).joined(separator: ", U+"))")
    }

    @Test("lines of the four languages fold as strings do", arguments: [
        "  ПРОЧЕТИ   ОЩЕ ", "Strona GŁÓWNA\nŻÓŁW", "ЧИТАТИ ДАЛІ  ЄЇҐ", "Read\n\nMORE", "İstanbul ΟΔΟΣ", "", "   ", "ǅemal ǈ ǋ",
    ])
    func languages(_ line: String) {
        #expect(BoilerplateLines.fold(Array(line.utf8)) == Self.stringFold(Array(line.utf8)))
    }

    @Test("bytes that are not UTF-8 fold as String reads them, with replacement characters", arguments: [
        [0x41, 0xFF, 0x42], [0xD0], [0xD0, 0x41], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xD0, 0x9F, 0x20, 0x20, 0xFE, 0xD0, 0x9F] as [UInt8],
    ])
    func notUTF8(_ bytes: [UInt8]) {
        #expect(BoilerplateLines.fold(bytes) == Self.stringFold(bytes))
    }

    @Test("furniture in capitals is furniture", arguments: ["ПРОЧЕТИ ОЩЕ", "STRONA GŁÓWNA", "ЧИТАТИ ДАЛІ", "READ MORE"])
    func capitals(_ line: String) {
        #expect(BoilerplateLines.matches(Array(line.utf8)))
    }
}
