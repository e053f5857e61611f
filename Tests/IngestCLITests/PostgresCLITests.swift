import Foundation
import IngestTestSupport
import Testing

/// `ingest run` and `ingest db migrate` against a real PostgreSQL server, as separate processes.
@Suite(.enabled(if: PostgresTestServer.isEnabled), .serialized) struct PostgresCLITests {
    /// Every content table with the columns that do not depend on which run wrote a row.
    static let comparable = [
        "SELECT page_id, url, sha256, title, published, language, text, record_json, record_sha256 FROM pages ORDER BY page_id",
        "SELECT * FROM entities ORDER BY page_id, ordinal",
        "SELECT event_id, record_json, record_sha256 FROM events ORDER BY event_id",
        "SELECT * FROM event_pages ORDER BY event_id, page_id",
        "SELECT page_id, url, stage, code, message FROM dead_letters ORDER BY page_id",
    ]

    static func contents(_ url: String) throws -> [[[String?]]] {
        try comparable.map { try PostgresTestServer.rows(url, $0) }
    }

    /// `copies` copies of every fixture page in one folder, each with its own name (and so page id),
    /// and an input list of them.
    static func corpus(copies: Int) throws -> [String] {
        let directory = try FixturePaths.temporaryDirectory("corpus")
        var paths: [String] = []
        for copy in 0..<copies {
            for name in FixturePaths.pageNames() {
                let target = directory.appendingPathComponent("c\(copy)-\(name)")
                try FileManager.default.copyItem(at: FixturePaths.pages.appendingPathComponent(name), to: target)
                paths.append(target.path)
            }
        }
        return paths
    }

    static func list(_ paths: some Sequence<String>) throws -> String {
        let file = try FixturePaths.temporaryDirectory("list").appendingPathComponent("inputs.txt")
        try Data(paths.joined(separator: "\n").utf8).write(to: file)
        return file.path
    }

    static func run(_ url: String, list: String, extra: [String] = []) async throws -> IngestProcess.Result {
        try await IngestProcess.run(["run", "--input-list", list, "--postgres-url", url, "--max-failure-ratio", "1"] + extra)
    }

    /// Starts `ingest run` without waiting for it.
    /// Starts `ingest run` into `url`; its standard error goes to `log` when given, so a failing test can
    /// say why the run failed.
    static func start(_ url: String, list: String, extra: [String] = [], log: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = IngestProcess.binary
        process.arguments = ["run", "--input-list", list, "--postgres-url", url, "--max-failure-ratio", "1", "--progress", "never"] + extra
        process.standardOutput = FileHandle.nullDevice
        if let log {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// The last lines a run wrote to its log, for a failure message.
    static func tail(of log: URL) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? "(no log)"
        return text.split(separator: "\n").suffix(30).joined(separator: "\n")
    }

    static func wait(_ process: Process) async -> Int32 {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        return process.terminationStatus
    }

    @Test("migrate, run, and a rerun that changes nothing")
    func runAndRerun() async throws {
        let server = try PostgresTestServer.required()
        let url = try server.createDatabase()
        let migrate = try await IngestProcess.run(["db", "migrate", "--postgres-url", url])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stderr.contains("migrated from schema version 0 to"))
        let list = try Self.list(FixturePaths.pageNames().map { FixturePaths.pages.appendingPathComponent($0).path })
        let first = try await Self.run(url, list: list)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("page records and dead letters to PostgreSQL postgres://"))
        #expect(!first.stderr.contains(":ingest@"), "the password must not be printed")
        let count = FixturePaths.pageNames().count
        #expect(try PostgresTestServer.rows(url, "SELECT count(*) FROM pages") == [["\(count - 2)"]])
        #expect(try PostgresTestServer.rows(url, "SELECT code FROM dead_letters ORDER BY code") == [["empty-input"], ["not-text"]])
        let before = try PostgresTestServer.rows(url, "SELECT page_id, record_sha256, first_run_id, changed_run_id FROM pages ORDER BY page_id")
        // The completion recorded in PostgreSQL makes the plain rerun a no-op; forced, it rewrites nothing.
        let skipped = try await Self.run(url, list: list)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr.contains("over these inputs was completed by run"), "\(skipped.stderr)")
        #expect(try PostgresTestServer.rows(url, "SELECT count(*) FROM shard_completions") == [["1"]])
        let second = try await Self.run(url, list: list, extra: ["--no-skip-completed"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try PostgresTestServer.rows(url, "SELECT page_id, record_sha256, first_run_id, changed_run_id FROM pages ORDER BY page_id") == before)
        #expect(try PostgresTestServer.rows(url, "SELECT count(*), count(finished_at) FROM runs") == [["2", "2"]])
    }

    static let thisDatabase = "database = (SELECT oid FROM pg_database WHERE datname = current_database())"

    @Test("with only --postgres-url, the run lock is held in PostgreSQL: an overlapping run exits 75 without writing")
    func lockInPostgres() async throws {
        let server = try PostgresTestServer.required()
        let url = try server.createDatabase()
        #expect(try await IngestProcess.run(["db", "migrate", "--postgres-url", url]).status == 0)
        // Another session holds the lock an unsharded run takes, as a run on another machine would.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "psql", url, "-X", "-q", "-c", "SELECT pg_advisory_lock(hashtextextended('ingest-run:', 0))", "-c", "SELECT pg_sleep(600)",
        ]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        let deadline = ContinuousClock.now + .seconds(300)
        while try PostgresTestServer.rows(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND \(Self.thisDatabase)") == [["0"]] {
            guard ContinuousClock.now < deadline else { throw PostgresTestError(message: "the lock was not taken in 300 s") }
            try await Task.sleep(for: .milliseconds(100))
        }
        let list = try Self.list([FixturePaths.pages.appendingPathComponent("seed-000-wix.html").path])
        let refused = try await Self.run(url, list: list)
        #expect(refused.status == 75, "\(refused.stderr)")
        #expect(refused.stderr.contains("another run holds the lock"), "\(refused.stderr)")
        #expect(try PostgresTestServer.rows(url, "SELECT count(*) FROM pages") == [["0"]])
        // Ending the holder's session (the server does not notice a client gone in the middle of pg_sleep).
        _ = try PostgresTestServer.rows(
            url, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND \(Self.thisDatabase)")
        holder.waitUntilExit()
        let after = try await Self.run(url, list: list)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try PostgresTestServer.rows(url, "SELECT count(*) FROM pages") == [["1"]])
    }

    @Test("a database at another schema version exits 78 and says what to do")
    func versionMismatch() async throws {
        let server = try PostgresTestServer.required()
        let url = try server.createDatabase()
        #expect(try await IngestProcess.run(["db", "migrate", "--postgres-url", url, "--to", "1"]).status == 0)
        let list = try Self.list([FixturePaths.pages.appendingPathComponent("seed-000-wix.html").path])
        let older = try await Self.run(url, list: list)
        #expect(older.status == 78)
        #expect(older.stderr.contains("has schema version 1, older than this build's"))
        #expect(try await IngestProcess.run(["db", "migrate", "--postgres-url", url]).status == 0)
        #expect(try await Self.run(url, list: list).status == 0)
        try PostgresTestServer.execute(url, "INSERT INTO schema_version (version) VALUES (999)")
        let newer = try await Self.run(url, list: list)
        #expect(newer.status == 78)
        #expect(newer.stderr.contains("has schema version 999, newer than this build supports"))
    }

    @Test("an unreachable server exits 69 after retrying")
    func unreachable() async throws {
        let list = try Self.list([FixturePaths.pages.appendingPathComponent("seed-000-wix.html").path])
        let result = try await Self.run("postgres://ingest@127.0.0.1:1/ingest?sslmode=disable", list: list, extra: ["--postgres-retry", "1"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("PostgreSQL postgres://ingest@127.0.0.1:1/ingest is unreachable"))
    }

    @Test("two writers at once over overlapping inputs leave exactly the rows of one writer")
    func concurrentWriters() async throws {
        let server = try PostgresTestServer.required()
        let paths = try Self.corpus(copies: 8)
        let single = try server.createDatabase("single")
        #expect(try await Self.run(single, list: try Self.list(paths)).status == 0)

        let shared = try server.createDatabase("shared")
        #expect(try await IngestProcess.run(["db", "migrate", "--postgres-url", shared]).status == 0)
        let third = paths.count / 3
        // Both see the middle third, in opposite orders, with small batches so their transactions interleave.
        // Each keeps its state in a file of its own: with the state in PostgreSQL, the run lock would
        // (rightly) let only one of them in.
        let states = try FixturePaths.temporaryDirectory("states")
        let first = try Self.start(
            shared, list: try Self.list(paths.prefix(2 * third)),
            extra: ["--postgres-batch", "7", "--state", states.appendingPathComponent("first.sqlite").path])
        let second = try Self.start(
            shared, list: try Self.list(paths.suffix(from: third).reversed()),
            extra: ["--postgres-batch", "5", "--state", states.appendingPathComponent("second.sqlite").path])
        let statuses = [await Self.wait(first), await Self.wait(second)]
        #expect(statuses == [0, 0])
        #expect(try Self.contents(shared) == Self.contents(single))
    }

    @Test("two sharded writers at once (--shard 0/2 and 1/2) leave exactly the rows of one unsharded writer")
    func shardedWriters() async throws {
        let server = try PostgresTestServer.required()
        let list = try Self.list(try Self.corpus(copies: 6))
        let single = try server.createDatabase("single")
        #expect(try await Self.run(single, list: list).status == 0)
        let shared = try server.createDatabase("sharded")
        let first = try Self.start(shared, list: list, extra: ["--shard", "0/2", "--postgres-batch", "9"])
        let second = try Self.start(shared, list: list, extra: ["--shard", "1/2", "--postgres-batch", "4"])
        #expect([await Self.wait(first), await Self.wait(second)] == [0, 0])
        #expect(try Self.contents(shared) == Self.contents(single))
    }

    @Test("the server going away mid-run and coming back ends with exactly the rows of an undisturbed run")
    func outageMidRun() async throws {
        let server = try PostgresTestServer.required()
        let paths = try Self.corpus(copies: 24)
        let list = try Self.list(paths)
        let undisturbed = try server.createDatabase("undisturbed")
        #expect(try await Self.run(undisturbed, list: list).status == 0)

        let disturbed = try server.createDatabase("disturbed")
        let name = String(URLComponents(string: disturbed)!.path.dropFirst())
        #expect(try await IngestProcess.run(["db", "migrate", "--postgres-url", disturbed]).status == 0)
        let log = try FixturePaths.temporaryDirectory("outage").appendingPathComponent("disturbed.log")
        let process = try Self.start(disturbed, list: list, extra: ["--postgres-batch", "20", "--postgres-retry", "30"], log: log)
        try await Self.waitForRows(disturbed)
        try await Self.outage(database: name, server: server, seconds: 2)
        let disturbedStatus = await Self.wait(process)
        #expect(disturbedStatus == 0, "\(Self.tail(of: log))")
        #expect(try Self.contents(disturbed) == Self.contents(undisturbed))

        // Away for longer than the retry budget: exit 75, and the rerun completes the same rows.
        let stopped = try server.createDatabase("stopped")
        let stoppedName = String(URLComponents(string: stopped)!.path.dropFirst())
        #expect(try await IngestProcess.run(["db", "migrate", "--postgres-url", stopped]).status == 0)
        let failing = try Self.start(stopped, list: list, extra: ["--postgres-batch", "20", "--postgres-retry", "1"])
        try await Self.waitForRows(stopped)
        try PostgresTestServer.execute(server.url, "ALTER DATABASE \(stoppedName) ALLOW_CONNECTIONS false")
        try Self.terminate(database: stoppedName, server: server)
        let status = await Self.wait(failing)
        try PostgresTestServer.execute(server.url, "ALTER DATABASE \(stoppedName) ALLOW_CONNECTIONS true")
        #expect(status == 75)
        let partial = try PostgresTestServer.rows(stopped, "SELECT count(*) FROM pages")
        #expect(partial != [["\(paths.count - 2 * 24)"]], "the outage came too late to interrupt the run")
        #expect(try await Self.run(stopped, list: list).status == 0)
        #expect(try Self.contents(stopped) == Self.contents(undisturbed))
    }

    static func waitForRows(_ url: String) async throws {
        for _ in 0..<400 {
            if try PostgresTestServer.rows(url, "SELECT count(*) > 0 FROM pages") == [["t"]] { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw PostgresTestError(message: "no page was written in 10 s")
    }

    static func terminate(database: String, server: PostgresTestServer) throws {
        _ = try PostgresTestServer.rows(server.url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)'")
    }

    /// Closes every session of `database` and refuses new ones for `seconds`: to a client, a restart.
    static func outage(database: String, server: PostgresTestServer, seconds: Double) async throws {
        try PostgresTestServer.execute(server.url, "ALTER DATABASE \(database) ALLOW_CONNECTIONS false")
        try terminate(database: database, server: server)
        try await Task.sleep(for: .seconds(seconds))
        try PostgresTestServer.execute(server.url, "ALTER DATABASE \(database) ALLOW_CONNECTIONS true")
    }
}
