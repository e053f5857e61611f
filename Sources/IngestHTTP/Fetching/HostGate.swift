/// Keeps each host's share of the fetching polite: at most a set number of requests in flight to it, and a
/// least interval between the starts of two of its requests.
///
/// Hosts that are idle and past their delay are forgotten, so the table holds only hosts with recent
/// requests, not every host of the run.
actor HostGate {
    private struct Host {
        var active = 0
        var nextStart: ContinuousClock.Instant
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let perHost: Int
    private let delay: Duration
    private var hosts: [String: Host] = [:]
    private let clock = ContinuousClock()

    init(perHost: Int, delay: Duration) {
        self.perHost = max(1, perHost)
        self.delay = delay
    }

    /// Takes one of the host's slots and returns when the request may start; the caller sleeps until then.
    /// Every call must be paired with ``release(_:)``.
    func acquire(_ host: String) async -> ContinuousClock.Instant {
        forgetIdleHosts()
        while hosts[host, default: Host(nextStart: clock.now)].active >= perHost {
            await withCheckedContinuation { continuation in
                hosts[host, default: Host(nextStart: clock.now)].waiters.append(continuation)
            }
        }
        let now = clock.now
        var entry = hosts[host, default: Host(nextStart: now)]
        entry.active += 1
        let start = max(now, entry.nextStart)
        entry.nextStart = start + delay
        hosts[host] = entry
        return start
    }

    func release(_ host: String) {
        guard var entry = hosts[host] else { return }
        entry.active -= 1
        if !entry.waiters.isEmpty {
            entry.waiters.removeFirst().resume()
        }
        hosts[host] = entry
    }

    private func forgetIdleHosts() {
        guard hosts.count > 1024 else { return }
        let now = clock.now
        hosts = hosts.filter { $0.value.active > 0 || !$0.value.waiters.isEmpty || $0.value.nextStart > now }
    }
}
