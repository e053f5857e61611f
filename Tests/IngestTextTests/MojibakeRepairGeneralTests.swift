import Foundation
import IngestCore
import IngestText
import IngestTestSupport
import Testing

/// Mojibake of any script, with the damage pages add on top: lost bytes, no-break spaces turned into
/// spaces, correct text next to broken text, emoji in two UTF-16 halves, stray C1 controls.
@Suite struct MojibakeRepairGeneralTests {
    let repairer = MojibakeRepairer()

    /// UTF-8 bytes of `text` decoded with a single-byte table, as a browser or scraper would.
    static func misread(_ text: String, as codePage: String) -> String {
        SingleByteTable.named(codePage).map { String(decoding: $0.decode(Array(text.utf8)), as: UTF8.self) } ?? text
    }

    /// What the repairer makes of `clean` misread as `codePage`, once the misreading is checked to have
    /// changed it.
    func repairMisreading(of clean: String, as codePage: String) -> MojibakeRepairer.Result {
        let broken = Self.misread(clean, as: codePage)
        #expect(broken != clean)
        return repairer.repair(broken)
    }

    @Test("UTF-8 of any script read as a Latin code page comes back", arguments: [
        ("İstanbul'da hırsızı büyü korkuttu", "windows-1252"),
        ("Rīga un Liepāja", "windows-1252"),
        ("Čeština a slovenčina", "windows-1252"),
        ("Tiếng Việt", "windows-1252"),
        ("שלום עולם", "windows-1252"),
        ("مرحبا بالعالم", "windows-1252"),
        ("日本語のテキスト", "windows-1252"),
        ("He said ❤️ and 😍", "windows-1252"),
        ("hotel $̶6̶3̶ now", "windows-1252"),
        ("Liège et l'Hôpital", "windows-1250"),
        ("Šveices baņķieri", "windows-1257"),
    ])
    func otherScripts(_ clean: String, _ codePage: String) {
        let result = repairMisreading(of: clean, as: codePage)
        #expect(result.text == clean)
        // Several code pages may read the same bytes alike ("Å¡" is š in windows-1252 and -1257).
        #expect(result.repairs.first?.chain.hasPrefix("utf-8 read as ") == true)
    }

    /// windows-1250 leaves 0x81, 0x83 and 0x90 undefined and shows them as C1 controls, as ISO-8859-2 does,
    /// so "с" ("Ń\u{81}") fits both; ISO-8859-2 reads the "ľ" and "Ľ" of "о" and "м" as other bytes, making
    /// "саХ" of "сам" and "ТеХу" of "Тому", with a capital after a small letter, which tells the two apart.
    /// Where no capital does ("маски", "виводу"), the control is no vote for ISO-8859-2, which would make
    /// "Хаски" and "виведу" of them.
    @Test("UTF-8 Cyrillic read as windows-1250 comes back as windows-1250's, not ISO-8859-2's", arguments: [
        "сам", "дому", "Тому", "само", "Искам", "синком", "Ти це сам знаєш.", "маски", "машина", "виводу", "нашкодив",
    ])
    func cyrillicReadAsWindows1250(_ clean: String) {
        let result = repairMisreading(of: clean, as: "windows-1250")
        #expect(result.text == clean)
        #expect(result.repairs.map(\.chain) == ["utf-8 read as windows-1250"])
    }

    /// "ó" misread opening a word ("GĂłra", "Ăłsmym") shows no capital after a small letter and no
    /// give-away character; "Ă" before "ł" does, which Romanian and Vietnamese, the languages that write
    /// "Ă", never put there.
    @Test("a word whose misread letter follows a capital or opens it comes back", arguments: [
        ("Góra", "windows-1250"), ("Na Górnej ulicy", "windows-1250"), ("ósmym", "iso-8859-2"), ("Górą", "iso-8859-2"),
    ])
    func latin1LetterOpeningAWord(_ clean: String, _ codePage: String) {
        #expect(repairMisreading(of: clean, as: codePage).text == clean)
    }

    @Test("Romanian and Vietnamese words with \"Ă\" stay", arguments: ["Ăsta e bun", "Ăn-đoa-râ", "ĂLA", "PĂDURE"])
    func breveAStays(_ text: String) {
        #expect(repairer.repair(text).text == text)
    }

    /// A Latin-1 sign alone between spaces ("×", "§") misread into two characters, one of them a sign
    /// ("Ã—", Mac Roman's "¬ß"), is as likely a formula or an emoticon; in text the same code page broke
    /// throughout it is the sign.
    @Test("a lone sign in text misread throughout comes back", arguments: [
        ("Надруковано на папері формату А5 (148 × 210 мм) щільністю 250 г/м².", "windows-1252"),
        ("Wahania kursów określone w § 148. Przypomnijmy, że to nie pierwszy raz.", "macintosh"),
        ("Produkt ma wymiary 20 × 30 cm i waży półtora kilograma.", "windows-1252"),
    ])
    func loneSignInMisreadText(_ clean: String, _ codePage: String) {
        #expect(repairMisreading(of: clean, as: codePage).text == clean)
    }

    /// The same sign read as ISO-8859-1, whose C1 controls come through: "Ã\u{97}" is "×" (C3 97), not the
    /// combining mark U+0317 that Mac Roman reads out of it, since a combining mark never follows a space.
    @Test("a lone sign read as ISO-8859-1 in text misread throughout comes back")
    func loneSignReadAsLatin1() {
        let broken = """
            Ð\u{9D}Ð°Ð´Ñ\u{80}Ñ\u{83}ÐºÐ¾Ð²Ð°Ð½Ð¾ Ð½Ð° Ð¿Ð°Ð¿ÐµÑ\u{80}Ñ\u{96} Ñ\u{84}Ð¾Ñ\u{80}Ð¼Ð°Ñ\u{82}Ñ\u{83} Ð\u{90}5 (148 Ã\u{97} 210 Ð¼Ð¼) \
            Ñ\u{89}Ñ\u{96}Ð»Ñ\u{8C}Ð½Ñ\u{96}Ñ\u{81}Ñ\u{82}Ñ\u{8E} 250 Ð³Ñ\u{80}Ð°Ð¼Ñ\u{96}Ð².
            """
        #expect(repairer.repair(broken).text == "Надруковано на папері формату А5 (148 × 210 мм) щільністю 250 грамів.")
    }

    /// Alone, with nothing else the code page broke, the same two characters stay: a formula, an
    /// emoticon or a name.
    @Test("a lone two-character sign in otherwise clean text stays", arguments: ["Wymiary: 148 Ã— 210 mm", "siehe ¬ß 5", "x Ã· y"])
    func loneSignAloneStays(_ text: String) {
        #expect(repairer.repair(text).text == text)
    }

    @Test("UTF-8 shown on a DOS console (IBM437) comes back")
    func consoleCodePage() {
        // "#правильное питание" as UTF-8, shown with IBM437 (not a WHATWG encoding, so written out here).
        let result = repairer.repair("#╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡ ╨┐╨╕╤é╨░╨╜╨╕╨╡")
        #expect(result.text == "#правильное питание")
        #expect(result.repairs.first?.chain == "utf-8 read as ibm437")
    }

    @Test("a byte lost by the misreading becomes U+FFFD, and the rest is repaired", arguments: [
        // 0x9D, the last byte of ”, is undefined in windows-1252 and came through as U+FFFD or "?".
        ("â€œlossy decodingâ€\u{FFFD}", "“lossy decoding\u{FFFD}"),
        ("upgraded to â€œbb+â€? from", "upgraded to “bb+\u{FFFD} from"),
        ("Sloven\u{C4}\u{FFFD}ina", "Sloven\u{FFFD}ina"),
    ])
    func lostBytes(_ broken: String, _ repaired: String) {
        #expect(repairer.repair(broken).text == repaired)
    }

    @Test("a no-break space that became a space is taken back", arguments: [
        ("voil\u{C3}  le travail", "voilà le travail"),
        ("voil\u{C3} le travail", "voilà le travail"),
        ("com especial atenÃ§Ã£o Ã s crianÃ§as", "com especial atenção às crianças"),
        ("rГ©gion se trouve Г lвЂ™ouest", "région se trouve à l’ouest"),
    ])
    func restoredSpaces(_ broken: String, _ repaired: String) {
        #expect(repairer.repair(broken).text == repaired)
    }

    @Test("correct characters next to mojibake stay, the mojibake is repaired")
    func mixedSpans() {
        let broken = "la libertÃ©, l’Ã©galitÃ©, la fraternitÃ©"
        #expect(repairer.repair(broken).text == "la liberté, l’égalité, la fraternité")
    }

    @Test("an emoji written as two UTF-16 halves in UTF-8 (CESU-8) comes back whole")
    func surrogatePairs() {
        // 😍 is U+1F60D, the halves D83D DE0D, each as three bytes, read as windows-1252 (with C1 controls).
        #expect(repairer.repair("Hi guys \u{ED}\u{A0}\u{BD}\u{ED}\u{B8}\u{8D}").text == "Hi guys 😍")
    }

    @Test("C1 controls of windows-1252 text read as ISO-8859-1 become its punctuation; undefined bytes stay")
    func controlCharacters() {
        let result = repairer.repair("\u{84}Handwerk bringt dich überall hin\u{93}: Von der Schule\u{85}")
        #expect(result.text == "„Handwerk bringt dich überall hin“: Von der Schule…")
        #expect(result.repairs == [EncodingRepair(chain: "windows-1252 read as iso-8859-1", spans: 3)])
        #expect(repairer.repair("intentional \u{81} control").text == "intentional \u{81} control")
    }

    @Test("text that only looks like these misreadings is left alone", arguments: [
        "C O N C L U S Ã O",
        "Â is a letter; Ã too",
        "SELKÄ\u{A0}EDELLÄ\u{A0}MAAHAN",
        "HÅØYA ER BLÅØYD",
        "├┤a┼┐a┼┐a┼┐a",
        "ESSE CARA AI QUEM É¿",
        "NESTLÉ® requiere personal",
        "Ō¬o",
        "Qué? Sí.",
        "Η ¨ανατροφή¨ δυστυχώς",
    ])
    func lookAlikes(_ text: String) {
        let result = repairer.repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    @Test("the generated IBM437 table is what the script builds today")
    func generatedFileIsCurrent() async throws {
        #expect(try await PythonScript.run(["Scripts/build-repair-code-pages.py", "--check"]) == 0)
    }
}
