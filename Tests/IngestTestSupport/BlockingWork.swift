import Foundation

/// Runs work that blocks its thread (waiting for a child process, sleeping between polls) on a thread of
/// its own.
///
/// Swift concurrency shares as many threads as the machine has cores (two on a small CI machine) across
/// every test running at once. A test that blocks one of them for a minute, as a generator script's
/// `--check` or a CLI run does, leaves the in-process PostgreSQL and HTTP tests without a thread to resume
/// on, and their connections time out although the server answered.
public enum BlockingWork {
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
