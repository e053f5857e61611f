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
}
