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
