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

    /// A connection on which `prepare` (the schema check, the session's set-up) has run, with its result.
    /// `prepare` is bounded by the policy's answer timeout; a connection lost during it is opened again
    /// within the retry budget, then the run fails with `failure`. Errors the server answers with are not
    /// retried: a `RunError` from `prepare` is passed on, any other becomes a write failure.
    func open<Value: Sendable>(
        _ what: String, failure code: RunError.Code = .unavailable,
        prepare: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws(RunError) -> (connection: PostgresConnection, value: Value) {
        let deadline = ContinuousClock.now + policy.budget
        while true {
            let connection = try await connect(until: deadline, failure: code)
            do {
                let value = try await ConnectionWatchdog.run(on: connection, limit: policy.answerTimeout, prepare)
                return (connection, value)
            } catch {
                try? await connection.close()
                if let error = error as? RunError { throw error }
                let reason = PostgresFailure.describe(error)
                guard PostgresFailure.isConnectionLoss(error) else {
                    throw RunError(.writeFailed, "PostgreSQL \(url): could not \(what): \(reason)")
                }
                guard ContinuousClock.now < deadline else {
                    throw RunError(code, "PostgreSQL \(url): could not \(what), the connection was lost: \(reason)")
                }
                logger.warning(
                    "PostgreSQL connection lost, reconnecting", metadata: ["sink": "postgres", "step": "\(what)", "error": "\(reason)"])
            }
        }
    }
}
