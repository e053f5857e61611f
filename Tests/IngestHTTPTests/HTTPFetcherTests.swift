import Foundation
import IngestCore
import IngestHTML
import IngestHTTP
import IngestHTTPTestSupport
import IngestSinks
import IngestTestSupport
import Logging
import Testing

/// The fetcher end to end: a real server on loopback, the real runner, the strip stage and a SQLite state
/// database. Requests meant to succeed get timeouts generous enough for a loaded machine; the timeout
/// tests give only their stalling URLs short ones, so every test still finishes in a few seconds.
@Suite struct HTTPFetcherTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func fast(_ change: (inout HTTPFetchConfiguration) -> Void = { _ in }) -> HTTPFetchConfiguration {
        var configuration = HTTPFetchConfiguration(
            userAgent: "ingest-test/1.0 (+https://example.org/bot)", maxConnections: 8, maxConnectionsPerHost: 8,
            politenessDelay: .zero, connectTimeout: .seconds(10), readTimeout: .seconds(10), totalTimeout: .seconds(20),
            maxBodyBytes: 256 << 10, maxRedirects: 5, maxRetries: 2, retryBaseDelay: .milliseconds(20), maxRetryDelay: .seconds(2))
        change(&configuration)
        return configuration
    }

    struct Outcome {
        var summary: RunSummary
        var records: [PageRecord]
        var deadLetters: [DeadLetter]

        func record(_ url: String) -> PageRecord? { records.first { $0.source.url == url } }
        func letter(_ url: String) -> DeadLetter? { deadLetters.first { $0.source.url == url } }
    }

    /// Fetches `urls` through the strip stage into memory, saving fetch state to `state` when given.
    static func run(
        _ urls: [String], configuration: HTTPFetchConfiguration, state: (any StateStore)? = nil, shard: Shard? = nil
    ) async throws -> Outcome {
        let directory = try FixturePaths.temporaryDirectory()
        let list = directory.appendingPathComponent("urls.txt")
        try (["# tonight's pages", ""] + urls).joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let session = HTTPFetchSession(configuration: configuration, logger: quiet)
        let ledger = FetchStateLedger()
        let fetcher = try HTTPFetcher(lists: [list.path], session: session, state: state, ledger: ledger, shard: shard)
        let sink = InMemorySink()
        var sinks: [any RecordSink] = [sink]
        if let state { sinks.append(FetchStateRecorder(ledger: ledger, store: state)) }
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "http-test", stages: [HTMLStrip()]), options: RunOptions(concurrency: 2, runID: "r_test", shard: shard),
            logger: quiet)
        let summary: RunSummary
        do {
            summary = try await runner.run(reader: fetcher, sinks: sinks)
        } catch {
            await session.shutdown()
            throw error
        }
        await session.shutdown()
        return Outcome(summary: summary, records: await sink.records.map(\.record), deadLetters: await sink.deadLetters)
    }

    static func page(_ name: String) -> [UInt8] {
        (try? FixturePaths.bytes(ofPage: name)) ?? []
    }

    static let html = [("Content-Type", "text/html; charset=utf-8")]

    @Test("fixture pages, failures and skips each end as the record, dead letter or skip they should")
    func everyEndpoint() async throws {
        let bomb = Gzip.compress([UInt8](repeating: 0x20, count: 8 << 20))
        let seed = Self.page("seed-001-wordpress-bg.html")
        let server = try await LoopbackHTTPServer.start { request in
            switch request.path {
            case "/robots.txt":
                return .respond(
                    status: 200,
                    body: Array("User-agent: *\nDisallow: /\n\nUser-agent: ingest-test\nDisallow: /private/\nAllow: /private/open$\n".utf8))
            case let path where path.hasPrefix("/pages/"):
                let name = String(path.dropFirst("/pages/".count))
                let type = name.contains("1251") ? "text/html; charset=windows-1251" : "text/html"
                return .respond(status: 200, headers: [("Content-Type", type)], body: Self.page(name))
            case "/flaky": return request.number == 1 ? .respond(status: 503) : .respond(status: 200, headers: Self.html, body: seed)
            case "/limited":
                return request.number == 1
                    ? .respond(status: 429, headers: [("Retry-After", "1")]) : .respond(status: 200, headers: Self.html, body: seed)
            case "/loop": return .respond(status: 302, headers: [("Location", "/loop")])
            case "/hop": return .respond(status: 301, headers: [("Location", "/pages/nested-divs.html")])
            case "/big": return .respond(status: 200, headers: Self.html, body: [UInt8](repeating: 0x41, count: 300 << 10))
            case "/bomb": return .respond(status: 200, headers: Self.html + [("Content-Encoding", "gzip")], body: bomb)
            case "/private/open", "/private/secret": return .respond(status: 200, headers: Self.html, body: seed)
            default: return .respond(status: 404)
            }
        }
        let base = server.baseURL
        let pages = ["seed-000-wix.html", "seed-003-wordpress-pl.html", "bg-windows-1251-no-meta.html"]
        let urls = pages.map { "\(base)/pages/\($0)" } + [
            "\(base)/flaky", "\(base)/limited", "\(base)/loop", "\(base)/hop", "\(base)/big", "\(base)/bomb",
            "\(base)/private/open", "\(base)/private/secret", "\(base)/missing", "ftp://example.org/file",
        ]
        let outcome = try await Self.run(urls, configuration: Self.fast())
        await server.stop()
        let summary = outcome.summary

        #expect(summary.addsUp)
        #expect(summary.inputs == urls.count)
        #expect(summary.records == 7)
        #expect(summary.skipReasons[HTTPFetchSession.robotsReason] == 1)
        #expect(summary.deadLetters == 5)
        for page in pages { #expect(outcome.record("\(base)/pages/\(page)") != nil, "\(page)") }

        // The Content-Type charset reaches the strip stage: the page has no meta charset.
        let cyrillic = try #require(outcome.record("\(base)/pages/bg-windows-1251-no-meta.html"))
        #expect(cyrillic.title?.contains("Клъстерният форум") == true)
        #expect(cyrillic.source.contentType == "text/html; charset=windows-1251")
        #expect(cyrillic.source.httpStatus == 200)
        #expect(cyrillic.source.fetchedAt != nil)

        // Redirects: the final URL is kept; a loop stops after five.
        #expect(outcome.record("\(base)/hop")?.source.finalURL == "\(base)/pages/nested-divs.html")
        #expect(outcome.letter("\(base)/loop")?.code == "too-many-redirects")
        // The first request and five redirects (a retry after a timeout on a loaded machine may add one or two).
        #expect((6...8).contains(server.requests(to: "/loop").count))

        // Retries: 503 then 200; 429 honouring Retry-After: 1.
        #expect(outcome.record("\(base)/flaky") != nil)
        #expect((2...3).contains(server.requests(to: "/flaky").count))
        #expect(outcome.record("\(base)/limited") != nil)
        let limited = server.requests(to: "/limited")
        #expect((2...3).contains(limited.count))
        if limited.count >= 2 { #expect(limited[1].receivedAt - limited[0].receivedAt >= .milliseconds(950)) }

        #expect(outcome.letter("\(base)/big")?.code == "too-large")
        let bombLetter = outcome.letter("\(base)/bomb")
        #expect(bombLetter?.code == "too-large")
        #expect(bombLetter?.message.contains("decompressed") == true)
        #expect(outcome.letter("\(base)/missing")?.code == "http-status")
        #expect(outcome.letter("ftp://example.org/file")?.code == "invalid-url")

        // robots.txt: fetched once, the crawler's own group honoured over `*`.
        #expect(outcome.record("\(base)/private/open") != nil)
        #expect(server.requests(to: "/private/secret").isEmpty)
        // Once per host, not per page (a retry after a timeout on a loaded machine may add one).
        #expect(server.requests(to: "/robots.txt").count < 3)
        #expect(server.requests.allSatisfy { $0.headers["user-agent"] == "ingest-test/1.0 (+https://example.org/bot)" })
        #expect(summary.failureReasons == [
            "input/too-many-redirects": 1, "input/too-large": 2, "input/http-status": 1, "input/invalid-url": 1,
        ])
    }

    @Test("a server that never answers is a timeout dead letter after every attempt, not a hang")
    func stalled() async throws {
        let server = try await LoopbackHTTPServer.start { request in request.path == "/slow" ? .stall : .respond(status: 404) }
        let outcome = try await Self.run(
            ["\(server.baseURL)/slow"], configuration: Self.fast { $0.readTimeout = .milliseconds(300); $0.honoursRobots = false })
        await server.stop()
        #expect(outcome.summary.addsUp)
        #expect(outcome.deadLetters.first?.code == "timeout")
        #expect(outcome.deadLetters.first?.message.contains("read timeout") == true)
        #expect(server.requests(to: "/slow").count == 3)
    }

    @Test("a body that trickles in slower than the total timeout is a timeout dead letter")
    func totalTimeout() async throws {
        let server = try await LoopbackHTTPServer.start { request in
            request.path == "/trickle"
                ? .trickle(headers: Self.html, pieces: Array(repeating: Array("<p>slow</p>".utf8), count: 40), pause: .milliseconds(100))
                : .respond(status: 404)
        }
        let outcome = try await Self.run(["\(server.baseURL)/trickle"], configuration: Self.fast { $0.totalTimeout = .milliseconds(1500); $0.maxRetries = 0; $0.honoursRobots = false })
        await server.stop()
        #expect(outcome.summary.addsUp)
        #expect(outcome.deadLetters.first?.code == "timeout")
        let message = outcome.deadLetters.first?.message ?? ""
        #expect(message.contains("total timeout"), "\(message)")
    }

    @Test("robots.txt answering 5xx keeps the crawler off the host; 4xx lets it in")
    func robotsStatus() async throws {
        let seed = Self.page("seed-000-wix.html")
        for (status, allowed) in [(503, false), (404, true)] {
            let server = try await LoopbackHTTPServer.start { request in
                request.path == "/robots.txt" ? .respond(status: status) : .respond(status: 200, headers: Self.html, body: seed)
            }
            let outcome = try await Self.run(["\(server.baseURL)/a", "\(server.baseURL)/b"], configuration: Self.fast())
            await server.stop()
            #expect(outcome.summary.addsUp)
            #expect(outcome.summary.records == (allowed ? 2 : 0))
            #expect(outcome.summary.skipReasons[HTTPFetchSession.robotsReason] == (allowed ? nil : 2))
        }
    }

    @Test("per-host limits hold however many fetches run at once, and starts keep the politeness delay")
    func politeness() async throws {
        let seed = Self.page("seed-000-wix.html")
        let server = try await LoopbackHTTPServer.start { request in
            request.path == "/robots.txt"
                ? .respond(status: 404)
                : .slow(.milliseconds(100), .init(.respond(status: 200, headers: Self.html, body: seed)))
        }
        let urls = (0..<6).map { "\(server.baseURL)/p/\($0)" }
        let parallel = try await Self.run(urls, configuration: Self.fast { $0.maxConnectionsPerHost = 2 })
        #expect(parallel.summary.records == 6)
        // Two at most; on a loaded machine the second may start only after the first answered.
        #expect((1...2).contains(server.peakSlowReplies))

        let spaced = try await Self.run(urls.map { $0 + "?again" }, configuration: Self.fast { $0.maxConnectionsPerHost = 4; $0.politenessDelay = .milliseconds(150) })
        await server.stop()
        #expect(spaced.summary.records == 6)
        let starts = server.requests.filter { $0.path.hasSuffix("?again") }.map(\.receivedAt).sorted()
        #expect(starts.count == 6)
        // Measured where the server receives the requests, which a loaded machine may delay one by one
        // (the first by more than a delay has been seen); without the delay, four connections would
        // deliver all six within a few milliseconds, so two delays of slack still tell the two apart.
        if let first = starts.first, let last = starts.last {
            #expect(last - first >= .milliseconds(5 * 150 - 2 * 150))
        }
    }

    @Test("a nightly rerun sends conditional requests and reprocesses nothing unchanged")
    func nightlyRerun() async throws {
        let seed = Self.page("seed-000-wix.html")
        let other = Self.page("seed-003-wordpress-pl.html")
        let lastModified = "Sat, 01 Nov 2025 10:00:00 GMT"
        let server = try await LoopbackHTTPServer.start { request in
            switch request.path {
            case "/robots.txt": return .respond(status: 404)
            case "/etag":
                return request.headers["if-none-match"] == "\"v1\""
                    ? .respond(status: 304, headers: [("ETag", "\"v1\"")])
                    : .respond(status: 200, headers: Self.html + [("ETag", "\"v1\"")], body: seed)
            case "/dated":
                return request.headers["if-modified-since"] == lastModified
                    ? .respond(status: 304) : .respond(status: 200, headers: Self.html + [("Last-Modified", lastModified)], body: seed)
            case "/same": return .respond(status: 200, headers: Self.html, body: seed)
            case "/rotating":
                // A server that changes its ETag without changing the page.
                return .respond(status: 200, headers: Self.html + [("ETag", "\"r\(request.number)\"")], body: seed)
            case "/changing": return .respond(status: 200, headers: Self.html, body: request.number == 1 ? seed : other)
            default: return .respond(status: 404)
            }
        }
        let directory = try FixturePaths.temporaryDirectory()
        let store = try SQLiteStateStore(path: directory.appendingPathComponent("state.sqlite").path)
        let urls = ["/etag", "/dated", "/same", "/changing", "/rotating", "/missing"].map { server.baseURL + $0 }

        let first = try await Self.run(urls, configuration: Self.fast(), state: store)
        #expect(first.summary.addsUp)
        #expect(first.summary.records == 5)
        #expect(first.summary.deadLetters == 1)
        let saved = try await store.fetchState(url: server.baseURL + "/etag")
        #expect(saved?.etag == "\"v1\"")
        #expect(saved?.contentSHA256 == SHA256Hex.digest(seed))
        #expect(try await store.fetchState(url: server.baseURL + "/dated")?.lastModified == lastModified)
        #expect(try await store.fetchState(url: server.baseURL + "/missing") == nil)
        // A retry on a loaded machine adds requests; the validators are those of the last answer.
        let rotatingAfterFirst = server.requests(to: "/rotating").count

        let second = try await Self.run(urls, configuration: Self.fast(), state: store)
        await server.stop()
        #expect(second.summary.addsUp)
        #expect(second.summary.inputs == 6)
        #expect(second.summary.skipReasons[HTTPFetchSession.unchangedReason] == 4)
        #expect(second.records.map(\.source.url) == [server.baseURL + "/changing"])
        #expect(second.summary.deadLetters == 1)
        // The unchanged pages never reached the strip stage.
        #expect(second.summary.stages.first?.input == 1)
        #expect(server.requests(to: "/etag").last?.headers["if-none-match"] == "\"v1\"")
        #expect(server.requests(to: "/dated").last?.headers["if-modified-since"] == lastModified)
        #expect(server.requests(to: "/missing").last?.headers["if-none-match"] == nil)
        // Unchanged pages keep the validators the server sent this time, for the next night.
        #expect(server.requests(to: "/rotating").last?.headers["if-none-match"] == "\"r\(rotatingAfterFirst)\"")
        let rotated = try await store.fetchState(url: server.baseURL + "/rotating")
        #expect(rotated?.etag == "\"r\(server.requests(to: "/rotating").count)\"")
        #expect(rotated?.contentSHA256 == SHA256Hex.digest(seed))
        #expect(try await store.fetchState(url: server.baseURL + "/etag")?.httpStatus == 304)
    }

    @Test("a shard fetches only its own URLs")
    func sharded() async throws {
        let seed = Self.page("seed-000-wix.html")
        let server = try await LoopbackHTTPServer.start { request in
            request.path == "/robots.txt" ? .respond(status: 404) : .respond(status: 200, headers: Self.html, body: seed)
        }
        let urls = (0..<8).map { "\(server.baseURL)/s/\($0)" }
        let shard = try Shard(index: 0, count: 2)
        let outcome = try await Self.run(urls, configuration: Self.fast(), shard: shard)
        await server.stop()
        let mine = urls.filter { shard.contains(PageID(canonicalSource: $0)) }
        #expect(outcome.summary.addsUp)
        #expect(outcome.summary.records == mine.count)
        #expect(outcome.summary.outOfShard == urls.count - mine.count)
        #expect(Set(server.requests.map(\.path)).subtracting(["/robots.txt"]) == Set(mine.map { String($0.dropFirst(server.baseURL.count)) }))
    }

    @Test("a stop request cancels a stalled fetch instead of waiting out its timeouts")
    func stopCancelsFetches() async throws {
        let seed = Self.page("seed-000-wix.html")
        let server = try await LoopbackHTTPServer.start { request in
            request.path == "/slow" ? .stall : .respond(status: 200, headers: Self.html, body: seed)
        }
        let directory = try FixturePaths.temporaryDirectory()
        let list = directory.appendingPathComponent("urls.txt")
        try ["/slow", "/a"].map { server.baseURL + $0 }.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let session = HTTPFetchSession(
            configuration: Self.fast { $0.honoursRobots = false; $0.readTimeout = .seconds(60); $0.totalTimeout = .seconds(120) },
            logger: Self.quiet)
        let stop = StopRequest()
        let fetcher = try HTTPFetcher(lists: [list.path], session: session, stop: stop)
        let sink = InMemorySink()
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "http-test", stages: [HTMLStrip()]), options: RunOptions(concurrency: 1, runID: "r_stop"),
            logger: Self.quiet)
        let stopper = Task {
            while server.requests(to: "/slow").isEmpty { try? await Task.sleep(for: .milliseconds(20)) }
            stop.request(signal: SIGTERM)
        }
        let summary = try await runner.run(reader: fetcher, sinks: [sink], stop: stop)
        await session.shutdown()
        await stopper.value
        await server.stop()
        #expect(summary.stoppedBySignal == SIGTERM)
        #expect(summary.addsUp)
        #expect(summary.inputs == 1)
        // Waiting the stall out would have ended in a timeout dead letter, a minute later.
        #expect(await sink.deadLetters.map(\.code) == ["stopped"])
    }
}
