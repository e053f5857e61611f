import IngestCore
import Testing

@Suite struct JSONStringTests {
    @Test("a JSON string line decodes, escapes included", arguments: [
        (#""plain""#, "plain"), (#"  "spaced"  "#, "spaced"), (#""a\"b\\c\/d""#, "a\"b\\c/d"), (#""\n\t\r\b\f""#, "\n\t\r\u{08}\u{0C}"),
        (#""\u0416\u00e9""#, "Жé"), (#""\ud83d\ude00""#, "😀"), (#""Клъстер""#, "Клъстер"), (#""""#, ""),
        (#""\u0000x\u007f\u0080\u07FF\u0800\uFFFF""#, "\u{0}x\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}"), (#""\uDBFF\uDFFF\\n""#, "\u{10FFFF}\\n"),
        (#""Zaż\"ółć\u0105""#, "Zaż\"ółćą"), (#""\ud83d\ude00\ud83d\ude00""#, "😀😀"),
    ])
    func decodes(_ line: String, _ expected: String) {
        #expect(JSONString.decode(Array(line.utf8)) == expected)
    }

    @Test("anything but one JSON string is refused", arguments: [
        "plain", #""unterminated"#, #""a" "b""#, #""\x""#, #""\ud83d""#, #""\u12""#, #""\ude00""#, #""\ud83d\u0041""#,
        #""\ud83d\ud83d""#, #""ż\ude00""#, #""\u12g4""#, #""ends with \""#, #""ż\""#, "\"ż\u{01}\\n\"", "42", "{\"text\": \"a\"}", "\"tab\there\"",
    ])
    func refuses(_ line: String) {
        #expect(JSONString.decode(Array(line.utf8)) == nil)
    }

    @Test("invalid UTF-8 inside the quotes is refused")
    func invalidUTF8() {
        #expect(JSONString.decode([0x22, 0xC3, 0x28, 0x22]) == nil)
        // With escapes too: the unescaped bytes are checked after decoding.
        #expect(JSONString.decode([0x22, 0xC3, 0x5C, 0x6E, 0x22]) == nil)
        #expect(JSONString.decode([0x22, 0x5C, 0x6E, 0xC3, 0x22]) == nil)
        #expect(JSONString.decode([0x22, 0x5C, 0x6E, 0xC3, 0xA9, 0x22]) == "\né")
    }

    @Test("what is written reads back", arguments: ["", "plain", "quote \" and \\ slash", "line\nbreak\ttab\u{01}", "Zażółć 😀 Клъстер"])
    func roundTrip(_ text: String) {
        var out: [UInt8] = []
        JSONString.append(text, to: &out)
        #expect(JSONString.decode(out) == text)
    }
}
