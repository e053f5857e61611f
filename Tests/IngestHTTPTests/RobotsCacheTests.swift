import Synchronization
import Testing

@testable import IngestHTTP

@Suite struct RobotsCacheTests {
    @Test("concurrent requests for a new host share one robots.txt fetch")
    func oneFetchPerOrigin() async {
        final class Loads: Sendable {
            let origins = Mutex<[String]>([])
        }
        let loads = Loads()
        let cache = RobotsCache { origin in
            loads.origins.withLock { $0.append(origin) }
            try? await Task.sleep(for: .milliseconds(50))
            return .allowAll
        }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask { _ = await cache.rules(for: index % 2 == 0 ? "http://a.example" : "https://b.example:8443") }
            }
        }
        #expect(loads.origins.withLock { $0.sorted() } == ["http://a.example", "https://b.example:8443"])
    }
}
