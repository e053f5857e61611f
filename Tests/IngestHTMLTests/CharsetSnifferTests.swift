import Foundation
import IngestCore
@testable import IngestHTML
import Testing

@Suite struct CharsetSnifferTests {
    let sniffer = CharsetSniffer()

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("a byte order mark wins over every declaration")
    func byteOrderMark() {
        let decision = sniffer.decide([0xEF, 0xBB, 0xBF] + bytes("<meta charset=windows-1251><p>x"), contentType: "text/html; charset=koi8-r")
        #expect(decision.used == "utf-8")
        #expect(decision.basis == .byteOrderMark)
    }

    @Test("the HTTP header wins over the meta tag")
    func headerBeatsMeta() {
        let decision = sniffer.decide([0x3C, 0x70, 0x3E, 0xE0, 0xE1] + bytes("<meta charset=iso-8859-2>"), contentType: "text/html; charset=\"windows-1251\"")
        #expect(decision.used == "windows-1251")
        #expect(decision.basis == .httpHeader)
        #expect(decision.declared == "http: windows-1251")
    }

    struct MetaCase: Sendable, CustomTestStringConvertible {
        var html: String
        var expected: String?
        /// Non-ASCII bytes after the tag: legacy bytes by default, so the declaration is not overruled.
        var tail: [UInt8] = [0xE9, 0xE0]
        var testDescription: String { html }
    }

    static let metaCases: [MetaCase] = [
        MetaCase(html: "<meta charset=\"windows-1251\">", expected: "windows-1251"),
        MetaCase(html: "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-2\">", expected: "iso-8859-2"),
        MetaCase(html: "<meta content='text/html;charset=koi8-u' http-equiv='content-type'>", expected: "koi8-u"),
        MetaCase(html: "<meta content=\"text/html; charset=cp1250\">", expected: nil),
        MetaCase(html: "<!-- <meta charset=koi8-r> --><p>", expected: nil),
        MetaCase(html: "<div title='<meta charset=koi8-r>'></div>", expected: nil),
        MetaCase(html: "<meta charset=latin1>", expected: "windows-1252"),
        MetaCase(html: "<meta charset=utf-16>", expected: "utf-8", tail: Array("é".utf8)),
    ]

    @Test("the meta prescan follows the Encoding Standard", arguments: metaCases)
    func metaPrescan(_ testCase: MetaCase) {
        let decision = sniffer.decide(bytes("<html><head>" + testCase.html + "</head><body>") + testCase.tail)
        if let expected = testCase.expected {
            #expect(decision.used == expected)
            #expect(decision.basis == .metaTag)
        } else {
            #expect(decision.basis == .detection)
        }
    }

    @Test("a meta tag after the first 1024 bytes is not seen")
    func prescanWindow() {
        let decision = sniffer.decide(bytes("<html>" + String(repeating: " ", count: 1100) + "<meta charset=windows-1251>") + [0xE0])
        #expect(decision.basis == .detection)
    }

    @Test("a legacy declaration over valid UTF-8 bytes is overruled, with a warning")
    func lyingMeta() {
        let decision = sniffer.decide(bytes("<meta charset=iso-8859-1><p>Делегація"))
        #expect(decision.used == "utf-8")
        #expect(decision.declared == "meta: iso-8859-1")
        #expect(decision.detected == "utf-8")
        #expect(decision.warnings.first?.contains("bytes are valid UTF-8") == true)
    }

    @Test("pure ASCII keeps its declaration at full confidence")
    func asciiKeepsDeclaration() {
        let decision = sniffer.decide(bytes("<meta charset=windows-1251><p>plain"))
        #expect(decision.used == "windows-1251")
        #expect(decision.confidence == 1)
    }

    @Test("with the minimal detector, undeclared non-UTF-8 bytes fall back to windows-1252 with low confidence and a warning")
    func fallback() {
        let decision = CharsetSniffer(detector: FallbackCharsetDetector()).decide(bytes("<p>") + [0xCA, 0xEB, 0xFA, 0xF1, 0xF2, 0xE5, 0xF0])
        #expect(decision.used == "windows-1252")
        #expect(decision.confidence < 0.5)
        #expect(!decision.warnings.isEmpty)
    }

    @Test("an unknown label is ignored with a warning")
    func unknownLabel() {
        let decision = sniffer.decide(bytes("<meta charset=klingon><p>x"))
        #expect(decision.used == "utf-8")
        #expect(decision.warnings.contains { $0.contains("unknown charset 'klingon'") })
    }

    @Test("a label is matched after trimming ASCII whitespace and lowercasing ASCII letters, and only then", arguments: [
        (" \tKOI8-R\n", "koi8-r"), ("\u{0C}Windows-1251\r", "windows-1251"), ("ISO_8859-2:1987", "iso-8859-2"),
        ("\u{00A0}utf-8", nil), ("utf-8\u{2003}", nil), ("\u{212A}oi8-r", nil), ("utf 8", nil),
    ] as [(String, String?)])
    func labelNormalisation(_ label: String, _ expected: String?) {
        #expect(EncodingLabel.canonicalName(for: label) == expected)
    }

    @Test("declared UTF-8 with a few broken bytes stays UTF-8 and says how many were replaced")
    func brokenUTF8() {
        let decision = sniffer.decide(bytes("<meta charset=utf-8><p>Привіт світ") + [0xFF])
        #expect(decision.used == "utf-8")
        #expect(decision.warnings.contains { $0.contains("1 invalid bytes") })
    }

    @Test("single-byte tables decode Cyrillic and Central European letters")
    func decoding() {
        #expect(TextDecoder.utf8(from: [0xCA, 0xEB, 0xFA, 0xF1, 0xF2, 0xE5, 0xF0], encoding: "windows-1251") == bytes("Клъстер"))
        #expect(TextDecoder.utf8(from: [0xB1, 0xEA, 0xB3], encoding: "iso-8859-2") == bytes("ąęł"))
        #expect(TextDecoder.utf8(from: [0xA5, 0xB9], encoding: "windows-1250") == bytes("Ąą"))
        #expect(TextDecoder.utf8(from: [0xEB, 0xCC, 0xA6], encoding: "koi8-u") == bytes("Клі"))
        #expect(TextDecoder.utf8(from: [0x81], encoding: "windows-1252") == bytes("\u{81}"))
        for name in ["windows-1251", "windows-1250", "iso-8859-2", "koi8-r", "koi8-u", "iso-8859-5", "ibm866", "x-mac-cyrillic", "windows-874"] {
            let decoded = TextDecoder.utf8(from: (0...255).map(UInt8.init), encoding: name)
            #expect(decoded.map { String(validating: $0, as: UTF8.self)?.unicodeScalars.count } == 256, "\(name)")
        }
    }

    static func encoded(_ text: String, _ encoding: String.Encoding) -> [UInt8] {
        Array(text.data(using: encoding) ?? Data())
    }

    static let koi8u = String.Encoding(rawValue: 0x8000_0A08)
    static let macCyrillic = String.Encoding(rawValue: 0x8000_0007)

    @Test("undeclared legacy bytes are detected from their letter pairs", arguments: [
        ("Клъстерът организира семинар за енергийна ефективност в Пловдив.", String.Encoding.windowsCP1251, "windows-1251"),
        ("Делегація кластера взяла участь у форумі в Жешуві, їхні партнери теж.", koi8u, "koi8-u"),
        ("Годишното общо събрание избра нов управителен съвет.", macCyrillic, "x-mac-cyrillic"),
        ("W środę w Łodzi odbyło się spotkanie przedstawicieli klastrów.", String.Encoding.windowsCP1250, "windows-1250"),
        ("Zażółć gęślą jaźń - spotkanie w Łodzi, Gdańsku i Wrocławiu.", String.Encoding.isoLatin2, "iso-8859-2"),
        ("“The conference”, she said, “was a success” – and it was.", String.Encoding.windowsCP1252, "windows-1252"),
    ])
    func detection(_ text: String, _ encoding: String.Encoding, _ label: String) {
        let bytes = Self.encoded(text, encoding)
        #expect(!bytes.isEmpty, "the sample must be representable in \(label)")
        let decision = sniffer.decide(bytes)
        #expect(decision.used == label)
        #expect(decision.basis == .detection)
    }

    @Test("a meta tag that lies about a legacy encoding is overruled by the bytes, with a warning")
    func lyingLegacyMeta() {
        let page = bytes("<html><head><meta charset=\"koi8-r\"></head><body><p>") + Self.encoded(
            "На 15 март 2024 г. в Пловдив се проведе годишният форум на клъстерите от Южен централен регион.", .windowsCP1251)
        let decision = sniffer.decide(page)
        #expect(decision.used == "windows-1251")
        #expect(decision.declared == "meta: koi8-r")
        #expect(decision.warnings.contains { $0.contains("read as windows-1251") })
    }

    /// Long enough that a steady margin adds up: these code pages decode most letters alike.
    static let siblingText = [
        "Делегація кластера взяла участь у форумі в Жешуві, їхні партнери теж приїхали на зустріч. ",
        "Spotkanie przedstawicieli klastrów odbyło się w środę w Łodzi; ich śląscy partnerzy też przyjechali. ",
        "Годишното общо събрание на Клъстера избра нов управителен съвет. Вчера се проведе и семинар. ",
    ]

    @Test("a meta tag naming a close relative of the real code page is overruled, with a warning", arguments: [
        (0, koi8u, "koi8-r", "koi8-u"),
        (1, String.Encoding.isoLatin2, "windows-1250", "iso-8859-2"),
        (2, macCyrillic, "windows-1251", "x-mac-cyrillic"),
    ])
    func lyingSiblingMeta(_ text: Int, _ encoding: String.Encoding, _ declared: String, _ real: String) {
        let page = bytes("<html><head><meta charset=\"\(declared)\"></head><body><p>")
            + Self.encoded(String(repeating: Self.siblingText[text], count: 20), encoding)
        let decision = sniffer.decide(page)
        #expect(decision.used == real)
        #expect(decision.detected == real)
        #expect(decision.declared == "meta: \(declared)")
        #expect(decision.confidence > 0.5 && decision.confidence < 1)
        #expect(decision.warnings.contains { $0.contains("meta: \(declared) is declared but the bytes read as \(real)") })
    }

    @Test("a truthful meta is kept against a close relative, even where the country domain favours the relative", arguments: [
        (0, koi8u, "koi8-u", "https://klaster.ua/"),
        (1, String.Encoding.windowsCP1250, "windows-1250", "https://klaster.pl/"),
        (2, macCyrillic, "x-mac-cyrillic", "https://klaster.bg/"),
        (2, String.Encoding.windowsCP1251, "windows-1251", "https://klaster.bg/"),
    ])
    func truthfulSiblingMeta(_ text: Int, _ encoding: String.Encoding, _ declared: String, _ url: String) {
        let page = bytes("<html><head><meta charset=\"\(declared)\"></head><body><p>")
            + Self.encoded(String(repeating: Self.siblingText[text], count: 20), encoding)
        let decision = sniffer.decide(page, hint: url)
        #expect(decision.used == declared)
        #expect(decision.basis == .metaTag)
        #expect(decision.warnings.isEmpty)
    }

    @Test("a truthful legacy meta is kept")
    func truthfulLegacyMeta() {
        let page = bytes("<meta charset=\"windows-1250\"><p>") + Self.encoded("Spotkanie odbyło się w Łodzi, w środę.", .windowsCP1250)
        #expect(sniffer.decide(page).used == "windows-1250")
        #expect(sniffer.decide(page).basis == .metaTag)
    }

    @Test("the page's country domain settles a close call", arguments: [("https://klaster.bg/a", "windows-1251")])
    func countryHint(_ url: String, _ label: String) {
        #expect(sniffer.decide(Self.encoded("Сега", .windowsCP1251), hint: url).used == label)
    }

    @Test("the prescan finds the next tag where a byte-by-byte search does", arguments: [0, 1, 7, 8, 9, 15, 16, 23, 30, 31])
    func nextTagOpen(_ position: Int) {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: 32)
        bytes[position] = UInt8(ascii: "<")
        // A byte one above and one below `<` next to it must not be taken for it.
        if position > 0 { bytes[position - 1] = UInt8(ascii: "=") }
        if position + 1 < bytes.count { bytes[position + 1] = UInt8(ascii: ";") }
        for start in 0...bytes.count {
            for end in [start, min(bytes.count, start + 9), bytes.count] {
                let expected = bytes[start..<end].firstIndex(of: UInt8(ascii: "<")) ?? end
                #expect(MetaCharsetPrescan.nextTagOpen(bytes, from: start, end: end) == expected, "from \(start) to \(end)")
            }
        }
    }
}
