/// robots.txt rules per origin, each fetched once: concurrent requests to a new host wait for the same
/// fetch rather than each sending their own.
actor RobotsCache {
    private var entries: [String: Task<RobotsRules, Never>] = [:]
    private let load: @Sendable (String) async -> RobotsRules

    /// - Parameter load: fetches and parses the robots.txt of an origin (`https://host:port`).
    init(load: @escaping @Sendable (String) async -> RobotsRules) {
        self.load = load
    }

    func rules(for origin: String) async -> RobotsRules {
        if let entry = entries[origin] { return await entry.value }
        let load = self.load
        let task = Task { await load(origin) }
        entries[origin] = task
        return await task.value
    }
}
