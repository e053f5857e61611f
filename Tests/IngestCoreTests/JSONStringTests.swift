import IngestCore
import Testing

@Suite struct JSONStringTests {
    @Test("a JSON string line decodes, escapes included", arguments: [
        (#""plain""#, "plain"), (#"  "spaced"  "#, "spaced"), (#""a\"b\\c\/d""#, "a\"b\\c/d"), (#""\n\t\r\b\f""#, "\n\t\r\u{08}\u{0C}"),
        (#""\u0416\u00e9""#, "Жé"), (#""\ud83d\ude00""#, "😀"), (#""Клъстер""#, "Клъстер"), (#""""#, ""),
    ])
    func decodes(_ line: String, _ expected: String) {
        #expect(JSONString.decode(Array(line.utf8)) == expected)
    }

    @Test("anything but one JSON string is refused", arguments: [
        "plain", #""unterminated"#, #""a" "b""#, #""\x""#, #""\ud83d""#, #""\u12""#, "42", "{\"text\": \"a\"}", "\"tab\there\"",
    ])
    func refuses(_ line: String) {
        #expect(JSONString.decode(Array(line.utf8)) == nil)
    }

    @Test("invalid UTF-8 inside the quotes is refused")
    func invalidUTF8() {
        #expect(JSONString.decode([0x22, 0xC3, 0x28, 0x22]) == nil)
    }

    @Test("what is written reads back", arguments: ["", "plain", "quote \" and \\ slash", "line\nbreak\ttab\u{01}", "Zażółć 😀 Клъстер"])
    func roundTrip(_ text: String) {
        var out: [UInt8] = []
        JSONString.append(text, to: &out)
        #expect(JSONString.decode(out) == text)
    }
}
