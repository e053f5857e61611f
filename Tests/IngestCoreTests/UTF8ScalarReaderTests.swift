import IngestCore
import Testing

@Suite struct UTF8ScalarReaderTests {
    /// One, two, three and four bytes a scalar: ASCII, Cyrillic and Polish letters, a dash and quotes,
    /// an emoji, a combining mark, and the highest scalar of each length.
    @Test(
        "the scalars read from a string's UTF-8 are its unicodeScalars, each with its UTF-8 width",
        arguments: ["Grow your Region", "Второто издание, 8–9 ноември 2017 г.", "Łódź „Kraków”", "🎉 e\u{301}", "\u{7F}\u{7FF}\u{FFFF}\u{10FFFF}", ""])
    func matchesUnicodeScalars(_ text: String) {
        var text = text
        let read = text.withUTF8 { utf8 in
            var scalars: [(Unicode.Scalar, Int)] = []
            var offset = 0
            while offset < utf8.count {
                let (scalar, length) = UTF8ScalarReader.scalar(in: utf8, at: offset)
                scalars.append((scalar, length))
                offset += length
            }
            return scalars
        }
        #expect(read.map(\.0) == Array(text.unicodeScalars))
        #expect(read.map(\.1) == text.unicodeScalars.map { UTF8.width($0) })
    }
}
