import Foundation
import IngestCore
import IngestText
import Testing

/// Czech, Slovak and Belarusian are languages the product tells apart from its own and that pages quote:
/// their letters include windows-1252 extras (ž, š) and a Cyrillic letter (ў) that give mojibake away in
/// the four languages, so their clean words must survive the repairer, and their mojibake still be undone.
@Suite struct RepairCleanNeighbourTests {
    let repairer = MojibakeRepairer()

    /// Each of these was changed by the repairer before it looked at where a give-away letter stands and
    /// at how rare the characters of a reading are.
    static let sentences = [
        "Je to též otázka, o níž se mluví rovněž v novinách.",
        "Náš soused nosí zvlášť teplý plášť.",
        "Na plantáž dohlíží stráž od rána.",
        "BLÍŽENCI 22. 5. - 21. 6.",
        "Рынак «Металы» для металаў.",
        "Ніякіх падаткаў.",
        "Пяць заводаў за тое, што я ведаю.",
    ]

    @Test("clean Czech, Slovak and Belarusian text is left as it is", arguments: sentences)
    func cleanTextStays(_ text: String) {
        let result = repairer.repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    /// A Polish word ending in "ć" (the image of E3 in windows-1257) before a space and a quote read like
    /// a three-byte sequence whose middle byte, a no-break space, had become a space.
    @Test("Polish words ending in ć before a quote stay, and their mojibake comes back", arguments: [
        "Trzeba umieć „odpuścić” w porę.", "Nie można tego nazwać „sukcesem”.", "Chciał mówić „tak” i „nie”.",
    ])
    func polishWordBeforeQuote(_ text: String) throws {
        let result = repairer.repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
        let table = try #require(SingleByteTable.named("windows-1250"))
        let broken = String(decoding: table.decode(Array(text.utf8)), as: UTF8.self)
        #expect(broken != text)
        #expect(repairer.repair(broken).text == text)
    }

    @Test("the same sentences misread as UTF-8 with a single-byte code page still come back", arguments: [
        ("Je to též otázka, o níž se mluví rovněž v novinách.", "windows-1252"),
        ("Náš soused nosí zvlášť teplý plášť.", "windows-1250"),
        ("Na plantáž dohlíží stráž od rána.", "windows-1250"),
        ("Рынак «Металы» для металаў.", "windows-1251"),
        ("Ніякіх падаткаў.", "ibm866"),
        ("Пяць заводаў за тое, што я ведаю.", "windows-1251"),
    ])
    func mojibakeOfThemComesBack(_ clean: String, _ codePage: String) throws {
        let table = try #require(SingleByteTable.named(codePage))
        let broken = String(decoding: table.decode(Array(clean.utf8)), as: UTF8.self)
        #expect(broken != clean)
        #expect(repairer.repair(broken).text == clean)
    }
}
