import Foundation
import Glibc
import IngestCore
@testable import IngestHTML
import IngestTestSupport
import Logging
import Testing

@Suite struct PrestrippedPagesTests {
    static let context = StageContext(runID: "r_test", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))

    static func document(_ number: Int, site: String = "klaster.example", raw: [UInt8]? = nil) -> Document {
        let bytes = raw ?? TemplateLearningTests.page(number)
        let url = "https://\(site)/news/\(number)"
        return Document(
            id: PageID(canonicalSource: url), source: SourceRef(url: url, bytes: bytes.count, sha256: "sha-\(number)-\(bytes.count)"),
            raw: bytes, headers: ["content-type": "text/html; charset=utf-8"])
    }

    /// Runs the pre-pass's steps over `documents`: sample, learn, keep, settle.
    static func prepare(_ documents: [Document], budget: Int = 1 << 20, directory: URL? = nil) throws -> HTMLStrip {
        let directory = try directory ?? FixturePaths.temporaryDirectory("prestripped")
        return try prepare(documents, into: PrestrippedPages(budgetBytes: budget, directory: directory.path))
    }

    static func prepare(_ documents: [Document], into kept: PrestrippedPages) throws -> HTMLStrip {
        let strip = HTMLStrip()
        var learner = TemplateLearner()
        var kept = kept
        for document in documents {
            let site = SiteKey.of(url: document.source.url, raw: document.raw)
            let sampled = try strip.sample(
                document.raw, contentType: document.headers["content-type"], url: document.source.url, keepPage: kept.hasRoom())
            learner.add(site: site, blocks: sampled.learnable)
            kept.keep(sampled, of: document, site: site)
        }
        let templates = learner.templates
        kept.settle(with: templates)
        return strip.with(templates: templates, prestripped: kept)
    }

    static func stripped(_ document: Document, by strip: HTMLStrip) throws -> Document {
        var copy = document
        _ = try strip.process(&copy, context: context)
        return copy
    }

    static func html(title: String, body: String) -> [UInt8] {
        Array("<html><head><title>\(title)</title></head><body>\(body)</body></html>".utf8)
    }

    /// Pages whose records exercise every field of the spill format.
    static let awkward: [(name: String, raw: [UInt8])] = [
        ("empty title", html(title: "", body: "<article><p>The cluster met its partners in the city hall on Monday.</p></article>")),
        (
            "structured events",
            html(
                title: "Forum",
                body: """
                    <script type="application/ld+json">{"@type":"Event","name":"Clusters Meet Regions","startDate":"2022-11-07",
                    "location":{"@type":"Place","name":"ICC","address":{"addressLocality":"Katowice","addressCountry":"PL"}},
                    "organizer":[{"name":"ECCP"},"Polish Cluster Association"],"url":"https://forum.example/e"}</script>
                    <script type="application/ld+json">{"@type":"Event","name":"Second day"}</script>
                    <article><p>The forum gathered cluster managers from twelve countries, and it went well.</p></article>
                    """)
        ),
        (
            "non-ASCII",
            html(
                title: "Новина — Łódź ☃ 𝔘",
                body: "<article><h1>Ґрант для кластерів</h1><p>Zażółć gęślą jaźń. Кластерът „Мехатроника“ 🚀 e\u{301}.</p></article>")
        ),
        (
            "huge text",
            html(
                title: "Long",
                body: "<article>"
                    + (0..<20000).map { "<p>Paragraph \($0): the cluster organised a seminar on energy efficiency.</p>" }.joined()
                    + "</article>")
        ),
    ]

    @Test("a kept page reads back exactly as the run would strip it", arguments: awkward.map(\.name))
    func awkwardRoundTrip(name: String) throws {
        let raw = try #require(Self.awkward.first { $0.name == name }).raw
        let document = Self.document(0, site: "awkward.example", raw: raw)
        let prepared = try Self.prepare([document], budget: 64 << 20)
        #expect(prepared.prestripped.count == 1)
        let fresh = try HTMLStrip().strip(raw, contentType: document.headers["content-type"], url: document.source.url)
        #expect(prepared.prestripped.page(for: document) == fresh)
        if name == "structured events" { #expect(fresh.structuredEvents.count == 2) }
        if name == "huge text" { #expect(fresh.text.utf8.count > 1 << 20) }
        if name == "empty title" { #expect(fresh.title == nil || fresh.title == "") }
    }

    @Test("every fixture page the pre-pass keeps reads back as the run would strip it", arguments: FixturePaths.pageNames())
    func fixtureRoundTrip(name: String) throws {
        let raw = try FixturePaths.bytes(ofPage: name)
        var document = Self.document(0, site: "fixture.example", raw: raw)
        document.headers = [:]
        let strip = HTMLStrip()
        // Pages the pre-pass cannot keep (empty, undecodable, without text or title) have nothing to read back.
        guard let sampled = try? strip.sample(raw, url: document.source.url, keepPage: true), sampled.page != nil else { return }
        let prepared = try Self.prepare([document])
        #expect(prepared.prestripped.count == 1)
        #expect(prepared.prestripped.page(for: document) == (try strip.strip(raw, url: document.source.url)))
    }

    @Test("a kept page is the page the run would strip, so records do not change")
    func keptPageIsTheSame() throws {
        // Four sites of one page each: too few pages to learn a template, so every page is kept.
        let documents = (0..<4).map { Self.document($0, site: "site\($0).example") }
        let prepared = try Self.prepare(documents)
        #expect(prepared.prestripped.count == 4)
        for document in documents {
            #expect(prepared.prestripped.page(for: document) != nil)
            let kept = try Self.stripped(document, by: prepared)
            let fresh = try Self.stripped(document, by: HTMLStrip())
            #expect(kept.text == fresh.text)
            #expect(kept.title == fresh.title)
            #expect(kept.encoding == fresh.encoding)
            #expect(kept.warnings == fresh.warnings)
        }
    }

    @Test("pages that learned templates touch are stripped again with the templates")
    func touchedPagesStrippedAgain() throws {
        let documents = (0..<4).map { Self.document($0) }
        let prepared = try Self.prepare(documents)
        #expect(!prepared.templates.isEmpty)
        #expect(prepared.prestripped.count == 4)
        for document in documents {
            #expect(prepared.prestripped.reading(for: document) == .touchedByTemplate)
            #expect(prepared.prestripped.page(for: document) == nil)
            let text = try Self.stripped(document, by: prepared).text ?? ""
            #expect(!text.contains(TemplateLearningTests.repeated))
            #expect(text.contains("Повече подробности ще бъдат публикувани скоро"))
        }
    }

    @Test("the pages kept stay within the byte budget")
    func budgetBounds() throws {
        let documents = (0..<40).map { Self.document($0, site: "site\($0).example") }
        let one = try Self.prepare(Array(documents.prefix(1))).prestripped.usedBytes
        #expect(one > 0)
        let prepared = try Self.prepare(documents, budget: one * 5 + one / 2)
        #expect(prepared.prestripped.count == 5)
        #expect(prepared.prestripped.usedBytes <= one * 5 + one / 2)
        #expect(prepared.prestripped.failure == nil)
        // Pages past the budget are stripped as usual.
        #expect(prepared.prestripped.page(for: documents[39]) == nil)
        let last = try Self.stripped(documents[39], by: prepared)
        #expect(last.text == (try Self.stripped(documents[39], by: HTMLStrip())).text)
    }

    /// One way each check can fail: the same id over other bytes, another hash, URL or content type.
    enum Change: String, CaseIterable {
        case bytes, sha256, url, contentType

        func apply(to document: Document) -> Document {
            var changed = document
            switch self {
            case .bytes: changed.raw = document.raw + Array(" ".utf8)
            case .sha256: changed.source.sha256 = "sha-other"
            case .url: changed.source.url = "https://alone.example/news/moved"
            case .contentType: changed.headers["content-type"] = "text/html"
            }
            return changed
        }
    }

    @Test("a page whose input changed since the pre-pass is stripped again", arguments: Change.allCases)
    func changedInputStrippedAgain(change: Change) throws {
        let original = Self.document(0, site: "alone.example")
        let prepared = try Self.prepare([original])
        #expect(prepared.prestripped.page(for: original) != nil)
        let changed = change.apply(to: original)
        #expect(prepared.prestripped.reading(for: changed) == .otherInput)
        #expect(prepared.prestripped.page(for: changed) == nil)
        #expect(try Self.stripped(changed, by: prepared).text == (try Self.stripped(changed, by: HTMLStrip())).text)
    }

    @Test("the scratch file has no name in its directory, and its pages still read back")
    func spillFileUnlinked() throws {
        let directory = try FixturePaths.temporaryDirectory()
        let documents = (0..<3).map { Self.document($0, site: "site\($0).example") }
        let prepared = try Self.prepare(documents, directory: directory)
        #expect(prepared.prestripped.count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        for document in documents {
            #expect(prepared.prestripped.page(for: document) != nil)
        }
    }

    @Test("without a directory to write to, nothing is kept and every page is stripped as usual")
    func missingDirectoryDegrades() throws {
        let missing = try FixturePaths.temporaryDirectory().appendingPathComponent("not-there")
        let documents = (0..<3).map { Self.document($0, site: "site\($0).example") }
        let prepared = try Self.prepare(documents, directory: missing)
        let kept = prepared.prestripped
        #expect(kept.count == 0)
        #expect(kept.usedBytes == 0)
        #expect(!kept.hasRoom())
        #expect(kept.failure?.contains("not-there") == true)
        for document in documents {
            #expect(try Self.stripped(document, by: prepared).text == (try Self.stripped(document, by: HTMLStrip())).text)
        }
    }

    @Test("a full disk stops keeping pages, and every page is stripped as usual")
    func fullDiskDegrades() throws {
        let descriptor = open("/dev/full", O_RDWR | O_CLOEXEC)
        try #require(descriptor >= 0)
        let documents = (0..<3).map { Self.document($0, site: "site\($0).example") }
        let prepared = try Self.prepare(documents, into: PrestrippedPages(budgetBytes: 1 << 20, file: SpillFile(adopting: descriptor)))
        let kept = prepared.prestripped
        #expect(kept.count == 0)
        #expect(!kept.hasRoom())
        #expect(kept.failure?.contains(String(cString: strerror(ENOSPC))) == true)
        for document in documents {
            #expect(kept.page(for: document) == nil)
            #expect(try Self.stripped(document, by: prepared).text == (try Self.stripped(document, by: HTMLStrip())).text)
        }
    }

    @Test("a page whose HTTP charset differs from what learning reads is learned from but not kept")
    func headerCharsetDisagrees() throws {
        // ASCII bytes: learning reads them as UTF-8, the run as the windows-1252 its header declares.
        let raw = Array(
            "<html><head><title>News</title></head><body><article><p>The cluster met its partners in the city hall.</p></article></body></html>"
                .utf8)
        let header = "text/html; charset=windows-1252"
        let strip = HTMLStrip()
        // The premise: the header makes the run decode the page otherwise than learning, which reads no header.
        try #require(try strip.strip(raw, contentType: header).charset.used != strip.strip(raw).charset.used)
        let sampled = try strip.sample(raw, contentType: header, url: "https://latin.example/1", keepPage: true)
        #expect(!sampled.learnable.isEmpty)
        #expect(sampled.page == nil)
        #expect(try strip.sample(raw, url: "https://latin.example/1", keepPage: true).page != nil)
    }
}
