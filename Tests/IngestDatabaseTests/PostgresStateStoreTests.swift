import Foundation
import IngestCore
import IngestPostgres
import IngestTestSupport
import Testing

@Suite(.enabled(if: PostgresTestServer.isEnabled)) struct PostgresStateStoreTests {
    @Test("the run lock is exclusive per scope across sessions, and free again after unlock")
    func lock() async throws {
        let database = try await TestDatabase.make(.postgres)
        let url = try PostgresURL(database.location)
        let first = try await PostgresStateStore(url: url, logger: TestDatabase.logger)
        let second = try await PostgresStateStore(url: url, logger: TestDatabase.logger)
        try await first.lock(scope: "shard-0-of-2")
        try await second.lock(scope: "shard-1-of-2")
        await #expect {
            let third = try await PostgresStateStore(url: url, logger: TestDatabase.logger)
            try await third.lock(scope: "shard-0-of-2")
        } throws: { error in
            (error as? RunError)?.exitStatus == .tempFail && (error as? RunError)?.message.contains("another run holds the lock") == true
        }
        await first.unlock()
        let again = try await PostgresStateStore(url: url, logger: TestDatabase.logger)
        try await again.lock(scope: "shard-0-of-2")
        await again.unlock()
        await second.unlock()
    }

    @Test("shard completions and fetch state round-trip, NULLs included")
    func roundTrip() async throws {
        let database = try await TestDatabase.make(.postgres)
        let store = try await PostgresStateStore(url: try PostgresURL(database.location), logger: TestDatabase.logger)
        let key = ShardCompletion.Key(pipeline: "events", inputKey: "k1", shard: try Shard(index: 1, count: 3))
        #expect(try await store.completion(of: key) == nil)
        let done = ShardCompletion(key: key, runID: "r_1", completedAt: "2026-11-29T10:00:00Z")
        try await store.recordCompletion(done)
        try await store.recordCompletion(done)
        #expect(try await store.completion(of: key) == done)
        let full = FetchState(
            url: "https://example.org/a", etag: "\"v1\"", lastModified: "Sun, 29 Nov 2026 10:00:00 GMT", contentSHA256: "ab",
            httpStatus: 200, fetchedAt: "2026-11-29T10:00:00Z", pageID: PageID(rawValue: "p_1"))
        let sparse = FetchState(url: "https://example.org/b", httpStatus: 304)
        try await store.saveFetchState(full)
        try await store.saveFetchState(sparse)
        #expect(try await store.fetchState(url: full.url) == full)
        #expect(try await store.fetchState(url: sparse.url) == sparse)
        #expect(try await store.fetchState(url: "https://example.org/none") == nil)
    }
}
