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
}
