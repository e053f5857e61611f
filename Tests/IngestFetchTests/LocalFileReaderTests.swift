import Foundation
import IngestCore
import IngestFetch
import IngestTestSupport
import Testing

@Suite struct LocalFileReaderTests {
    func collect(_ reader: LocalFileReader) async -> [InputItem] {
        var items: [InputItem] = []
        for await item in reader { items.append(item) }
        return items
    }

    func write(_ files: [String: String], under root: URL) throws {
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    static let tree = [
        "b.html": "<p>b", "a.html": "<p>a", "sub/c.htm": "<p>c", "sub/notes.txt": "not a page", ".hidden/d.html": "<p>d",
    ]

    @Test("a directory is walked recursively in sorted order, reading only page files")
    func directoryWalk() async throws {
        let root = try FixturePaths.temporaryDirectory()
        try write(Self.tree, under: root)
        let items = await collect(try LocalFileReader(inputs: [.path(root.path)]))
        let urls = items.compactMap { item -> String? in
            if case .document(let document) = item { return document.source.url }
            return nil
        }
        #expect(urls == ["file:a.html", "file:b.html", "file:sub/c.htm"])
    }

    @Test("ids depend on the path below the input root, so moving the tree keeps them")
    func stableIDs() async throws {
        let first = try FixturePaths.temporaryDirectory()
        let second = try FixturePaths.temporaryDirectory()
        try write(Self.tree, under: first)
        try write(Self.tree, under: second)
        let ids = { (root: URL) async throws -> [PageID] in
            await self.collect(try LocalFileReader(inputs: [.path(root.path)])).compactMap {
                if case .document(let document) = $0 { return document.id }
                return nil
            }
        }
        #expect(try await ids(first) == ids(second))
        #expect(try await ids(first).count == 3)
    }

    @Test("a document carries its bytes, size and SHA-256")
    func documentContents() async throws {
        let root = try FixturePaths.temporaryDirectory()
        try write(["a.html": "<p>a"], under: root)
        let items = await collect(try LocalFileReader(inputs: [.path(root.appendingPathComponent("a.html").path)]))
        guard case .document(let document)? = items.first else {
            Issue.record("expected a document")
            return
        }
        #expect(document.raw == Array("<p>a".utf8))
        #expect(document.source.bytes == 4)
        #expect(document.source.sha256 == SHA256Hex.digest("<p>a".utf8))
        #expect(document.source.fetchedAt?.hasSuffix("Z") == true)
    }

    @Test("a list file names inputs one per line, skipping blanks and comments; missing entries become failures")
    func listFile() async throws {
        let root = try FixturePaths.temporaryDirectory()
        try write(["a.html": "<p>a", "b.html": "<p>b"], under: root)
        let list = root.appendingPathComponent("list.txt")
        try Data("# pages\n\(root.path)/a.html\n\n\(root.path)/missing.html\r\n\(root.path)/b.html".utf8).write(to: list)
        let items = await collect(try LocalFileReader(inputs: [.list(list.path)]))
        #expect(items.count == 3)
        guard case .failed(_, _, let code, let message) = items[1] else {
            Issue.record("expected the missing file to fail")
            return
        }
        #expect(code == .unreadable)
        #expect(message.contains("missing.html"))
    }

    /// `--input -` is standard input; a list names files, and its line "-" is a file of that name.
    @Test("a line - in a list is a file named -, not standard input", .timeLimit(.minutes(1)))
    func dashInList() async throws {
        let root = try FixturePaths.temporaryDirectory()
        let list = root.appendingPathComponent("list.txt")
        try Data("-\n".utf8).write(to: list)
        let reader = try LocalFileReader(inputs: [.list(list.path)])
        #expect(reader.expectedInputCount() == 1)
        let items = await collect(reader)
        guard items.count == 1, case .failed(_, _, .unreadable, let message) = items[0] else {
            Issue.record("expected one dead letter: \(items)")
            return
        }
        #expect(message == "no such file: ./-")
    }

    @Test("a list saved with a byte order mark and CR LF reads its first path; one that is not UTF-8 is a dead letter saying so")
    func listEncoding() async throws {
        let root = try FixturePaths.temporaryDirectory()
        try write(["a.html": "<p>a", "b.html": "<p>b"], under: root)
        let list = root.appendingPathComponent("list.txt")
        let stray = Array("\(root.path)/b".utf8) + [0xFF] + Array(".html".utf8)
        try Data([0xEF, 0xBB, 0xBF] + Array("\(root.path)/a.html\r\n".utf8) + stray + Array("\r\n\(root.path)/b.html\r\n".utf8))
            .write(to: list)
        let items = await collect(try LocalFileReader(inputs: [.list(list.path)]))
        #expect(items.count == 3)
        guard case .document(let first)? = items.first, case .failed(_, let source, .unreadable, let message) = items[1],
            case .document = items[2]
        else {
            Issue.record("expected a page, a dead letter and a page: \(items)")
            return
        }
        #expect(first.raw == Array("<p>a".utf8))
        #expect(source.url == "file:\(root.path)/b%FF.html")
        #expect(message.contains("not UTF-8"))
    }

    @Test("a gzipped page, named so or not, is read as the page it holds; gzip data that is cut off is a dead letter")
    func gzippedPages() async throws {
        let root = try FixturePaths.temporaryDirectory()
        let page = Array(("<p>" + String(repeating: "gzipped text ", count: 500)).utf8)
        let compressed = Gzip.compress(page)
        try Data(compressed).write(to: root.appendingPathComponent("a.html.gz"))
        try Data(compressed).write(to: root.appendingPathComponent("b.html"))
        try Data(compressed.prefix(compressed.count / 2)).write(to: root.appendingPathComponent("c.html.gz"))
        try Data(Gzip.compress(Array(page.prefix(100))) + Gzip.compress(Array(page.dropFirst(100))))
            .write(to: root.appendingPathComponent("d.htm.gz"))
        try Data(compressed).write(to: root.appendingPathComponent("e.txt.gz"))
        let items = await collect(try LocalFileReader(inputs: [.path(root.path)]))
        var pages: [String: Document] = [:]
        var failures: [String: String] = [:]
        for item in items {
            switch item {
            case .document(let document): pages[document.source.url] = document
            case .failed(_, let source, _, let message): failures[source.url] = message
            case .skipped: Issue.record("nothing here is skipped")
            }
        }
        #expect(pages.keys.sorted() == ["file:a.html.gz", "file:b.html", "file:d.htm.gz"])
        #expect(pages.values.allSatisfy { $0.raw == page && $0.source.bytes == page.count })
        #expect(pages["file:a.html.gz"]?.source.sha256 == SHA256Hex.digest(page))
        #expect(failures.keys.sorted() == ["file:c.html.gz"])
        #expect(failures["file:c.html.gz"]?.contains("cannot be decompressed") == true)
        let capped = await collect(try LocalFileReader(inputs: [.path(root.path + "/a.html.gz")], maxBytes: 1000))
        guard case .failed(_, _, .tooLarge, let message)? = capped.first else {
            Issue.record("expected the page to expand past the limit: \(capped)")
            return
        }
        #expect(message.contains("expands past the input limit of 1000 bytes"))
    }

    @Test("a file over the size limit is refused without being read")
    func tooLarge() async throws {
        let root = try FixturePaths.temporaryDirectory()
        try write(["big.html": String(repeating: "x", count: 2000)], under: root)
        let items = await collect(try LocalFileReader(inputs: [.path(root.path)], maxBytes: 1000))
        guard case .failed(_, let source, let code, let message)? = items.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(code == .tooLarge)
        #expect(source.bytes == 2000)
        #expect(message.contains("over the input limit of 1000 bytes"))
    }

    /// The walk opens no FIFO (with no writer, that would wait for ever): a test that hangs is a failure.
    @Test("an entry of a walk that cannot be read as a page is a dead letter that names it", .timeLimit(.minutes(1)))
    func unreadableEntries() async throws {
        let root = try FixturePaths.temporaryDirectory()
        try write(["a.html": "<p>a", "sub/b.html": "<p>b"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/broken.html", withDestinationPath: "nowhere.html")
        #expect(mkfifo(root.path + "/pipe.html", 0o600) == 0)
        #expect(mkfifo(root.path + "/pipe.txt", 0o600) == 0)
        // Names that are not UTF-8: a page and a directory holding one.
        for name in [Array("bad".utf8) + [0xFF] + Array(".html".utf8), Array("dir".utf8) + [0xFE]] {
            let path = (Array(root.path.utf8) + [0x2F] + name + [0]).map { CChar(bitPattern: $0) }
            if name.last == 0xFE {
                #expect(mkdir(path, 0o755) == 0)
            } else {
                let descriptor = open(path, O_CREAT | O_WRONLY, 0o644)
                #expect(descriptor >= 0)
                close(descriptor)
            }
        }
        let reader = try LocalFileReader(inputs: [.path(root.path)])
        let items = await collect(reader)
        var documents: [String] = []
        var failures: [String: String] = [:]
        for item in items {
            switch item {
            case .document(let document): documents.append(document.source.url)
            case .failed(_, let source, let code, let message):
                #expect(code == .unreadable)
                failures[source.url] = message
            case .skipped: Issue.record("nothing here is skipped")
            }
        }
        #expect(documents == ["file:a.html", "file:sub/b.html"])
        #expect(failures.keys.sorted() == ["file:bad%FF.html", "file:broken.html", "file:dir%FE", "file:pipe.html"])
        #expect(failures["file:broken.html"]?.contains("broken symbolic link") == true)
        #expect(failures["file:pipe.html"]?.contains("not a regular file (a FIFO)") == true)
        #expect(failures["file:bad%FF.html"]?.contains("file name is not UTF-8") == true)
        #expect(failures["file:dir%FE"]?.contains("directory name is not UTF-8") == true)
        #expect(reader.expectedInputCount() == items.count)
    }

    @Test("a symbolic link to a page is the page it points to, found in a walk or named")
    func linkedPage() async throws {
        let root = try FixturePaths.temporaryDirectory()
        let page = "<html><title>Linked</title><p>" + String(repeating: "text ", count: 200)
        try write(["pages/real.html": page], under: root)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/pages/link.html", withDestinationPath: "real.html")
        for input in [root.path + "/pages", root.path + "/pages/link.html"] {
            let items = await collect(try LocalFileReader(inputs: [.path(input)]))
            let pages = items.compactMap { item -> Document? in
                if case .document(let document) = item { return document }
                return nil
            }
            #expect(pages.count == items.count)
            #expect(pages.allSatisfy { $0.raw == Array(page.utf8) && $0.source.bytes == page.utf8.count })
        }
        // A rewritten target is new work, as a rewritten page is.
        let reader = try LocalFileReader(inputs: [.path(root.path + "/pages/link.html")])
        let before = reader.inputKey()
        try write(["pages/real.html": page + "<p>more"], under: root)
        #expect(reader.inputKey() != before)
    }

    /// Links inside the tree ("again" sorts before the "sub" it points to) leave each page under its own
    /// path; two links to one directory outside it read that directory once, under the first link's name.
    @Test("a link to a directory inside the tree, to an ancestor, or to one walked already does not repeat its pages")
    func directoryLinks() async throws {
        let root = try FixturePaths.temporaryDirectory()
        let outside = try FixturePaths.temporaryDirectory()
        try write(["a.html": "<p>a", "sub/b.html": "<p>b"], under: root)
        try write(["c.html": "<p>c"], under: outside)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/sub/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/again", withDestinationPath: root.path + "/sub")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/elsewhere", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/sub/elsewhere", withDestinationPath: outside.path)
        let reader = try LocalFileReader(inputs: [.path(root.path)])
        let items = await collect(reader)
        let urls = items.compactMap { item -> String? in
            if case .document(let document) = item { return document.source.url }
            return nil
        }
        #expect(urls == ["file:a.html", "file:elsewhere/c.html", "file:sub/b.html"])
        #expect(items.count == 3)
        #expect(reader.expectedInputCount() == 3)
    }

    /// The reader takes a stream's first bytes to tell a page from WARC records, then reads on: pages
    /// shorter than those bytes, longer, and gzipped must all come out whole.
    static func streamedPage(_ kind: String) -> (sent: [UInt8], page: [UInt8]) {
        let long = Array(("<p>" + String(repeating: "streamed text ", count: 20_000)).utf8)
        switch kind {
        case "short": return (Array(long.prefix(100)), Array(long.prefix(100)))
        case "gzipped": return (Gzip.compress(long), long)
        default: return (long, long)
        }
    }

    @Test("a pipe named as an input is read to its end, once", .timeLimit(.minutes(1)), arguments: ["long", "short", "gzipped"])
    func pipeInput(_ kind: String) async throws {
        let (sent, page) = Self.streamedPage(kind)
        let root = try FixturePaths.temporaryDirectory()
        let pipe = root.path + "/pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: pipe)
            try? handle?.write(contentsOf: sent)
            try? handle?.close()
        }
        writer.start()
        let reader = try LocalFileReader(inputs: [.path(pipe)])
        #expect(reader.readsAStream)
        #expect(reader.inputKey() == nil)
        #expect(reader.expectedInputCount() == nil)
        let items = await collect(reader)
        guard case .document(let document)? = items.first, items.count == 1 else {
            Issue.record("expected the piped page alone: \(items)")
            return
        }
        #expect(document.raw == page)
        #expect(document.source.bytes == page.count)
    }

    @Test("a missing input path is a run error with exit status 66")
    func missingInput() {
        #expect {
            _ = try LocalFileReader(inputs: [.path("/nonexistent/pages")])
        } throws: { error in
            (error as? RunError)?.exitStatus == .noInput
        }
    }
}
