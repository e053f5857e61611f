import Foundation
@testable import IngestFetch
import IngestTestSupport
import Testing

@Suite struct LineSourceTests {
    func lines(_ bytes: [UInt8], escapesPercent: Bool = true) throws -> [(String, Bool)] {
        let file = try FixturePaths.temporaryDirectory().appendingPathComponent("list.txt")
        try Data(bytes).write(to: file)
        let source = LineSource(path: file.path, escapesPercent: escapesPercent)
        var read: [(String, Bool)] = []
        while let line = source.nextLine() { read.append((line, source.lastLineIsUTF8)) }
        return read
    }

    @Test("a byte order mark before the first line is not part of it, and CR LF and LF both end a line")
    func byteOrderMark() throws {
        let read = try lines([0xEF, 0xBB, 0xBF] + Array("/pages/a.html\r\n/pages/b.html\n\u{FEFF}c\r\nlast".utf8))
        #expect(read.map(\.0) == ["/pages/a.html", "/pages/b.html", "\u{FEFF}c", "last"])
        #expect(read.allSatisfy { $0.1 })
    }

    @Test("a line that is not UTF-8 says so, its stray bytes written %XX; a path's % too, a URL's own escapes kept")
    func notUTF8() throws {
        let line = Array("/a%20b".utf8) + [0xFF] + Array("é.html".utf8)
        let asPath = try lines(line + [0x0A] + Array("/ok.html".utf8))
        #expect(asPath.map(\.0) == ["/a%2520b%FFé.html", "/ok.html"])
        #expect(asPath.map(\.1) == [false, true])
        let asURL = try lines(Array("https://example.com/a%20b".utf8) + [0xE9], escapesPercent: false)
        #expect(asURL.map(\.0) == ["https://example.com/a%20b%E9"])
        #expect(asURL.map(\.1) == [false])
    }
}
