@testable import IngestCore
import Testing

/// The runner's record of pages already taken in answers exactly as a set of the ids' strings would.
@Suite struct SeenPageIDsTests {
    @Test("ids of the usual form and of any other form: each is new once, and only ids that are equal collide")
    func agreesWithASetOfStrings() {
        var ids = (0..<5_000).map { PageID(canonicalSource: "https://example.org/\($0)") }
        ids += [
            "p_0123456789abcdef01234567", "p_0123456789ABCDEF01234567", "p_0123456789abcdef0123456",
            "p_0123456789abcdef012345678", "q_0123456789abcdef01234567", "p_0123456789abcdef0123456g", "", "p_",
            "p_000000000000000000000000", "p_000000000000000000000001", "p_100000000000000000000000",
        ].map(PageID.init(rawValue:))
        var seen = SeenPageIDs()
        var strings = Set<String>()
        for id in ids + ids.reversed() {
            #expect(seen.insert(id) == strings.insert(id.rawValue).inserted, "\(id)")
        }
        #expect(seen.count == strings.count)
    }
}
