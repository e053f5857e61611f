import Foundation
import IngestCore
import IngestText
import Testing

@Suite struct MojibakeRepairerTests {
    let repairer = MojibakeRepairer()

    @Test("seed 002's windows-874 mojibake comes back as Iași with curly quotes")
    func seed002() {
        let result = repairer.repair(
            "took place between 21-23 November 2023 in Iaศ™i. โ€œSupporting clusters could have a multiplying effect on improving regional competitivenessโ€ believes Iva Maric")
        #expect(result.text == "took place between 21-23 November 2023 in Iași. “Supporting clusters could have a multiplying effect on improving regional competitiveness” believes Iva Maric")
        #expect(result.repairs == [EncodingRepair(chain: "utf-8 read as windows-874", spans: 3)])
    }

    @Test("UTF-8 read as a single-byte code page is repaired", arguments: [
        ("Клъстер Зелена синергия", String.Encoding.windowsCP1251, "windows-1251"),
        ("Клъстер Зелена синергия", String.Encoding.windowsCP1252, "windows-1252"),
        ("Zażółć gęślą jaźń w Łodzi", String.Encoding.windowsCP1250, "windows-1250"),
        ("Делегація взяла участь у форумі", String.Encoding.windowsCP1251, "windows-1251"),
        ("“Cluster organisations are enablers” – he said", String.Encoding.windowsCP1252, "windows-1252"),
    ])
    func singleMisreading(_ clean: String, _ encoding: String.Encoding, _ chain: String) throws {
        let input = try #require(SingleByteTable.named(chain).map { String(decoding: $0.decode(Array(clean.utf8)), as: UTF8.self) })
        #expect(input != clean)
        let result = repairer.repair(input)
        #expect(result.text == clean)
        #expect(result.repairs.first?.chain == "utf-8 read as \(chain)")
    }

    /// Polish letters in UTF-8 read as windows-1251 or windows-1250 come out as a capital right after a
    /// small letter ("dolnД…", "mĂłwi"), often with no give-away character beside it.
    @Test("a capital right after a small letter of another script gives a misreading away", arguments: [
        ("dolną", "windows-1251"), ("Spójrz tylko", "windows-1251"), ("Weź kapelusz i chodź z nami!", "windows-1251"),
        ("mówi", "windows-1250"), ("Spróbuj jeszcze raz.", "windows-1250"),
    ])
    func capitalAfterSmall(_ clean: String, _ chain: String) throws {
        let input = try #require(SingleByteTable.named(chain).map { String(decoding: $0.decode(Array(clean.utf8)), as: UTF8.self) })
        #expect(input != clean)
        let result = repairer.repair(input)
        #expect(result.text == clean, "\(input)")
        #expect(result.repairs.map(\.chain) == ["utf-8 read as \(chain)"])
    }

    /// Capitals inside words of clean text: a brand in camel case, and a Latin one among Cyrillic letters
    /// whose bytes read as no UTF-8.
    @Test("clean words with a capital inside stay", arguments: ["ЕвроКлуб", "ВиК", "BiЗнес форум", "McDonald’s", "ÉcoleÉté"])
    func capitalInsideCleanWord(_ text: String) {
        let result = repairer.repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    @Test("mojibake of mojibake takes two passes")
    func doubleMisreading() throws {
        let once = try #require(SingleByteTable.named("windows-1251").map { String(decoding: $0.decode(Array("Пловдив".utf8)), as: UTF8.self) })
        let twice = try #require(SingleByteTable.named("windows-1252").map { String(decoding: $0.decode(Array(once.utf8)), as: UTF8.self) })
        let result = repairer.repair(twice)
        #expect(result.text == "Пловдив")
        #expect(result.repairs.map(\.chain) == ["utf-8 read as windows-1252", "utf-8 read as windows-1251"])
    }

    @Test("clean text is never changed", arguments: [
        "Клъстер Зелена синергия взе участие на конференцията във Валенсия, Испания.",
        "Zażółć gęślą jaźń. Łódź, Kraków, Gdańsk – 26 – 27 września 2022 r.",
        "Делегація Українського кластерного альянсу: Вінниця, Жешув, Львів, їхні партнери.",
        "“Cluster organisations are enablers” – Jonathan Loeffler, CEO of Steinbeis Europa Zentrum.",
        "Café Müller, São Paulo, naïve façade, Ærø, Øresund, Ångström — €20, № 5, 25°C.",
        "Ві Ін ВІ ЁЖ ТЪ Ña ñé ÂÃ",
        // A word-final letter, a space and a quote read as one CJK or Hangul character.
        "O etichetă „extinde” este specificată.", "chyba syntaxe poblíž „%s“", "Disse que não „sim”.",
        // Spanish questions and exclamations: "¿" opens a word that "?" closes, as "¿e" for Polish "że" never is.
        "¿Acepta este acuerdo?", "Nun pudo bloquiase'l direutoriu (%s), ¿yes root?", "¡Hola, señor!",
    ])
    func cleanTextUntouched(_ text: String) {
        let result = repairer.repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }
}

@Suite struct DoubleMojibakeTests {
    static func misread(_ text: String, _ encoding: String) -> String {
        SingleByteTable.named(encoding).map { String(decoding: $0.decode(Array(text.utf8)), as: UTF8.self) } ?? text
    }

    @Test("two misreadings in any order are undone", arguments: [
        ("windows-1252", "windows-1252", "януари и жените ни"),
        ("windows-1252", "windows-1251", "Делегація взяла участь у форумі"),
        ("windows-1251", "windows-1252", "Пловдив, 15 март"),
        ("windows-1251", "windows-1252", "Іспанська федерація (ісп. Federación de Mujeres) у Мадриді"),
    ])
    func twice(_ first: String, _ second: String, _ clean: String) {
        let broken = Self.misread(Self.misread(clean, first), second)
        #expect(MojibakeRepairer().repair(broken).text == clean)
    }

    /// "ці" in UTF-8 is what KOI8-U shows for "æ": once the first pass has undone windows-1251, a second
    /// pass must not take the word for the rest of a double misreading.
    @Test("a word the first pass repaired is not read again into another script", arguments: [
        "ці", "За ці тижні він не знайшов часу.", "Проте зрештою ці спроби нічого не дали.",
    ])
    func repairedWordStays(_ clean: String) {
        let result = MojibakeRepairer().repair(Self.misread(clean, "windows-1251"))
        #expect(result.text == clean)
        #expect(result.repairs.map(\.chain) == ["utf-8 read as windows-1251"])
    }

    @Test("a half-way repair is rolled back rather than leaving new control characters")
    func rollback() {
        // "Â€" round-trips to U+0080, a control character the input did not have and no pass can remove.
        let text = "Tag Â€ left"
        let result = MojibakeRepairer().repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    @Test("a double misreading of one letter is repaired in full")
    func doubleLetter() {
        #expect(MojibakeRepairer().repair("Ã\u{90}Â½ only partly broken").text == "н only partly broken")
    }
}

@Suite struct LegacyMisreadingTests {
    static func misread(_ text: String, written: String, readAs: String) -> String {
        guard let reader = SingleByteTable.named(readAs), let bytes = text.data(using: written == "windows-1251" ? .windowsCP1251 : .windowsCP1250)
        else { return text }
        return String(decoding: reader.decode(Array(bytes)), as: UTF8.self)
    }

    @Test("windows-1251 text read as windows-1252 is re-read by language")
    func cp1251AsCP1252() {
        let clean = "На 15 март 2024 г. в Пловдив се проведе годишният форум на клъстерите."
        let broken = Self.misread(clean, written: "windows-1251", readAs: "windows-1252")
        let result = MojibakeRepairer().repair(broken)
        #expect(result.text == clean)
        #expect(result.repairs.first?.chain == "windows-1251 read as windows-1252")
    }

    @Test("symbols, accents and box drawing in otherwise English text are left alone", arguments: [
        "Price: £5, €7, ¥900, ¢50", "x² + y³ = z½ ¼ ¾", "ÀÁÂÃÄÅ are Latin capitals with accents", "Box ┌─┐│└┘ ░▒▓ █",
    ])
    func lookAlikes(_ text: String) {
        #expect(MojibakeRepairer().repair(text).text == text)
    }
}
