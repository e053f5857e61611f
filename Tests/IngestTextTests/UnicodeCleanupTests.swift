import Foundation
import IngestCore
import IngestText
import Testing

@Suite struct UnicodeCleanupTests {
    let cleanup = UnicodeCleanup()

    @Test("each kind of change is made and counted", arguments: [
        ("Kлъстер Зелена синергия", "Клъстер Зелена синергия", "unicode: Latin look-alikes in Cyrillic words"),
        ("Вiнниця", "Вінниця", "unicode: Latin look-alikes in Cyrillic words"),
        ("п'ять і зв’язок", "пʼять і звʼязок", "unicode: Ukrainian apostrophes unified"),
        ("съ\u{AD}бра\u{200B}ние", "събрание", "unicode: invisible characters removed"),
        ("20\u{A0}000 участници", "20 000 участници", "unicode: unusual spaces made plain"),
        ("a\u{0007}b\u{0085}c", "abc", "unicode: control characters removed"),
        ("Iașı cafe\u{0301}", "Iașı café", "unicode: composed to NFC"),
    ])
    func changes(_ input: String, _ expected: String, _ chain: String) {
        let result = cleanup.clean(input)
        #expect(result.text == expected)
        #expect(result.repairs.contains { $0.chain == chain })
    }

    @Test("clean text in the four languages is left as it is", arguments: [
        "Клъстер Зелена синергия взе участие на конференцията Grow your Region във Валенсия.",
        "Zażółć gęślą jaźń. Łódź, Kraków, Gdańsk – 26 – 27 września 2022 r.",
        "Делегація кластера взяла участь у форумі ECCP в Жешуві, пʼять компаній.",
        "“Cluster organisations are enablers” – Jonathan Loeffler, CEO of Steinbeis Europa Zentrum.\\n\\nNext paragraph.",
        "The TRACE-KEI project and the ECCP platform, in Vinnytsia (Вінниця).",
    ])
    func cleanText(_ text: String) {
        let result = cleanup.clean(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    /// Scalars the generated texts are made of: every kind of change, its near misses, combining marks that
    /// compose or reorder, singletons NFC replaces, and letters of the pages' scripts and of others.
    static let pool: [String] = [
        "a", "c", "e", "o", "p", "x", "y", "i", "b", "z", "A", "B", "C", "E", "H", "K", "M", "O", "P", "T", "X", "I", "Q", " ", ",",
        ".", "-", "1", "'", "`", "\u{B4}", "\u{2018}", "\u{2019}", "\u{2BC}", "\u{2B9}", "\u{A0}", "\u{2000}", "\u{2001}",
        "\u{2009}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}",
        "\u{01}", "\u{07}", "\u{0B}", "\u{7F}", "\u{85}", "\u{93}", "\t", "\n", "\r", "\u{301}", "\u{308}", "\u{306}", "\u{483}",
        "\u{487}", "\u{488}", "\u{345}", "\u{327}", "\u{300}", "\u{340}", "\u{344}", "\u{374}", "\u{37E}", "\u{387}", "\u{212B}",
        "\u{2126}", "é", "Å", "Й", "й", "И", "и", "І", "і", "Ї", "ї", "є", "ґ", "а", "б", "в", "к", "л", "ъ", "с", "т", "е", "р", "А",
        "К", "Т", "α", "ι", "Α", "ἀ", "Ά", "क", "ि", "्", "ก", "ุ", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "א", "\u{5B7}", "ا",
        "\u{64B}", "中", "😀", "–", "“", "”", "…", "€", "№", "ä", "ą", "ż", "ł", "ɐ", "ˆ", "˘", "ẞ", "ß", "ı", "İ", "Ḉ", "Ё",
    ]

    @Test("gives the text and repairs of the plain scalar-by-scalar cleanup", arguments: 0..<8)
    func matchesReference(_ seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let text = (0...next(24)).map { _ in Self.pool[next(Self.pool.count)] }.joined()
            let result = cleanup.clean(text)
            let expected = ReferenceUnicodeCleanup.clean(text)
            #expect(Array(result.text.unicodeScalars) == Array(expected.text.unicodeScalars), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(result.repairs == expected.repairs, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("a text that needs nothing comes back as the same string")
    func unchangedTextIsReturned() {
        for text in ["Zażółć gęślą jaźń – „cytat”, №5, 20 €", "пʼять і Вінниця", "ASCII only", "Ἀθῆναι", "中文", ""] {
            let result = cleanup.clean(text)
            #expect(result.text.utf8.elementsEqual(text.utf8))
            #expect(result.repairs.isEmpty)
        }
    }

    /// The ranges the cleanup skips Foundation's NFC for must hold only scalars that no NFC can change:
    /// combining class 0, unchanged alone, and never after the first place of any canonical decomposition
    /// (which would let NFC compose it with the scalar before it).
    @Test("the NFC-stable ranges are proven stable by Foundation's normalisation")
    func nfcStableRangesAreStable() throws {
        var inRanges = Set<UInt32>()
        for range in UnicodeCleanup.nfcStableRanges {
            #expect(range.upperBound < 0x3000)
            for value in range {
                let scalar = try #require(Unicode.Scalar(value))
                inRanges.insert(value)
                #expect(scalar.properties.canonicalCombiningClass == .notReordered, "\(String(value, radix: 16))")
                let alone = String(Character(scalar))
                #expect(Array(alone.precomposedStringWithCanonicalMapping.unicodeScalars) == [scalar], "\(String(value, radix: 16))")
            }
        }
        // Every code point, each followed by a line feed (class 0, never composed), decomposed in one call.
        var all = String.UnicodeScalarView()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), value != 0x0A else { continue }
            all.append(scalar)
            all.append("\n")
        }
        var laterElements = 0
        var offenders: [String] = []
        var place = 0
        for scalar in String(all).decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == "\n" {
                place = 0
                continue
            }
            if place > 0 {
                laterElements += 1
                if inRanges.contains(scalar.value) { offenders.append(String(scalar.value, radix: 16)) }
            }
            place += 1
        }
        #expect(laterElements > 2_000)
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
