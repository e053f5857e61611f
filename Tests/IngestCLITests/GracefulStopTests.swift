import Foundation
import IngestTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct GracefulStopTests {
    /// Ten copies of the fixture pages, each copy in its own folder so every page has its own id.
    static func corpus() throws -> URL {
        let root = try FixturePaths.temporaryDirectory("stop-corpus")
        for copy in 0..<10 {
            let folder = root.appendingPathComponent(String(format: "copy-%02d", copy))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in FixturePaths.pageNames() {
                try FileManager.default.copyItem(at: FixturePaths.pages.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }
        return root
    }

    /// Starts `ingest`, waits until its log shows `deadLetters` dead letters (so it is part-way through the
    /// pages), sends `signal`, and returns the exit status.
    static func runAndStop(
        _ arguments: [String], afterDeadLetters deadLetters: Int, signal: Int32
    ) async throws -> (status: Int32, stderr: String) {
        try await BlockingWork.run { try runAndStopWaiting(arguments, afterDeadLetters: deadLetters, signal: signal) }
    }

    private static func runAndStopWaiting(
        _ arguments: [String], afterDeadLetters deadLetters: Int, signal: Int32
    ) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = IngestProcess.binary
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let log = Mutex("")
        errors.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            log.withLock { $0 += text }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning, Date() < deadline,
            log.withLock({ $0.components(separatedBy: "dead letter").count - 1 }) < deadLetters
        {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        let rest = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, log.withLock { $0 } + rest)
    }

    static func contents(of database: String) throws -> [[[String?]]] {
        let rows = SQLiteRows(path: database)
        return [
            try rows.rows("SELECT page_id, record_json FROM pages ORDER BY page_id"),
            try rows.rows("SELECT page_id, url, stage, code, message FROM dead_letters ORDER BY page_id"),
            try rows.rows("SELECT event_id, record_json FROM events ORDER BY event_id"),
            try rows.rows("SELECT event_id, page_id, event_json FROM event_pages ORDER BY event_id, page_id"),
            try rows.rows("SELECT page_id, ordinal, type, text FROM entities ORDER BY page_id, ordinal"),
        ]
    }

    static func stats(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test("SIGTERM mid-way, then a rerun, gives exactly the database of an uninterrupted run")
    func stopAndResume() async throws {
        let corpus = try Self.corpus()
        let total = FixturePaths.pageNames().count * 10
        let directory = try FixturePaths.temporaryDirectory()
        let reference = directory.appendingPathComponent("reference.sqlite").path
        let whole = try await IngestProcess.run(["run", "--input", corpus.path, "--sqlite", reference, "--progress", "never"])
        #expect(whole.status == 0, "\(whole.stderr)")

        let database = directory.appendingPathComponent("stopped.sqlite").path
        let stats = directory.appendingPathComponent("stopped.json")
        let arguments = ["run", "--input", corpus.path, "--sqlite", database, "--progress", "never", "--concurrency", "2"]
        let stopped = try await Self.runAndStop(arguments + ["--log-level", "info", "--stats", stats.path], afterDeadLetters: 4, signal: SIGTERM)
        #expect(stopped.status == 143, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("stopped early by SIGTERM"))
        let summary = try Self.stats(stats)
        #expect(summary["stopped_by_signal"] as? Int == Int(SIGTERM))
        let inputs = try #require(summary["inputs"] as? Int)
        let records = try #require(summary["records"] as? Int)
        let letters = try #require(summary["dead_letters"] as? Int)
        #expect(inputs == records + letters + (summary["skipped"] as? Int ?? -1))
        #expect(records > 0 && inputs < total, "the stop should come part-way: \(inputs) of \(total) read")
        // What the stopped run read was flushed: its records are in the database, and no completion was recorded.
        let partial = SQLiteRows(path: database)
        #expect(try partial.rows("SELECT count(*) FROM pages") == [["\(records)"]])
        #expect(try partial.rows("SELECT count(*) FROM shard_completions") == [["0"]])

        let rerun = try await IngestProcess.run(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.contents(of: database) == Self.contents(of: reference))
        #expect(try partial.rows("SELECT count(*) FROM shard_completions") == [["1"]])
    }

    @Test("SIGINT stops with status 130 and a summary that adds up")
    func interrupt() async throws {
        let corpus = try Self.corpus()
        let directory = try FixturePaths.temporaryDirectory()
        let stats = directory.appendingPathComponent("stats.json")
        let stopped = try await Self.runAndStop(
            ["run", "--input", corpus.path, "--output", directory.appendingPathComponent("pages.jsonl").path, "--stats", stats.path,
             "--log-level", "info", "--progress", "never", "--concurrency", "2"], afterDeadLetters: 2, signal: SIGINT)
        #expect(stopped.status == 130, "\(stopped.stderr)")
        let summary = try Self.stats(stats)
        #expect(summary["stopped_by_signal"] as? Int == Int(SIGINT))
        let records = try #require(summary["records"] as? Int)
        // The JSON Lines file was flushed and renamed into place with every record the run produced.
        let lines = try String(contentsOf: directory.appendingPathComponent("pages.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == records)
    }

    @Test("an overlapping run on the same state database exits 75; another shard may run beside it")
    func lock() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let database = directory.appendingPathComponent("ingest.sqlite").path
        let descriptor = open(database + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let blocked = try await IngestProcess.run(["run", "--input", FixturePaths.pages.path, "--sqlite", database, "--progress", "never"])
        #expect(blocked.status == 75)
        #expect(blocked.stderr.contains("another run holds \(database).lock"))
        #expect(try SQLiteRows(path: database).rows("SELECT count(*) FROM runs") == [["0"]])
        let shard = try await IngestProcess.run(
            ["run", "--input", FixturePaths.pages.path, "--sqlite", database, "--shard", "0/2", "--progress", "never", "--max-failure-ratio", "1"])
        #expect(shard.status == 0, "\(shard.stderr)")
    }

    @Test("a completed shard is skipped on rerun over the same inputs, run again when forced or when the inputs change")
    func completedShardsAreSkipped() async throws {
        let input = try FixturePaths.temporaryDirectory("completion-input")
        for name in ["seed-000-wix.html", "seed-003-wordpress-pl.html"] {
            try FileManager.default.copyItem(at: FixturePaths.pages.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let database = try FixturePaths.temporaryDirectory().appendingPathComponent("ingest.sqlite").path
        let arguments = ["run", "--input", input.path, "--sqlite", database, "--progress", "never"]
        let rows = SQLiteRows(path: database)
        for shard in ["0/2", "1/2"] {
            let result = try await IngestProcess.run(arguments + ["--shard", shard, "--max-failure-ratio", "1"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try rows.rows("SELECT shard_index, shard_count FROM shard_completions ORDER BY shard_index") == [["0", "2"], ["1", "2"]])
        let runs = try rows.rows("SELECT count(*) FROM runs")

        let skipped = try await IngestProcess.run(arguments + ["--shard", "1/2"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("shard 1/2 of pipeline events over these inputs was completed by run"))
        #expect(try rows.rows("SELECT count(*) FROM runs") == runs)

        let forced = try await IngestProcess.run(arguments + ["--shard", "1/2", "--no-skip-completed", "--max-failure-ratio", "1"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("inputs 2 = "))

        try FileManager.default.copyItem(
            at: FixturePaths.pages.appendingPathComponent("seed-004-modus.html"), to: input.appendingPathComponent("seed-004-modus.html"))
        let changed = try await IngestProcess.run(arguments + ["--shard", "1/2", "--max-failure-ratio", "1"])
        #expect(changed.status == 0)
        #expect(changed.stderr.contains("inputs 3 = "))

        // A page rewritten in place (same name, new content) is new work too.
        let again = try await IngestProcess.run(arguments + ["--shard", "1/2", "--max-failure-ratio", "1"])
        #expect(again.stderr.contains("was completed by run"))
        try Data("<html><body><p>rewritten</p></body></html>".utf8).write(to: input.appendingPathComponent("seed-000-wix.html"))
        let rewritten = try await IngestProcess.run(arguments + ["--shard", "1/2", "--max-failure-ratio", "1"])
        #expect(rewritten.stderr.contains("inputs 3 = "))
    }
}
