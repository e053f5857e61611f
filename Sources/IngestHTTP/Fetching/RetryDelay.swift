import Foundation

/// How long to wait before the next attempt at a URL.
enum RetryDelay {
    /// Exponential backoff with "equal jitter": half the doubled delay is fixed, the other half random, so
    /// many pages of one failing host do not come back in lockstep.
    static func backoff(attempt: Int, base: Duration, cap: Duration) -> Duration {
        let doubled = base * Double(1 << min(attempt, 20))
        let ceiling = min(doubled, cap)
        return ceiling / 2 + ceiling / 2 * Double.random(in: 0...1)
    }

    /// A `Retry-After` value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3), relative to `now`.
    /// `nil` when the value is neither; a date in the past means no wait.
    static func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds < 0 ? nil : .seconds(seconds) }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        let interval = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int64((interval * 1000).rounded(.up)))
    }
}
