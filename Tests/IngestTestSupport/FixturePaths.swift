import Foundation

/// Where the shared test corpus lives: `Fixtures/` at the package root, found from this file's path so
/// every test target reads the same files without copying them into bundles.
public enum FixturePaths {
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static var fixtures: URL { packageRoot.appendingPathComponent("Fixtures") }
    public static var pages: URL { fixtures.appendingPathComponent("pages") }
    /// WARC files built from `pages/` by `Scripts/make-warc-fixtures.py`.
    public static var warc: URL { fixtures.appendingPathComponent("warc") }
    /// The page files the WARC fixtures hold, as `Fixtures/warc/pages.txt` lists them.
    public static func warcPageNames() -> [String] {
        let list = (try? String(contentsOf: warc.appendingPathComponent("pages.txt"), encoding: .utf8)) ?? ""
        return list.split(separator: "\n").map(String.init)
    }

    public static var expected: URL { fixtures.appendingPathComponent("expected") }
    public static var expectedParagraphs: URL { fixtures.appendingPathComponent("pages-expected") }
    public static var schemas: URL { packageRoot.appendingPathComponent("Schemas") }

    /// Fixture page file names, sorted.
    public static func pageNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []).filter { $0.hasSuffix(".html") }.sorted()
    }

    public static func bytes(ofPage name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: pages.appendingPathComponent(name)))
    }

    /// A fresh, empty directory for one test.
    public static func temporaryDirectory(_ label: String = #function) throws -> URL {
        let name = label.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString.prefix(8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-tests").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
