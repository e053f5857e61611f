import Foundation
import Testing

@testable import IngestHTTP

@Suite struct RetryDelayTests {
    @Test("Retry-After as seconds and as HTTP-dates in all three forms")
    func retryAfter() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryDelay.parseRetryAfter("120", now: now) == .seconds(120))
        #expect(RetryDelay.parseRetryAfter("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == .seconds(10))
        #expect(RetryDelay.parseRetryAfter("Sunday, 06-Nov-94 08:49:47 GMT", now: now) == .seconds(10))
        #expect(RetryDelay.parseRetryAfter("Sun Nov  6 08:49:47 1994", now: now) == .seconds(10))
        #expect(RetryDelay.parseRetryAfter("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
        #expect(RetryDelay.parseRetryAfter("soon", now: now) == nil)
        #expect(RetryDelay.parseRetryAfter("-5", now: now) == nil)
    }

    @Test("backoff doubles, stays within half to all of its ceiling, and never passes the cap")
    func backoff() {
        for attempt in 0..<8 {
            let ceiling = min(Duration.milliseconds(100) * Double(1 << attempt), .seconds(2))
            for _ in 0..<20 {
                let wait = RetryDelay.backoff(attempt: attempt, base: .milliseconds(100), cap: .seconds(2))
                #expect(wait >= ceiling / 2 && wait <= ceiling)
            }
        }
    }
}
