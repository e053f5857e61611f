import Foundation

/// Runs `python3` from the package root, as the generator scripts' `--check` runs are run, off Swift
/// concurrency's threads (`BlockingWork`): the language model's check alone takes about a minute.
public enum PythonScript {
    /// The exit status. Standard output is discarded; standard error reaches the test log unless `quiet`.
    public static func run(_ arguments: [String], quiet: Bool = false) async throws -> Int32 {
        try await BlockingWork.run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
            process.currentDirectoryURL = FixturePaths.packageRoot
            process.standardOutput = FileHandle.nullDevice
            if quiet { process.standardError = FileHandle.nullDevice }
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }
}
