@testable import IngestEvents
import Testing

@Suite struct TokenizedTextTests {
    @Test("the fast lower case agrees with String.lowercased() on every scalar it answers for")
    func lowercaseTable() {
        var answered = 0
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value), let lower = TokenizedText.lowercase(value) else { continue }
            answered += 1
            let expected = String(Character(scalar)).lowercased()
            #expect(expected.unicodeScalars.map(\.value) == [lower], "U+\(String(value, radix: 16, uppercase: true))")
        }
        #expect(answered == 640)
        #expect(TokenizedText.lowercase(0x130) == nil)
        #expect(TokenizedText.lowercase(0x391) == nil)
    }

    @Test(
        "tokens keep their text and lower-case like String.lowercased()",
        arguments: [
            "Конференцията КЛЪСТЕР Пловдив", "ŁÓDŹ Świętokrzyskie Żółć", "Ґанок ЇЖАК Європа пʼять", "Straße İstanbul ΣΟΦΊΑ",
            "co-organised TRACE-KEI Ÿvette", "ΑΘΉΝΑ and Київ",
        ])
    func tokensMatchLowercased(text: String) {
        let tokenized = TokenizedText(text)
        #expect(tokenized.tokens.map(\.text).joined(separator: " ") == text)
        for token in tokenized.tokens {
            #expect(token.lower == token.text.lowercased())
        }
    }

    @Test("a full stop after an abbreviation written before a name ends no sentence; after a year's it does", arguments: [
        ("Форумът се проведе в гр. Русе. Дойдоха 90 души.", 2),
        ("Форум відбувся у м. Луцьк, відкрив його проф. Ткачук.", 1),
        ("Otworzył go inż. Jan Nowak. Potem dr Anna Wrona.", 2),
        ("Konferencja odbyła się w 2023 r. Tegoroczna edycja będzie większa.", 2),
        ("Събитието беше през 2023 г. Тази година ще е по-голямо.", 2),
    ])
    func abbreviations(_ text: String, _ sentences: Int) {
        #expect(TokenizedText(text).sentences.count == sentences)
    }
}
