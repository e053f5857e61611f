import Foundation
@testable import IngestCore
import IngestTestSupport
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

/// Past its memory limit the record moves to a scratch file and must still answer exactly; when no scratch
/// file can be made it stays in memory, still exact.
@Suite struct SeenPageIDsOnDiskTests {
    static func ids(_ count: Int) -> [PageID] {
        (0..<count).map { PageID(canonicalSource: "https://example.org/page/\($0)") }
    }

    @Test("ids past the memory limit go to a scratch file that grows, and every answer stays exact", arguments: [1, 100, 5_000])
    func exactOnDisk(memoryLimit: Int) throws {
        let directory = try FixturePaths.temporaryDirectory()
        var seen = SeenPageIDs(memoryLimit: memoryLimit, directory: directory.path)
        var strings = Set<String>()
        let ids = Self.ids(20_000)
        // Each id twice, the repeats spread through the run, and some ids of another form among them.
        var order = ids + ids.shuffled()
        order.insert(contentsOf: [PageID(rawValue: "custom-1"), PageID(rawValue: "custom-1")], at: 7_000)
        for id in order {
            let isNew = seen.insert(id)
            #expect(isNew == strings.insert(id.rawValue).inserted)
        }
        #expect(seen.isOnDisk)
        #expect(seen.scratchFailure == nil)
        #expect(seen.count == strings.count)
        // The table grew from 1,024 slots to over 40,000 on the way; nothing of it shows in the directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("with no directory for a scratch file the ids stay in memory and the answers stay exact")
    func noScratchDirectory() throws {
        let missing = try FixturePaths.temporaryDirectory().appendingPathComponent("missing").path
        var seen = SeenPageIDs(memoryLimit: 10, directory: missing)
        let ids = Self.ids(500)
        let firstTime = ids.map { seen.insert($0) }
        let secondTime = ids.reversed().map { seen.insert($0) }
        #expect(firstTime.allSatisfy { $0 })
        #expect(secondTime.allSatisfy { !$0 })
        #expect(!seen.isOnDisk)
        #expect(seen.scratchFailure?.contains("cannot create a scratch file") == true)
        #expect(seen.count == 500)
    }

    @Test("the file table alone: inserting finds every earlier digest and reads them all back")
    func tableRoundTrip() throws {
        let directory = try FixturePaths.temporaryDirectory()
        var table = try PageDigestTable(capacity: 10, directory: directory.path)
        var reference = Set<PageDigestTable.Digest>()
        // Digests that share their home slot (the same low bits of `high`) probe past each other.
        let digests = (0..<600).map { PageDigestTable.Digest(high: UInt64($0 % 7) << 40 | UInt64($0 % 3), low: UInt32($0)) }
        for digest in digests + digests.reversed() {
            let isNew = try table.insert(digest)
            #expect(isNew == reference.insert(digest).inserted)
        }
        #expect(table.count == 600)
        #expect(Set(try table.digests()) == reference)
    }
}
