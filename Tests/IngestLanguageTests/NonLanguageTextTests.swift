@testable import IngestLanguage
import Testing

@Suite struct NonLanguageTextTests {
    @Test("addresses, handles and tags are taken out, and the words around them kept in order", arguments: [
        ("Білеты тут: https://bycard.by/afisha/123 з 18:00", "Білеты тут:   з 18:00"),
        ("пішыце на info@example.org або @citydogby", "пішыце на   або  "),
        ("глядзіце www.Example.COM/путь сёння", "глядзіце   сёння"),
        ("<a href=\"https://t.me/x\">спасылка</a> тут", " спасылка  тут"),
        ("<strong>Ён мог</strong>", " Ён мог "),
        ("<!-- заўвага --> тэкст", "  тэкст"),
    ])
    func removed(_ text: String, _ expected: String) {
        #expect(NonLanguageText.mayOccur(in: text[...]))
        #expect(NonLanguageText.removed(from: text[...]) == expected)
    }

    @Test("text without them is not touched, and a lone < or : is text", arguments: [
        "Сустрэча пачынаецца а 18:00, уваход вольны.",
        "If a < b and b < c then a < c.",
        "Ratio 3:2, see p. 14",
        "wwwx. is no address",
    ])
    func kept(_ text: String) {
        #expect(NonLanguageText.removed(from: text[...]) == text)
    }

    @Test("only an address, handle or tag sends text through the slow path", arguments: [
        ("Сустрэча а 18:00, уваход вольны.", false),
        ("Ratio 3:2 and a/b", false),
        ("see http://x.by", true),
        ("WWW.EXAMPLE.COM", true),
        ("mail me@x.by", true),
        ("a < b", true),
    ])
    func mayOccur(_ text: String, _ expected: Bool) {
        #expect(NonLanguageText.mayOccur(in: text[...]) == expected)
    }

    @Test("a Belarusian sentence with a link is Belarusian, not the link's English")
    func linkInSentence() throws {
        let detector = try LanguageDetector.bundled()
        let text = "Трэйлер фільма тут – <a href=\"https://www.youtube.com/watch?v=-S3Vs16ayis\">https://www.youtube.com/watch?v=-S3Vs16ayis</a>"
        #expect(detector.detect(text).code == "be")
        #expect(detector.detect("Трэйлер фільма тут").code == "be")
    }
}
