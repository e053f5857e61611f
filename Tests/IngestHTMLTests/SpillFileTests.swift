import Foundation
import IngestCore
@testable import IngestHTML
import IngestTestSupport
import Testing

@Suite struct SpillFileTests {
    @Test("appended records read back from their offsets, concurrently and in any order")
    func concurrentReads() async throws {
        let file = try SpillFile(directory: FixturePaths.temporaryDirectory().path)
        let records = (0..<200).map { number in (0..<(number * 37 % 5000)).map { UInt8(truncatingIfNeeded: $0 &+ number) } }
        let offsets = try records.map { record throws(SpillFile.Failure) in try file.append(record) }
        #expect(file.size == records.reduce(0) { $0 + $1.count })
        let order = Array(records.indices.reversed()) + records.indices.shuffled()
        let matches = await withTaskGroup(of: Bool.self) { group in
            for index in order {
                group.addTask { file.read(at: offsets[index], count: records[index].count) == records[index] }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(matches == order.count)
    }

    @Test("a read past the end gives nothing rather than part of a record")
    func shortRead() throws {
        let file = try SpillFile(directory: FixturePaths.temporaryDirectory().path)
        let offset = try file.append([1, 2, 3, 4])
        #expect(file.read(at: offset, count: 4) == [1, 2, 3, 4])
        #expect(file.read(at: offset, count: 5) == nil)
        #expect(file.read(at: 10, count: 1) == nil)
    }

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
