import IngestCore
import IngestText
import Testing

@Suite struct EntityCleanupTests {
    @Test("entities escaped twice are decoded, however deep", arguments: [
        ("Konferencja &quot;Klastry 2022&quot;", "Konferencja \"Klastry 2022\""),
        ("&amp;#8222;Тракия Хол&amp;#8220;", "„Тракия Хол“"),
        ("R&amp;D and &amp;amp;quot;more&amp;amp;quot;", "R&D and \"more\""),
        ("&#x441;&#x432;&#x456;&#x442;", "світ"),
        ("&&amp;ż&#x1F600;", "&&ż😀"),
        ("&abcdefghij;&numero;5", "&abcdefghij;№5"),
    ])
    func decoded(_ input: String, _ expected: String) {
        let result = EntityCleanup().clean(input)
        #expect(result.text == expected)
        #expect(result.repairs.first?.chain == "html: escaped entities left in the text")
    }

    @Test("ampersands that are not entities stay", arguments: [
        "AT&T, 5 & 6, Johnson & Johnson", "&notanentity; and & ;", "&#0; &#x85; are controls", "Q&A: a&b;c",
        "&#xD800; &#1114112; &#x110000; &#; &#x; &CounterClockwiseContourIntegral; &am p; &ż; ends with &amp",
    ])
    func untouched(_ text: String) {
        let result = EntityCleanup().clean(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }
}
