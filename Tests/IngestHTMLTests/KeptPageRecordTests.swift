import Foundation
import IngestCore
@testable import IngestHTML
import IngestTestSupport
import Testing

@Suite struct KeptPageRecordTests {
    @Test("a record cut short or with bytes past its end is unreadable, not a wrong page")
    func garbledRecords() throws {
        let raw = Array("<html><head><title>T</title></head><body><article><p>The cluster met its partners in Sofia.</p></article></body></html>".utf8)
        let document = PrestrippedPagesTests.document(0, site: "garbled.example", raw: raw)
        let sampled = try HTMLStrip().sample(raw, contentType: document.headers["content-type"], url: document.source.url, keepPage: true)
        let page = try #require(sampled.page)
        let record = KeptPageRecord.encode(page, blocks: sampled.blocks, of: document, site: "garbled.example")
        #expect(KeptPageRecord.decode(record, for: document, templates: .none) == .page(page))
        for length in [record.count - 1, record.count / 2, 40] {
            #expect(KeptPageRecord.decode(Array(record.prefix(length)), for: document, templates: .none) == .unreadable)
        }
        #expect(KeptPageRecord.decode(record + [0], for: document, templates: .none) == .unreadable)
    }
}
