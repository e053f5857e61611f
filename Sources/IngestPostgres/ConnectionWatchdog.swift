import PostgresNIO
import Synchronization

/// Bounds one unit of work on a connection. If the connection closes under it, or it outlives
/// `limit`, the caller gets a connection-loss error instead of waiting: the driver can leave a
/// statement unanswered forever when the server drops the connection mid-transaction, and a cron job
/// that hangs is worse than one that exits 75.
enum ConnectionWatchdog {
    struct Abandoned: Error, CustomStringConvertible {
        var description: String
    }

    /// Whoever settles first (the work or the watchdog) resumes the caller; the other is ignored.
    private final class Outcome<Value: Sendable>: Sendable {
        private let settled = Mutex(false)
        private let continuation: CheckedContinuation<Value, any Error>

        init(_ continuation: CheckedContinuation<Value, any Error>) {
            self.continuation = continuation
        }

        var isSettled: Bool { settled.withLock { $0 } }

        func settle(_ result: Result<Value, any Error>) -> Bool {
            let first = settled.withLock { done in
                defer { done = true }
                return !done
            }
            if first { continuation.resume(with: result) }
            return first
        }
    }

    static func run<Value: Sendable>(
        on connection: PostgresConnection, limit: Duration, _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let outcome = Outcome(continuation)
            let work = Task {
                do {
                    _ = outcome.settle(.success(try await body(connection)))
                } catch {
                    _ = outcome.settle(.failure(error))
                }
            }
            Task {
                let clock = ContinuousClock()
                let deadline = clock.now + limit
                var closedSince: ContinuousClock.Instant? = nil
                while !outcome.isSettled {
                    try? await Task.sleep(for: .milliseconds(100))
                    let now = clock.now
                    if connection.isClosed { closedSince = closedSince ?? now }
                    let reason: String? =
                        if let closedSince, now - closedSince > .seconds(1) {
                            "the connection closed during the transaction"
                        } else if now > deadline {
                            "no answer within \(limit)"
                        } else {
                            nil
                        }
                    guard let reason else { continue }
                    if outcome.settle(.failure(Abandoned(description: reason))) {
                        work.cancel()
                        connection.close().whenComplete { _ in }
                    }
                    return
                }
            }
        }
    }
}
