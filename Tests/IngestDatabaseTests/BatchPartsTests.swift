@testable import IngestPostgres
import IngestSinks
import Testing

/// How a batch's pages are split into the parts one statement or copy loads.
@Suite struct BatchPartsTests {
    static func pages() throws -> [PageRows] {
        try SyntheticPages.records(count: 5).map { try PageRows($0) }
    }

    @Test("parts keep the pages' order, stay within the limit, and give a page over it a part of its own")
    func split() throws {
        let pages = try Self.pages()
        let sizes = pages.map(BatchParts.valueBytes(of:))
        #expect(sizes.allSatisfy { $0 > 0 })
        let limit = sizes[0] + sizes[1]
        let parts = BatchParts.split(pages, limit: limit)
        #expect(parts.flatMap { $0.map(\.pageID) } == pages.map(\.pageID))
        #expect(parts.first?.count == 2)
        for part in parts where part.count > 1 {
            #expect(part.map(BatchParts.valueBytes(of:)).reduce(0, +) <= limit)
        }
        #expect(BatchParts.split(pages, limit: 1).map(\.count) == [1, 1, 1, 1, 1])
        #expect(BatchParts.split(pages, limit: BatchParts.defaultLimit).map(\.count) == [5])
        #expect(BatchParts.split([], limit: 1).isEmpty)
    }
}
