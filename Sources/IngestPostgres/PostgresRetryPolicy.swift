/// How long to keep trying a PostgreSQL server that is away: exponential backoff with jitter, within a
/// total budget. Long enough to ride out a restart or a failover, short enough that cron sees a
/// retryable exit status instead of a hang.
public struct PostgresRetryPolicy: Sendable {
    public var budget: Duration
    public var firstDelay: Duration
    public var maxDelay: Duration

    public init(budget: Duration = .seconds(30), firstDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5)) {
        self.budget = budget
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
    }

    /// The delay before attempt `attempt` (1-based after the first failure), with up to 25% jitter.
    func delay(attempt: Int) -> Duration {
        var delay = firstDelay
        for _ in 1..<max(attempt, 1) where delay < maxDelay { delay *= 2 }
        delay = min(delay, maxDelay)
        return delay + delay * Double.random(in: 0..<0.25)
    }
}
