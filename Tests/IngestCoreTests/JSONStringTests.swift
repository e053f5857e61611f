import IngestCore
import Testing

@Suite struct JSONStringTests {
    @Test("a JSON string line decodes, escapes included", arguments: [
        (#""plain""#, "plain"), (#"  "spaced"  "#, "spaced"), (#""a\"b\\c\/d""#, "a\"b\\c/d"), (#""\n\t\r\b\f""#, "\n\t\r\u{08}\u{0C}"),
        (#""\u0416\u00e9""#, "Жé"), (#""\ud83d\ude00""#, "😀"), (#""Клъстер""#, "Клъстер"), (#""""#, ""),
        (#""\u0000x\u007f\u0080\u07FF\u0800\uFFFF""#, "\u{0}x\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}"), (#""\uDBFF\uDFFF\\n""#, "\u{10FFFF}\\n"),
        (#""Zaż\"ółć\u0105""#, "Zaż\"ółćą"), (#""\ud83d\ude00\ud83d\ude00""#, "😀😀"),
        // Runs of escapes of every length, digits in either case, broken by other escapes and plain bytes.
        (#""\u0416\n\u00C3\u00a9x\u0041\u2014\ud83d\ude00\u0430""#, "Ж\nÃ©xA—😀а"), (#""\u0416\\u0416""#, "Ж\\u0416"),
        (#""\u00e9\u00E9\u00Ea\u00eA""#, "ééêê"), (#""\u0416\\""#, "Ж\\"),
    ])
    func decodes(_ line: String, _ expected: String) {
        #expect(JSONString.decode(Array(line.utf8)) == expected)
        #expect(Self.decodedIntoBytes(Array(line.utf8)) == Array(expected.utf8))
    }

    /// The bytes `decode(_:intoPrefixOf:)` decodes, nil when it refuses the line. The buffer starts out
    /// holding another text, as it does when a caller reuses it, shorter or longer than the line: the
    /// bytes are the same, or the same lines are refused, and the rest of the buffer is left as it was.
    private static func decodedIntoBytes(_ line: [UInt8]) -> [UInt8]? {
        var answers: [[UInt8]?] = []
        for leftOver in ["left over from the line before", "", "left over from the line before, and then some more bytes", String(repeating: "x", count: 300)] {
            var buffer = Array(leftOver.utf8)
            let length = line.withUnsafeBufferPointer { JSONString.decode($0, intoPrefixOf: &buffer) }
            if let length {
                let original = Array(leftOver.utf8)
                if original.count > length { #expect(Array(buffer[length..<original.count]) == Array(original[length...])) }
            }
            answers.append(length.map { Array(buffer[0..<$0]) })
        }
        #expect(answers.allSatisfy { $0 == answers[0] })
        return answers[0]
    }

    @Test("anything but one JSON string is refused", arguments: [
        "plain", #""unterminated"#, #""a" "b""#, #""\x""#, #""\ud83d""#, #""\u12""#, #""\ude00""#, #""\ud83d\u0041""#,
        #""\ud83d\ud83d""#, #""ż\ude00""#, #""\u12g4""#, #""ends with \""#, #""ż\""#, "\"ż\u{01}\\n\"", "42",
        #""\u0416\u12""#, #""\u0416\ude00""#, #""\u00e9\u0G00""#, #""\u0416\""#, #""\u0416\u""#, #""\ud83d\u0416\ude00""#, "{\"text\": \"a\"}", "\"tab\there\"",
    ])
    func refuses(_ line: String) {
        #expect(JSONString.decode(Array(line.utf8)) == nil)
        #expect(Self.decodedIntoBytes(Array(line.utf8)) == nil)
    }

    @Test("invalid UTF-8 inside the quotes is refused")
    func invalidUTF8() {
        #expect(JSONString.decode([0x22, 0xC3, 0x28, 0x22]) == nil)
        // With escapes too: the unescaped bytes are checked after decoding.
        #expect(JSONString.decode([0x22, 0xC3, 0x5C, 0x6E, 0x22]) == nil)
        #expect(JSONString.decode([0x22, 0x5C, 0x6E, 0xC3, 0x22]) == nil)
        #expect(JSONString.decode([0x22, 0x5C, 0x6E, 0xC3, 0xA9, 0x22]) == "\né")
        #expect(Self.decodedIntoBytes([0x22, 0x5C, 0x6E, 0xC3, 0xA9, 0x22]) == [0x0A, 0xC3, 0xA9])
    }

    @Test("decoding into bytes refuses every kind of invalid UTF-8", arguments: [
        [0xC3, 0x28], [0xC3, 0x5C, 0x6E], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
        [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF, 0x41], [0xE2, 0x82],
        [0xE2, 0x82, 0x41], [0xF0, 0x9F, 0x98], [0xFF],
    ] as [[UInt8]])
    func refusesInvalidUTF8(_ body: [UInt8]) {
        let line = [0x22] + body + [0x22]
        #expect(Self.decodedIntoBytes(line) == nil)
        #expect(JSONString.decode(line) == nil)
    }

    @Test("valid UTF-8 of every length passes through decoding into bytes unchanged", arguments: [
        "\u{80}\u{7FF}", "\u{800}\u{FFFF}\u{D7FF}\u{E000}", "\u{10000}\u{10FFFF}", "ż\\nż", "Клъстер 😀",
    ])
    func passesValidUTF8(_ text: String) {
        var line: [UInt8] = []
        JSONStringLiteral.append(text, to: &line)
        #expect(Self.decodedIntoBytes(line) == Array(text.utf8))
    }

    @Test("what is written reads back", arguments: ["", "plain", "quote \" and \\ slash", "line\nbreak\ttab\u{01}", "Zażółć 😀 Клъстер"])
    func roundTrip(_ text: String) {
        var out: [UInt8] = []
        JSONStringLiteral.append(text, to: &out)
        #expect(JSONString.decode(out) == text)
    }

    @Test("a character that needs an escape is found at any offset of a long run", arguments: ["\"", "\\", "\n", "\u{01}", "\u{1F}", "ż", "\u{7F}", " "])
    func longRuns(_ special: String) {
        for offset in 0..<20 {
            let text = String(repeating: "a", count: offset) + special + "żółć 😀" + String(repeating: "b", count: 17 - offset % 9)
            var out: [UInt8] = []
            JSONStringLiteral.append(text, to: &out)
            let escapesNeeded = special == "\"" || special == "\\" || special.unicodeScalars.first!.value < 0x20
            #expect(out.count == text.utf8.count + 2 + (escapesNeeded ? (special.unicodeScalars.first!.value < 0x20 && special != "\n" ? 5 : 1) : 0))
            #expect(JSONString.decode(out) == text)
            #expect(Self.decodedIntoBytes(out) == Array(text.utf8))
        }
    }

    /// Every C0 control, DEL, quote, backslash, slash and characters of every UTF-8 length, alone and
    /// in a row.
    static let literalTexts: [String] = ["", "plain", "quote \" and \\ slash /", "Zażółć 😀 Клъстер \u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"]
        + (0..<0x20).map { "a" + String(Unicode.Scalar(UInt8($0))) + "ж" }

    @Test("a text written from its scalars is what its string writes, appended to what was there", arguments: literalTexts)
    func scalars(_ text: String) {
        var expected = Array("left".utf8)
        JSONStringLiteral.append(text, to: &expected)
        var out = Array("left".utf8)
        Array(text.unicodeScalars).withUnsafeBufferPointer { JSONStringLiteral.append(scalars: $0, to: &out) }
        #expect(out == expected)
        #expect(JSONString.decode(out.dropFirst(4)) == text)
    }
}
