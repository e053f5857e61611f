import Foundation
import IngestCore
import IngestSinks
import IngestTestSupport
import Testing

/// A fetched page's `fetch_state` row is committed with the page's rows, by the sink that is also the
/// state database, so the two can never disagree after a crash.
@Suite struct FetchStateWriteTests {
    static let backends = TestDatabase.Backend.enabled

    static func fetched(_ index: Int, variant: String = "", etag: String) throws -> EncodedRecord {
        let plain = try SyntheticPages.record(index: index, variant: variant)
        let source = plain.record.source
        return try EncodedRecord(
            record: plain.record,
            fetchState: FetchState(
                url: source.url, etag: etag, lastModified: index.isMultiple(of: 2) ? "Sun, 29 Nov 2026 10:00:00 GMT" : nil,
                contentSHA256: source.sha256, httpStatus: 200, fetchedAt: "2026-11-29T10:00:0\(index % 10)Z"))
    }

    @Test("fetch state is written with its page, carries the page id, and follows a new ETag", arguments: backends)
    func writtenWithPage(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        let records = try (0..<6).map { try Self.fetched($0, etag: "\"v1\"") }
        try await database.write(records + [try SyntheticPages.record(index: 6)], runID: "r_1")
        let expected = records.map { record -> [String?] in
            let state = record.fetchState!
            return [
                state.url, state.etag, state.lastModified, state.contentSHA256, "200", state.fetchedAt, record.record.pageID.rawValue,
            ]
        }.sorted { $0[0]! < $1[0]! }
        #expect(try await database.rows("SELECT * FROM fetch_state ORDER BY url") == expected)

        // The same pages under a new ETag: the pages stay as they were, their fetch state moves on.
        let pages = try await database.rows("SELECT page_id, record_sha256, changed_run_id FROM pages ORDER BY page_id")
        try await database.write(try (0..<6).map { try Self.fetched($0, etag: "\"v2\"") }, runID: "r_2")
        #expect(try await database.rows("SELECT page_id, record_sha256, changed_run_id FROM pages ORDER BY page_id") == pages)
        #expect(try await database.rows("SELECT DISTINCT etag FROM fetch_state") == [["\"v2\""]])
        #expect(try await database.rows("SELECT count(*) FROM fetch_state") == [["6"]])
    }

    @Test("a batch that fails part-way leaves neither its pages nor their fetch state", arguments: backends)
    func failedBatchLeavesBoth(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        try await database.write(try (0..<5).map { try Self.fetched($0, etag: "\"v1\"") }, runID: "r_1")
        let before = try await database.contents()
        try await database.refuseFetchState(url: "https://example.org/news/4")
        let changed = try (0..<5).map { try Self.fetched($0, variant: "changed", etag: "\"v2\"") }
        // One connection, so all five pages are one batch (with several, each connection's batch is its own).
        await #expect(throws: RunError.self) { try await database.write(changed, runID: "r_2", writers: 1) }
        #expect(try await database.contents() == before)
        #expect(try await database.rows("SELECT DISTINCT etag FROM fetch_state") == [["\"v1\""]])
    }

    @Test("a sink whose database is not the state database writes no fetch state", arguments: backends)
    func notTheStateDatabase(_ backend: TestDatabase.Backend) async throws {
        let database = try await TestDatabase.make(backend)
        try await database.write(try (0..<3).map { try Self.fetched($0, etag: "\"v1\"") }, runID: "r_1", keepsFetchState: false)
        #expect(try await database.rows("SELECT count(*) FROM pages") == [["3"]])
        #expect(try await database.rows("SELECT count(*) FROM fetch_state") == [["0"]])
    }
}
