import Foundation
import IngestHTTPTestSupport
import IngestTestSupport
import Testing

/// `ingest run --urls` as a cron job runs it, against a real server on loopback.
@Suite struct FetchCLITests {
    @Test("a nightly rerun of a URL list sends conditional requests and processes nothing unchanged")
    func nightlyRerun() async throws {
        let first = try FixturePaths.bytes(ofPage: "seed-000-wix.html")
        let second = try FixturePaths.bytes(ofPage: "seed-003-wordpress-pl.html")
        let html = [("Content-Type", "text/html")]
        let server = try await LoopbackHTTPServer.start { request in
            switch request.path {
            case "/robots.txt":
                return .respond(status: 200, body: Array("User-agent: *\nDisallow: /private\n".utf8))
            case "/tagged":
                return request.headers["if-none-match"] == "\"t1\""
                    ? .respond(status: 304) : .respond(status: 200, headers: html + [("ETag", "\"t1\"")], body: first)
            case "/plain": return .respond(status: 200, headers: html, body: second)
            case "/private/page": return .respond(status: 200, headers: html, body: first)
            default: return .respond(status: 404)
            }
        }
        let directory = try FixturePaths.temporaryDirectory()
        let list = directory.appendingPathComponent("urls.txt")
        try ["/tagged", "/plain", "/private/page", "/missing"].map { server.baseURL + $0 }.joined(separator: "\n")
            .write(to: list, atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("ingest.sqlite").path
        let stats = directory.appendingPathComponent("stats.json").path
        let arguments = [
            "run", "--urls", list.path, "--sqlite", database, "--stats", stats, "--progress", "never", "--politeness-delay", "0",
            "--user-agent", "nightly-test/1.0", "--max-failure-ratio", "1",
        ]

        let tonight = try await IngestProcess.run(arguments)
        #expect(tonight.status == 0, "\(tonight.stderr)")
        #expect(tonight.stderr.contains("inputs 4 = records 2 + dead letters 1 + skipped 1"), "\(tonight.stderr)")
        #expect(tonight.stderr.contains("skipped (disallowed by robots.txt): 1"))
        #expect(tonight.stderr.contains("dead letters input/http-status: 1"))

        let tomorrow = try await IngestProcess.run(arguments)
        await server.stop()
        #expect(tomorrow.status == 0, "\(tomorrow.stderr)")
        #expect(tomorrow.stderr.contains("inputs 4 = records 0 + dead letters 1 + skipped 3"), "\(tomorrow.stderr)")
        #expect(tomorrow.stderr.contains("skipped (unchanged): 2"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stats))) as? [String: Any]
        #expect((summary?["skip_reasons"] as? [String: Int])?["unchanged"] == 2)

        #expect(server.requests(to: "/tagged").map { $0.headers["if-none-match"] } == [nil, "\"t1\""])
        #expect(server.requests.allSatisfy { $0.headers["user-agent"] == "nightly-test/1.0" })
        #expect(server.requests(to: "/private/page").isEmpty)
        let rows = SQLiteRows(path: database)
        #expect(try rows.rows("SELECT count(*) FROM pages") == [["2"]])
        #expect(try rows.rows("SELECT url, etag FROM fetch_state ORDER BY url") == [
            [server.baseURL + "/plain", nil], [server.baseURL + "/tagged", "\"t1\""],
        ])
    }
}
