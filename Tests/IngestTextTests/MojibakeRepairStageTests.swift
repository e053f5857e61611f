import IngestCore
import IngestText
import Logging
import Testing

/// The repair stage on a document: repairs are recorded, and what the page said before them is kept.
@Suite struct MojibakeRepairStageTests {
    static func document(text: String, title: String?) -> Document {
        var document = Document(id: PageID(canonicalSource: "test:repair"), source: SourceRef(url: "test:repair"), raw: Array(text.utf8))
        document.text = text
        document.title = title
        return document
    }

    let context = StageContext(runID: "r_test", logger: Logger(label: "test"))

    @Test("a repaired text keeps undos for what changed, and the title its original")
    func originalsKept() throws {
        var document = Self.document(text: "Клъстерът в РџР»РѕРІРґРёРІ", title: "РџР»РѕРІРґРёРІ 2024")
        _ = try MojibakeRepair().process(&document, context: context)
        #expect(document.text == "Клъстерът в Пловдив")
        #expect(document.title == "Пловдив 2024")
        let encoding = try #require(document.encoding)
        #expect(encoding.undo == [TextUndo(start: 12, end: 19, original: "РџР»РѕРІРґРёРІ")])
        #expect(TextUndo.apply(encoding.undo, to: document.text ?? "") == "Клъстерът в РџР»РѕРІРґРёРІ")
        #expect(encoding.originalTitle == "РџР»РѕРІРґРёРІ 2024")
        #expect(encoding.repairs.map(\.chain) == ["utf-8 read as windows-1251"])
    }

    /// windows-1251 Bulgarian shown as windows-1252: the text shows it, a title this short and this mixed
    /// does not on its own, yet went through the same decoder.
    static func misread1251(_ text: String) throws -> String {
        try #require(LegacyMisreadingRepairTests.misread(text, written: "windows-1251", readAs: "windows-1252"))
    }

    @Test("a title misread as its page's text was comes back with it")
    func titleMisreadLikeText() throws {
        let text = "Клъстерът представи новия документ на срещата в Пловдив, а презентацията е достъпна онлайн."
        let title = "Документ — Adobe FrameMaker"
        let misreadTitle = try Self.misread1251(title)
        #expect(MojibakeRepairer().repair(misreadTitle).text == misreadTitle)
        var document = Self.document(text: try Self.misread1251(text), title: misreadTitle)
        _ = try MojibakeRepair().process(&document, context: context)
        #expect(document.text == text)
        #expect(document.title == title)
        let encoding = try #require(document.encoding)
        #expect(encoding.originalTitle == misreadTitle)
        #expect(encoding.repairs.map(\.chain) == ["windows-1251 read as windows-1252"])
    }

    /// Without a legacy misreading in the text, a title with letters beyond ASCII is its own evidence; and
    /// a title whose Latin words the page's misreading would fill with Cyrillic letters ("Cafй") was not
    /// misread (written "Caf&eacute;", it reached the page's decoder as ASCII), and stays.
    @Test("a title stays when its page shows no legacy misreading, or when its Latin words would take Cyrillic letters", arguments: [
        ("Café Sofia opens on the square, with tables outside.", false), ("Клъстерът представи новия документ на срещата в Пловдив.", true),
    ])
    func titleStays(_ text: String, misread: Bool) throws {
        let title = "Café Sofia — Menu"
        var document = Self.document(text: misread ? try Self.misread1251(text) : text, title: title)
        _ = try MojibakeRepair().process(&document, context: context)
        #expect(document.text == text)
        #expect(document.title == title)
    }

    @Test("clean text gets no repairs and no copy of itself")
    func cleanTextNoCopy() throws {
        var document = Self.document(text: "Клъстерът в Пловдив", title: "Пловдив 2024")
        _ = try MojibakeRepair().process(&document, context: context)
        #expect(document.encoding?.undo.isEmpty ?? true)
        #expect(document.encoding?.repairs.isEmpty ?? true)
    }
}

@Suite struct UndoDiffTests {
    @Test("undos give back the original, whatever changed where", arguments: [
        ("same", "same"), ("", "added"), ("removed", ""), ("Iaศ™i and โ€œquotesโ€", "Iași and “quotes”"),
        ("a\u{00A0}b\u{200B}c Kлъстер ", "a b c Клъстер "), ("ÐšÐ»ÑŠÑÑ‚ÐµÑ€", "Клъстер"),
        (String(repeating: "abc ", count: 50) + "Ã©" + String(repeating: " xyz", count: 50), String(repeating: "abc ", count: 50) + "é" + String(repeating: " xyz", count: 50)),
        ("completely different text here", "Зовсім інший текст тут, довший за той"),
    ])
    func roundTrip(_ original: String, _ repaired: String) {
        let undos = UndoDiff.undos(from: original, to: repaired)
        #expect(TextUndo.apply(undos, to: repaired) == original)
        #expect(undos.isEmpty == (original == repaired))
    }

    @Test("a change in a long text gives an undo the size of the change, not of the text")
    func compact() {
        let head = String(repeating: "Клъстерът ", count: 200)
        let undos = UndoDiff.undos(from: head + "РџР»РѕРІРґРёРІ" + head, to: head + "Пловдив" + head)
        #expect(undos == [TextUndo(start: 2000, end: 2007, original: "РџР»РѕРІРґРёРІ")])
    }
}
