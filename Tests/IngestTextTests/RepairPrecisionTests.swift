import Foundation
import IngestCore
import IngestText
import Testing

/// Where mojibake and clean text look alike, the repairer must leave clean text alone and still find the
/// misreadings that only context gives away.
@Suite struct RepairPrecisionTests {
    let repairer = MojibakeRepairer()

    static func misread(_ text: String, writtenIn written: String, readAs reader: String) -> String {
        let encoder = SingleByteTable.named(written).map { table in
            Dictionary(table.scalars.enumerated().map { ($0.element, UInt8($0.offset)) }, uniquingKeysWith: { first, _ in first })
        }
        let bytes: [UInt8] = text.unicodeScalars.map { scalar in
            written == "utf-8" ? [] : [encoder?[scalar] ?? 0x3F]
        }.flatMap { $0 }
        let source = written == "utf-8" ? Array(text.utf8) : bytes
        return SingleByteTable.named(reader).map { String(decoding: $0.decode(source), as: UTF8.self) } ?? text
    }

    @Test("text that only looks like mojibake is left as it is", arguments: [
        "AHÅ™, the new shelf from the catalogue",
        "a length of 10 Å— measured",
        "There are a lot of Ã’s in this list",
        "FILMÂ TITLE in capitals",
        "NICIODATĂ™ spus",
        "(-1/2)! = √π",
        "OK :(   `¬´   ):",
        "Mccoy – DrÃ¥ber and friends",
        "wow ´´ that",
        "iOS, macOS, eBay and x² + y³ ± 5 m²",
        // "е" is a two-byte lead in KOI8-R, so the span takes in the space after it as a possible lost
        // 0xA0; no other page may use it so: windows-1251 would read "е „" as E5 A0 84, "堄", and IBM866
        // "те " as E2 A5 A0, "⥠", taking the word break with it.
        "Ако РЕЖИМът е „L“, съответният поток ще се буферира поредово.",
        "настройката „push.default“ е „nothing“ (нищо)",
        "„%s“ ще презапише локалните промѐни на тези файлове:\n%%sПодайте или скатайте промѐните, за да извършите „%s“.",
        // Polish sets a no-break space before a dash: "ć", the no-break space and "–" are E6 A0 96 in
        // windows-1250, "栖", and "ę" with them another CJK character in windows-1257.
        "Nie chcę tego robić\u{A0}– „tak”, a nie „nie”.",
        "Poszli na łąkę\u{A0}– „tak“",
        "Trzeba coś mieć\u{A0}– „x“",
        "Są® stłoczone i\u{A0}nie „mają“ tła.",
        // "дії" is E4 B3 BF in windows-1251, "䳿", and "зі”" E7 B3 94, "糔": readings that leave the quote
        // "„", which made the span suspicious, as it was.
        "Є дві „дії” у мужності: терпіти і нападати.",
        "Про „дії” піратів писали поеми.",
        "Компанії „зі” збору сміття поставляють пластикові відходи.",
        "Хлопець прийшов „зі” щирим серцем.",
        // Thai "ใน" ("in") and a space are E3 B9 A0 in windows-874, "㹠": no reading may make a character
        // of CJK Extension A, which real text hardly uses.
        "ดาวน์โหลด %sB ใน %s (%sB/s)",
        "กำลังสร้างแพกเกจ '%s' ใน '%s'",
        // A sign glued to a dash between spaces ("–®" is "Ш" in Mac Cyrillic) is no letter of a word, and
        // a whole Ukrainian word with a sign glued to it ("зі™" is "糙" in windows-1251) no misreading.
        "Азурит –® мінерал класу карбонатів, «водний» карбонат міді",
        "Книги –® „морська“ глибина",
        "На березі цілодобово “лунає” музика, по суті –™ нестерпна",
        "Недовго думаючи, випиваю половину кислого молока зі™ „сметаною.“",
        // Cyrillic capitals that alternate like the images of lead bytes, with no continuation byte to read.
        "СРСР", "СССР", "РСФСР", "РСРС ТА",
        // Cyrillic capitals whose bytes are the UTF-8 of an archaic Cyrillic letter ("СІ" as "Ѳ"), a
        // modifier letter ("КІ" as "ʲ", "ЫЎ" as "ˮ") or a Greek combining mark ("ЌЕ" in Mac Cyrillic as "ͅ").
        "СІРІ НЕ ПІДЛЯГАЛИ ІНСТРУКЦІЯМ ПЕТРЕНКА.", "ПОРИВЧАСТІ РУХИ, ГОСТРІ СІРІ ОЧІ, МІЦНО ЗАТИСНУТІ УСТА.", "КІЕЎ",
        "І МНЕ БЫЛО ТАК КРЫЎДНА.", "КОГА ЌЕ ДОЈДАМ ЌЕ СЕ ДОГОВОРИМЕ.", "ШТО ЋЕ РЕЋИ?",
    ])
    func lookAlikesStay(_ text: String) {
        let result = repairer.repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    @Test("legacy text read with a close code page is re-read from the symbols inside its words", arguments: [
        ("iso-8859-2", "windows-1250"), ("windows-1250", "iso-8859-2"), ("windows-1250", "windows-1252"),
    ])
    func polishConfusions(_ written: String, _ reader: String) {
        let clean = "Zażółć gęślą jaźń, podaną piłką, któż to wie, kimś był."
        let broken = Self.misread(clean, writtenIn: written, readAs: reader)
        #expect(broken != clean)
        let result = repairer.repair(broken)
        #expect(result.text == clean)
        #expect(result.repairs.map(\.chain) == ["\(written) read as \(reader)"])
    }

    @Test("KOI8-U and windows-1251 confused either way are undone", arguments: [("windows-1251", "koi8-u"), ("koi8-u", "windows-1251")])
    func cyrillicConfusions(_ written: String, _ reader: String) {
        let clean = "Вече мина доста време, малко повече от месец"
        let result = repairer.repair(Self.misread(clean, writtenIn: written, readAs: reader))
        #expect(result.text == clean)
        #expect(result.repairs.map(\.chain) == ["\(written) read as \(reader)"])
    }

    @Test("a span the text elsewhere shows as windows-1250 is read with it, not with windows-1252")
    func votesAcrossSpans() {
        let broken = Self.misread("współnotowego dotyczącego", writtenIn: "utf-8", readAs: "windows-1250")
        #expect(repairer.repair(broken).text == "współnotowego dotyczącego")
    }

    @Test("between ISO-8859-2 and windows-1250 the reading that keeps a word's case wins")
    func caseDecides() {
        let broken = Self.misread("café résumé", writtenIn: "utf-8", readAs: "iso-8859-2")
        #expect(repairer.repair(broken).text == "café résumé")
    }

    @Test("the second of two misreadings is undone even where it left no give-away character")
    func doubleWithoutGiveAway() {
        let once = Self.misread("której", writtenIn: "utf-8", readAs: "windows-1250")
        let twice = Self.misread(once, writtenIn: "utf-8", readAs: "windows-1252")
        let result = repairer.repair(twice)
        #expect(result.text == "której")
        #expect(result.repairs.map(\.chain) == ["utf-8 read as windows-1252", "utf-8 read as windows-1250"])
    }

    /// Text partly misread: the clean part shows which language the misread word is in. A lone letter
    /// ("pÅ‚aca") is taken when the clean text writes letters of its script, and a clean word before a
    /// space ("мама ", where "а" is what ISO-8859-5 shows for a lead byte) is not read together with the
    /// misread word after it.
    @Test("a misread word amid clean text of its language comes back", arguments: [
        ("Zanim zdołała odpowiedzieć, stała się rzecz straszna. Jaka praca, taka ", "płaca.", "windows-1252"),
        ("Nowak nie robił nam żadnych wymówek. Ale sama wtedy nie ", "spała.", "windows-1252"),
        ("Istotnie widzę teraz, że słońce jest już nisko. Dopiero zdaje ci ", "się.", "windows-1250"),
        ("Морфологічні ознаки іменника ", "Всі формальності виконані.", "windows-1252"),
        ("мама ", "виконані.", "windows-1252"),
    ])
    func misreadWordAmidCleanText(_ clean: String, _ misreadPart: String, _ reader: String) {
        let broken = clean + Self.misread(misreadPart, writtenIn: "utf-8", readAs: reader)
        let result = repairer.repair(broken)
        #expect(result.text == clean + misreadPart)
        // "Ä™" reads the same in windows-1250 and windows-1252, so the chain may name either.
        #expect(result.repairs.count == 1)
        #expect(result.repairs.allSatisfy { $0.chain.hasPrefix("utf-8 read as windows-125") })
    }

    /// UTF-8 Cyrillic whose every byte reads as a letter of the page: only "Р" and "С" (or "Đ" and "Ń"),
    /// the images of the leads, at every other character give it away.
    @Test("a Cyrillic word misread into letters alone comes back", arguments: [
        ("дикий", "windows-1251"), ("відділ", "windows-1251"), ("Дали", "windows-1251"), ("від", "windows-1251"),
        ("мой", "windows-1250"), ("якій", "windows-1250"), ("Няма", "windows-1250"),
    ])
    func cyrillicLettersAlone(_ clean: String, _ reader: String) {
        let broken = Self.misread(clean, writtenIn: "utf-8", readAs: reader)
        let result = repairer.repair(broken)
        #expect(result.text == clean)
        #expect(result.repairs.map(\.chain) == ["utf-8 read as \(reader)"])
    }

    @Test("whole characters of other scripts come back", arguments: [("ελληνικά", "windows-1252"), ("Ελληνικά και 日本語", "windows-1252")])
    func otherScripts(_ clean: String, _ reader: String) {
        #expect(repairer.repair(Self.misread(clean, writtenIn: "utf-8", readAs: reader)).text == clean)
    }
}
