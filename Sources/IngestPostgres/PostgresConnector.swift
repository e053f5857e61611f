import Logging
import NIOCore
import PostgresNIO
import IngestCore

/// Opens connections to one server, retrying while it is unreachable within a ``PostgresRetryPolicy``.
struct PostgresConnector: Sendable {
    let url: PostgresURL
    let policy: PostgresRetryPolicy
    let logger: Logger

    /// A connection within the policy's budget from now, or `unavailable` (exit 69).
    func connect() async throws(RunError) -> PostgresConnection {
        try await connect(until: ContinuousClock.now + policy.budget, failure: .unavailable)
    }

    /// A connection before `deadline`, or `failure` once it has passed. Wrong credentials or a missing
    /// database fail at once as configuration errors, because waiting cannot fix them.
    func connect(until deadline: ContinuousClock.Instant, failure code: RunError.Code) async throws(RunError) -> PostgresConnection {
        let configuration = try url.configuration()
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await PostgresConnection.connect(
                    configuration: configuration, id: attempt, logger: Logger(label: "postgres", factory: { _ in SwiftLogNoOpLogHandler() }))
            } catch {
                let reason = PostgresFailure.describe(error)
                if let failure = error as? PSQLError, !PostgresFailure.isConnectionLoss(failure),
                    [.server, .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError].contains(failure.code)
                {
                    throw RunError(.invalidConfiguration, "PostgreSQL \(url) refused the connection: \(reason)")
                }
                let delay = policy.delay(attempt: attempt)
                guard ContinuousClock.now + delay < deadline else {
                    throw RunError(code, "PostgreSQL \(url) is unreachable (\(attempt) attempts): \(reason)")
                }
                logger.warning(
                    "PostgreSQL unreachable, retrying", metadata: ["sink": "postgres", "attempt": "\(attempt)", "error": "\(reason)"])
                try? await Task.sleep(for: delay)
            }
        }
    }
}
