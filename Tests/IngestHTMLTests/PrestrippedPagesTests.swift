import Foundation
import IngestCore
import IngestHTML
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
    static func prepare(_ documents: [Document], budget: Int = 1 << 20) throws -> HTMLStrip {
        let strip = HTMLStrip()
        var learner = TemplateLearner()
        var kept = PrestrippedPages(budgetBytes: budget)
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

    @Test("a kept page is the page the run would strip, so records do not change")
    func keptPageIsTheSame() throws {
        // Four sites of one page each: too few pages to learn a template, so every page is kept.
        let documents = (0..<4).map { Self.document($0, site: "site\($0).example") }
        let prepared = try Self.prepare(documents)
        #expect(prepared.prestripped.count == 4)
        for document in documents {
            let kept = try Self.stripped(document, by: prepared)
            let fresh = try Self.stripped(document, by: HTMLStrip())
            #expect(kept.text == fresh.text)
            #expect(kept.title == fresh.title)
            #expect(kept.encoding == fresh.encoding)
            #expect(kept.warnings == fresh.warnings)
        }
    }

    @Test("pages that learned templates touch are let go and stripped again with the templates")
    func touchedPagesStrippedAgain() throws {
        let documents = (0..<4).map { Self.document($0) }
        let prepared = try Self.prepare(documents)
        #expect(!prepared.templates.isEmpty)
        #expect(prepared.prestripped.count == 0)
        #expect(prepared.prestripped.usedBytes == 0)
        for document in documents {
            let text = try Self.stripped(document, by: prepared).text ?? ""
            #expect(!text.contains(TemplateLearningTests.repeated))
            #expect(text.contains("Повече подробности ще бъдат публикувани скоро"))
        }
    }

    @Test("the pages kept stay within the byte budget")
    func budgetBounds() throws {
        let documents = (0..<40).map { Self.document($0, site: "site\($0).example") }
        let one = try Self.prepare(Array(documents.prefix(1))).prestripped.usedBytes
        let prepared = try Self.prepare(documents, budget: one * 5 + one / 2)
        #expect(prepared.prestripped.count == 5)
        #expect(prepared.prestripped.usedBytes <= one * 5 + one / 2)
        // Pages past the budget are stripped as usual.
        let last = try Self.stripped(documents[39], by: prepared)
        #expect(last.text == (try Self.stripped(documents[39], by: HTMLStrip())).text)
    }

    @Test("a kept page is not used for another input under the same id")
    func otherBytesNotUsed() throws {
        let prepared = try Self.prepare([Self.document(0, site: "alone.example")])
        #expect(prepared.prestripped.count == 1)
        var changed = Self.document(0, site: "alone.example", raw: TemplateLearningTests.page(1))
        changed.id = Self.document(0, site: "alone.example").id
        #expect(prepared.prestripped.page(for: changed) == nil)
        let text = try Self.stripped(changed, by: prepared).text ?? ""
        #expect(text.contains("Членовете на клъстера посетиха панаира"))
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
