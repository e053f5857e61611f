import Foundation
import IngestTestSupport
import Testing

@Suite(.serialized) struct WARCCLITests {
    @Test("run reads a directory of WARC files: records, dead letters and counted skips add up to every record read")
    func warcDirectory() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let stats = directory.appendingPathComponent("stats.json")
        let result = try await IngestProcess.run([
            "run", "--input", FixturePaths.warc.path, "--output", directory.appendingPathComponent("pages.jsonl").path, "--stats", stats.path,
            "--max-failure-ratio", "1",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: stats)) as? [String: Any])
        let inputs = try #require(summary["inputs"] as? Int)
        let records = try #require(summary["records"] as? Int)
        let deadLetters = try #require(summary["dead_letters"] as? Int)
        let skipped = try #require(summary["skipped"] as? Int)
        #expect(inputs == records + deadLetters + skipped)
        // The same pages are in pages.warc, pages.warc.gz and the truncated copy: each URL becomes one record.
        // Every page but the two that strip refuses, plus the copy stored with chunked and gzip codings.
        #expect(records == FixturePaths.warcPageNames().count - 2 + 1)
        let failures = try #require(summary["failure_reasons"] as? [String: Int])
        #expect(failures["input/truncated"] == 1)
        #expect(failures["input/too-large"] == 1)
        #expect(failures["input/unreadable"] == 1)
        let skips = try #require(summary["skip_reasons"] as? [String: Int])
        #expect((skips["duplicate input"] ?? 0) > 0)
        let letters = try String(contentsOf: directory.appendingPathComponent("pages.dead-letters.jsonl"), encoding: .utf8)
        #expect(letters.contains("\"code\":\"truncated\""))
        #expect(letters.contains("\"url\":\"https://warc.example/bomb.html\""))
    }

    /// `zcat crawl.warc.gz | ingest run --input -`, and a page piped the same way.
    @Test("run --input - reads standard input: WARC records record by record, a page as one page")
    func standardInput() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let named = directory.appendingPathComponent("named.jsonl").path
        let whole = try await IngestProcess.run(["run", "--input", FixturePaths.warc.appendingPathComponent("pages.warc.gz").path, "--output", named])
        #expect(whole.status == 0, "\(whole.stderr)")
        let piped = directory.appendingPathComponent("piped.jsonl").path
        let warc = try Data(contentsOf: FixturePaths.warc.appendingPathComponent("pages.warc.gz"))
        let result = try await IngestProcess.run(["run", "--input", "-", "--output", piped], stdinBytes: warc)
        #expect(result.status == 0, "\(result.stderr)")
        let summary = { (stderr: String) in stderr.split(separator: "\n").first { $0.hasPrefix("inputs ") }.map(String.init) }
        #expect(summary(result.stderr) != nil)
        #expect(summary(result.stderr) == summary(whole.stderr))
        let urls = { (path: String) throws -> [String] in
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
                let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return (record?["source"] as? [String: Any])?["url"] as? String
            }.sorted()
        }
        #expect(try urls(piped) == urls(named))
        #expect(try urls(piped).count == FixturePaths.warcPageNames().count - 2 + 1)

        let page = try Data(contentsOf: FixturePaths.pages.appendingPathComponent("bg-windows-1251-meta.html"))
        let onePage = directory.appendingPathComponent("page.jsonl").path
        let pageResult = try await IngestProcess.run(["run", "--input", "-", "--output", onePage], stdinBytes: page)
        #expect(pageResult.stderr.contains("inputs 1 = records 1 + dead letters 0 + skipped 0"), "\(pageResult.stderr)")
        #expect(try urls(onePage) == ["file:-"])

        let twice = try await IngestProcess.run(["run", "--input", "-", "--input-list", "-", "--output", onePage], stdinBytes: page)
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("standard input (-) can be read once, but it is named 2 times"))
    }
}
