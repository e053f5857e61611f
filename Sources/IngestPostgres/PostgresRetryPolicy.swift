/// How long to keep trying a PostgreSQL server that is away: exponential backoff with jitter, within a
/// total budget. Long enough to ride out a restart or a failover, short enough that cron sees a
/// retryable exit status instead of a hang.
public struct PostgresRetryPolicy: Sendable {
    public var budget: Duration
    public var firstDelay: Duration
    public var maxDelay: Duration
    /// The longest the start-up exchanges (schema check, migration, session set-up) and the state
    /// store's statements may go unanswered before the connection counts as lost: a server that drops a
    /// connection mid-statement can leave the driver waiting for ever.
    public var answerTimeout: Duration

    public init(
        budget: Duration = .seconds(30), firstDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5),
        answerTimeout: Duration = .seconds(60)
    ) {
        self.budget = budget
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
        self.answerTimeout = answerTimeout
    }

    /// The delay before attempt `attempt` (1-based after the first failure), with up to 25% jitter.
    func delay(attempt: Int) -> Duration {
        var delay = firstDelay
        for _ in 1..<max(attempt, 1) where delay < maxDelay { delay *= 2 }
        delay = min(delay, maxDelay)
        return delay + delay * Double.random(in: 0..<0.25)
    }
}
