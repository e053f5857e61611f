import Foundation
import IngestTestSupport
import Testing

/// `ingest run` while the PostgreSQL server itself is restarted, or stopped and left down: a real
/// server process, not a dropped connection. Another session holds the `events` table locked, so the
/// run's first batch waits inside its transaction; the test restarts the server exactly then, which
/// is as mid-run as it gets: pages inserted but not committed, and the rest of the input not read.
@Suite(.enabled(if: RestartablePostgresServer.isEnabled), .serialized) struct PostgresRestartTests {
    /// `ingest run` in the background with its standard error in a file.
    final class BackgroundRun {
        let process = Process()
        let log: URL

        init(_ arguments: [String]) throws {
            log = try FixturePaths.temporaryDirectory("background-run").appendingPathComponent("stderr.txt")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = IngestProcess.binary
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "INGEST_POSTGRES_URL" }
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
        }

        /// The exit status and everything the run wrote to standard error.
        func wait() async -> (status: Int32, stderr: String) {
            while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
            return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }
    }

    /// A session that holds `table` locked until the server goes away.
    static func holdLock(on table: String, _ url: String) async throws -> Process {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["psql", url, "-X", "-q", "-c", "BEGIN; LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(600)"]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        try await waitFor("the lock on \(table)", url, """
            SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname = '\(table)' AND l.mode = 'AccessExclusiveLock' AND l.granted
            """)
        return holder
    }

    /// Polls until `sql` counts at least one row; slow machines get minutes, not seconds.
    static func waitFor(_ what: String, _ url: String, _ sql: String) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        while ContinuousClock.now < deadline {
            if try PostgresTestServer.rows(url, sql) != [["0"]] { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw PostgresTestError(message: "timed out waiting for \(what)")
    }

    /// Starts `ingest run` and returns once its first batch is waiting on the locked table.
    static func startBlockedRun(_ url: String, list: String, retry: String) async throws -> BackgroundRun {
        let run = try BackgroundRun([
            "run", "--input-list", list, "--postgres-url", url, "--max-failure-ratio", "1", "--progress", "never",
            "--postgres-batch", "5", "--postgres-retry", retry,
        ])
        try await waitFor(
            "the run's first batch to wait on the lock", url,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
        return run
    }

    /// The undisturbed run's rows, on the shared server.
    static func reference(_ list: String) async throws -> [[[String?]]] {
        let url = try PostgresTestServer.required().createDatabase("undisturbed")
        let result = try await PostgresCLITests.run(url, list: list)
        #expect(result.status == 0, "\(result.stderr)")
        return try PostgresCLITests.contents(url)
    }

    @Test("the server restarted mid-transaction: the run reconnects, exits 0 and ends with exactly the rows of an undisturbed run")
    func restartMidRun() async throws {
        let restartable = try RestartablePostgresServer.required()
        let list = try PostgresCLITests.list(try PostgresCLITests.corpus(copies: 2))
        let reference = try await Self.reference(list)
        try await restartable.exclusively {
            let url = try restartable.server.createDatabase("restarted")
            #expect(try await IngestProcess.run(["db", "migrate", "--postgres-url", url]).status == 0)
            let holder = try await Self.holdLock(on: "events", url)
            defer { if holder.isRunning { holder.terminate() } }
            let run = try await Self.startBlockedRun(url, list: list, retry: "120")
            let before = try restartable.startTime()
            try restartable.restart()
            #expect(try restartable.startTime() != before, "the server did not restart")
            let (status, stderr) = await run.wait()
            #expect(status == 0, "\(stderr)")
            #expect(stderr.contains("reconnecting"), "the run did not notice the restart: \(stderr)")
            #expect(try PostgresCLITests.contents(url) == reference)
        }
    }

    @Test("the server stopped mid-transaction and left down: exit 75; started again, a rerun ends with exactly the rows of an undisturbed run")
    func stoppedMidRun() async throws {
        let restartable = try RestartablePostgresServer.required()
        let list = try PostgresCLITests.list(try PostgresCLITests.corpus(copies: 2))
        let reference = try await Self.reference(list)
        try await restartable.exclusively {
            let url = try restartable.server.createDatabase("stopped")
            #expect(try await IngestProcess.run(["db", "migrate", "--postgres-url", url]).status == 0)
            let holder = try await Self.holdLock(on: "events", url)
            defer { if holder.isRunning { holder.terminate() } }
            let run = try await Self.startBlockedRun(url, list: list, retry: "3")
            try restartable.stop()
            let (status, stderr) = await run.wait()
            #expect(status == 75, "\(stderr)")
            #expect(stderr.contains("processed again by the next run"), "\(stderr)")
            try restartable.start()
            let pages = FixturePaths.pageNames().count * 2 - 2 * 2
            #expect(try PostgresTestServer.rows(url, "SELECT count(*) < \(pages) FROM pages") == [["t"]], "every page was written")
            let rerun = try await PostgresCLITests.run(url, list: list)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try PostgresCLITests.contents(url) == reference)
        }
    }
}
