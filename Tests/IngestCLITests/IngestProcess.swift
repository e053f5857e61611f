import Foundation
import IngestTestSupport

/// Runs the built `ingest` binary as a user would, capturing its exit status and both streams. The wait
/// happens off Swift concurrency's threads (`BlockingWork`), since a run can take minutes.
struct IngestProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ingest")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return FixturePaths.packageRoot.appendingPathComponent(".build/debug/ingest")
    }()

    /// - Parameter environment: variables added to (or replacing) the test process's own environment.
    static func run(
        _ arguments: [String], in directory: URL = FixturePaths.packageRoot, stdin: String? = nil, environment: [String: String] = [:]
    ) async throws -> Result {
        try await BlockingWork.run { try runWaiting(arguments, in: directory, stdin: stdin.map { Data($0.utf8) }, environment: environment) }
    }

    /// As `run`, with standard input given as bytes, which need not be UTF-8.
    static func run(_ arguments: [String], stdinBytes: Data) async throws -> Result {
        try await BlockingWork.run { try runWaiting(arguments, in: FixturePaths.packageRoot, stdin: stdinBytes, environment: [:]) }
    }

    private static func runWaiting(
        _ arguments: [String], in directory: URL, stdin: Data?, environment: [String: String]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        // A user's own database must never receive test runs.
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "INGEST_POSTGRES_URL" }
            .merging(environment) { _, added in added }
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        // Input is written and standard error read on threads of their own, so a process that answers
        // before it has read all its input, or writes more than a pipe holds to either stream, never
        // waits on this one. A process that exits without reading all its input closes the pipe: the
        // throwing write reports that as an error, where the plain one would stop the whole test run.
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorReader = PipeDrain(errors.fileHandleForReading)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
