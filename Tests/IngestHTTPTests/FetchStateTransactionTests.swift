import Foundation
import IngestCore
import IngestHTML
import IngestHTTP
import IngestHTTPTestSupport
import IngestSinks
import IngestTestSupport
import Logging
import Testing

/// A fetched page's fetch state written by the SQLite sink that is also the state database, in the page's
/// own transaction: after a run the two always agree, and a run that dies before its sink commits leaves
/// neither, so the rerun fetches the page afresh instead of trusting validators of a page never stored.
@Suite struct FetchStateTransactionTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let html = [("Content-Type", "text/html; charset=utf-8")]

    /// A sink placed after the SQLite sink that fails the run once it has seen `failingAfter` records: the
    /// runner stops at once and the SQLite sink's open transaction is never committed, as in a crash.
    actor FailingSink: RecordSink {
        nonisolated let name = "failing"
        let failingAfter: Int
        var seen = 0

        init(failingAfter: Int) {
            self.failingAfter = failingAfter
        }

        func write(_ record: EncodedRecord) throws(RunError) {
            seen += 1
            if seen >= failingAfter { throw RunError(.writeFailed, "the disk went away") }
        }

        func write(_ deadLetter: DeadLetter) {}
        func finish(summary: RunSummary) {}
    }

    /// Fetches `urls` through the strip stage into the SQLite file at `path`, which is also the state
    /// database; no ledger and no recorder, as `ingest run --urls … --sqlite FILE` does.
    static func run(_ urls: [String], path: String, failingAfter: Int? = nil) async throws -> RunSummary {
        let directory = try FixturePaths.temporaryDirectory()
        let list = directory.appendingPathComponent("urls.txt")
        try urls.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let session = HTTPFetchSession(configuration: HTTPFetcherTests.fast { $0.honoursRobots = false }, logger: quiet)
        let store = try SQLiteStateStore(path: path)
        let fetcher = try HTTPFetcher(lists: [list.path], session: session, state: store)
        var sinks: [any RecordSink] = [try SQLiteSink(path: path, runID: "r_\(UUID().uuidString.prefix(8))", pipeline: "http-test")]
        if let failingAfter { sinks.append(FailingSink(failingAfter: failingAfter)) }
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "http-test", stages: [HTMLStrip()]), options: RunOptions(concurrency: 2, runID: "r_test"),
            logger: quiet)
        do {
            let summary = try await runner.run(reader: fetcher, sinks: sinks)
            await session.shutdown()
            return summary
        } catch {
            await session.shutdown()
            throw error
        }
    }

    static func server() async throws -> LoopbackHTTPServer {
        let seed = HTTPFetcherTests.page("seed-000-wix.html")
        return try await LoopbackHTTPServer.start { request in
            let tag = "\"\(request.path.dropFirst())\""
            if request.headers["if-none-match"] == tag { return .respond(status: 304, headers: [("ETag", tag)]) }
            return .respond(status: 200, headers: Self.html + [("ETag", tag)], body: seed)
        }
    }

    @Test("the SQLite sink that is the state database commits each fetched page's state with the page")
    func stateWithPage() async throws {
        let server = try await Self.server()
        let path = try FixturePaths.temporaryDirectory().appendingPathComponent("run.sqlite").path
        let urls = (0..<4).map { "\(server.baseURL)/p\($0)" }

        let first = try await Self.run(urls, path: path)
        #expect(first.addsUp)
        #expect(first.records == 4)
        let rows = try SQLiteRows(path: path).rows(
            "SELECT f.url, f.etag, f.page_id = p.page_id, f.content_sha256 = p.sha256 FROM fetch_state f JOIN pages p ON p.url = f.url ORDER BY f.url")
        #expect(rows == urls.sorted().map { [$0, "\"\($0.split(separator: "/").last!)\"", "1", "1"] })

        // The next night: every page answers 304 to its stored ETag, is counted unchanged and reaches no stage.
        let second = try await Self.run(urls, path: path)
        await server.stop()
        #expect(second.addsUp)
        #expect(second.records == 0)
        #expect(second.skipped == 4)
        #expect(second.skipReasons[HTTPFetchSession.unchangedReason] == 4)
        #expect(second.stages.first?.input == 0)
        // First unconditional, last with the stored ETag (a retry after a timeout on a loaded machine may add one).
        for url in urls {
            let path = String(url.dropFirst(server.baseURL.count))
            let requests = server.requests(to: path)
            #expect(requests.first?.headers["if-none-match"] == nil)
            #expect(requests.last?.headers["if-none-match"] == "\"\(path.dropFirst())\"")
        }
        let states = try SQLiteRows(path: path).rows("SELECT http_status FROM fetch_state ORDER BY url")
        #expect(states == Array(repeating: ["304"], count: 4))
    }

    @Test("a run that dies before its sink commits leaves neither pages nor fetch state; the rerun fetches afresh")
    func crashBeforeCommit() async throws {
        let server = try await Self.server()
        let path = try FixturePaths.temporaryDirectory().appendingPathComponent("run.sqlite").path
        let urls = (0..<6).map { "\(server.baseURL)/c\($0)" }

        await #expect(throws: RunError.self) { _ = try await Self.run(urls, path: path, failingAfter: 3) }
        // Pages were fetched and handed to the sink, but nothing was committed: no page, no state.
        #expect(try SQLiteRows(path: path).rows("SELECT count(*) FROM pages") == [["0"]])
        #expect(try SQLiteRows(path: path).rows("SELECT count(*) FROM fetch_state") == [["0"]])
        let fetchedBefore = urls.filter { !server.requests(to: String($0.dropFirst(server.baseURL.count))).isEmpty }
        #expect(fetchedBefore.count >= 3)

        let rerun = try await Self.run(urls, path: path)
        await server.stop()
        #expect(rerun.addsUp)
        #expect(rerun.records == 6)
        // No stored validators survived the failed run, so every request of the rerun is unconditional.
        #expect(server.requests.allSatisfy { $0.headers["if-none-match"] == nil })
        #expect(try SQLiteRows(path: path).rows("SELECT count(*) FROM pages") == [["6"]])
        #expect(
            try SQLiteRows(path: path).rows("SELECT count(*) FROM fetch_state f JOIN pages p ON p.page_id = f.page_id AND p.sha256 = f.content_sha256")
                == [["6"]])
    }
}
