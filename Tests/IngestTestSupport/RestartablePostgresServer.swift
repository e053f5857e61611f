import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server that tests may stop, start and restart: the second cluster that
/// `Scripts/test-postgres.sh --restartable` creates, named by `INGEST_TEST_POSTGRES_RESTARTABLE_URL`.
/// It is a cluster of its own so that taking it down never disturbs the tests that share the main one.
///
/// Outside CI the restart tests are skipped when the variable is not set; under `CI=true` its absence
/// is a failure, so CI cannot pass without having restarted a real server.
public struct RestartablePostgresServer: Sendable {
    public let server: PostgresTestServer

    public static var isEnabled: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !(environment["INGEST_TEST_POSTGRES_RESTARTABLE_URL"] ?? "").isEmpty || environment["CI"] == "true"
    }

    public static func required() throws -> RestartablePostgresServer {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["INGEST_TEST_POSTGRES_RESTARTABLE_URL"], !url.isEmpty else {
            throw PostgresTestError(
                message: "INGEST_TEST_POSTGRES_RESTARTABLE_URL is not set; export it from `Scripts/test-postgres.sh --restartable`")
        }
        return RestartablePostgresServer(server: PostgresTestServer(url: url))
    }

    public var url: String { server.url }

    /// Runs `body` while no other test, in this process or another one on the machine (several
    /// checkouts may run their suites at once), stops or restarts the server; afterwards the server is
    /// up again even if `body` failed while it was down.
    public func exclusively<Result>(_ body: () async throws -> Result) async throws -> Result {
        let descriptor = open("/tmp/ingest-test-postgres-restartable.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw PostgresTestError(message: "cannot open the restart tests' lock file: errno \(errno)") }
        defer { close(descriptor) }
        // Polled rather than blocking, so a waiting test does not hold one of the few cooperative threads.
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            try await Task.sleep(for: .milliseconds(100))
        }
        do {
            let result = try await body()
            try control(nil)
            return result
        } catch {
            try? control(nil)
            throw error
        }
    }

    /// Stops the server (fast shutdown: every session is cut).
    public func stop() throws { try control("stop") }

    public func start() throws { try control("start") }

    /// Stops and starts the server; returns when it accepts connections again.
    public func restart() throws { try control("restart") }

    /// When the running server started, which a restart changes.
    public func startTime() throws -> String {
        try PostgresTestServer.rows(url, "SELECT pg_postmaster_start_time()").first?.first.flatMap { $0 } ?? ""
    }

    /// `Scripts/test-postgres.sh --restartable [action]`; without an action it makes sure the server is
    /// up. Its output goes to a file, not a pipe, which a server started by it could otherwise hold open.
    private func control(_ action: String?) throws {
        let log = try FixturePaths.temporaryDirectory("postgres-control").appendingPathComponent("output.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = FixturePaths.packageRoot.appendingPathComponent("Scripts/test-postgres.sh")
        process.arguments = ["--restartable"] + (action.map { [$0] } ?? [])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw PostgresTestError(
                message: "Scripts/test-postgres.sh --restartable \(action ?? "") exited \(process.terminationStatus): \(text)")
        }
    }
}
