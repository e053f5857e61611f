import Foundation
import IngestCore
import IngestSinks
import IngestTestSupport
import Testing

@Suite struct SQLiteStateStoreTests {
    func databasePath() throws -> String {
        try FixturePaths.temporaryDirectory().appendingPathComponent("state.sqlite").path
    }

    @Test("a shard completion is found again for the same pipeline, inputs and split, and only for them")
    func completions() async throws {
        let path = try databasePath()
        let store = try SQLiteStateStore(path: path)
        let key = ShardCompletion.Key(pipeline: "events", inputKey: "i_abc", shard: try Shard(index: 1, count: 4))
        #expect(try await store.completion(of: key) == nil)
        let done = ShardCompletion(key: key, runID: "r_1", completedAt: "2026-11-29T02:00:00Z")
        try await store.recordCompletion(done)
        #expect(try await store.completion(of: key) == done)
        // Recording again (a forced rerun) replaces the run, it does not add a row.
        let again = ShardCompletion(key: key, runID: "r_2", completedAt: "2026-11-30T02:00:00Z")
        try await store.recordCompletion(again)
        #expect(try await SQLiteStateStore(path: path).completion(of: key) == again)
        #expect(try SQLiteRows(path: path).rows("SELECT count(*) FROM shard_completions") == [["1"]])

        for other in [
            ShardCompletion.Key(pipeline: "other", inputKey: "i_abc", shard: key.shard),
            ShardCompletion.Key(pipeline: "events", inputKey: "i_def", shard: key.shard),
            ShardCompletion.Key(pipeline: "events", inputKey: "i_abc", shard: try Shard(index: 1, count: 3)),
            ShardCompletion.Key(pipeline: "events", inputKey: "i_abc", shard: try Shard(index: 2, count: 4)),
        ] {
            #expect(try await store.completion(of: other) == nil)
        }
    }

    @Test("fetch state round-trips, absent fields stay absent, and a new fetch replaces the old one")
    func fetchState() async throws {
        let store = try SQLiteStateStore(path: try databasePath())
        #expect(try await store.fetchState(url: "https://a.example/") == nil)
        let first = FetchState(
            url: "https://a.example/", etag: "\"v1\"", lastModified: "Sun, 29 Nov 2026 02:00:00 GMT", contentSHA256: "ab",
            httpStatus: 200, fetchedAt: "2026-11-29T02:00:00Z", pageID: PageID(canonicalSource: "https://a.example/"))
        try await store.saveFetchState(first)
        #expect(try await store.fetchState(url: "https://a.example/") == first)
        let bare = FetchState(url: "https://a.example/", httpStatus: 304)
        try await store.saveFetchState(bare)
        #expect(try await store.fetchState(url: "https://a.example/") == bare)
    }

    @Test("a second lock on the same shard of the same database is refused with a temporary failure; other shards are free")
    func lock() async throws {
        let path = try databasePath()
        let first = try SQLiteStateStore(path: path)
        try await first.lock(scope: "shard-0-of-2")
        let second = try SQLiteStateStore(path: path)
        await #expect {
            try await second.lock(scope: "shard-0-of-2")
        } throws: { error in
            (error as? RunError)?.code == .temporaryFailure && (error as? RunError)?.exitStatus == .tempFail
        }
        try await second.lock(scope: "shard-1-of-2")
        await first.unlock()
        let third = try SQLiteStateStore(path: path)
        try await third.lock(scope: "shard-0-of-2")
    }
}
