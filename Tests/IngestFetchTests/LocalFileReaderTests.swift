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

    @Test("a missing input path is a run error with exit status 66")
    func missingInput() {
        #expect {
            _ = try LocalFileReader(inputs: [.path("/nonexistent/pages")])
        } throws: { error in
            (error as? RunError)?.exitStatus == .noInput
        }
    }
}
