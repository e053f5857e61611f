/// The pages a run has already taken in, so an input listed twice is counted once as a skip.
///
/// It lives as long as the run and must answer exactly for every page, so it grows with the run; what it
/// keeps is kept small and, past a bound, out of memory. An id of the usual form ("p_" and 24 lowercase hex
/// digits, from `PageID(canonicalSource:)`) is kept as its 12 bytes rather than as a 26-character string.
/// The first ``memoryLimit`` of them stay in a set in memory (about a quarter of a megabyte); a larger run moves them to a
/// ``PageDigestTable`` in a scratch file, so memory stays the same from ten thousand pages to millions and
/// the disk takes 32 bytes or less a page. When no scratch file can be made or written, the ids stay in (or
/// come back to) memory: the run goes on, exact, and only its memory grows.
struct SeenPageIDs {
    typealias Digest = PageDigestTable.Digest

    /// Digests kept in memory before they move to a scratch file.
    static let memoryLimit = 12_288

    private let memoryLimit: Int
    private let directory: String?
    private var digests = Set<Digest>()
    private var table: PageDigestTable?
    /// Set once a scratch file could not be made or written: the digests then stay in memory.
    private(set) var scratchFailure: String?
    /// Ids of any other form, which only tests and callers building their own ids produce.
    private var others = Set<String>()

    /// - Parameters:
    ///   - memoryLimit: Digests kept in memory before they move to a scratch file.
    ///   - directory: Where the scratch file is made; nil for `$TMPDIR`, else `/tmp`.
    init(memoryLimit: Int = Self.memoryLimit, directory: String? = nil) {
        self.memoryLimit = memoryLimit
        self.directory = directory
    }

    var count: Int { digests.count + (table?.count ?? 0) + others.count }

    /// Whether the digests are in a scratch file rather than in memory.
    var isOnDisk: Bool { table != nil }

    /// Adds `id`; false when it was there already.
    mutating func insert(_ id: PageID) -> Bool {
        guard let digest = Self.digest(id.rawValue) else { return others.insert(id.rawValue).inserted }
        if table != nil {
            do throws(SpillFile.Failure) {
                return try table!.insert(digest)
            } catch {
                bringBack(after: error)
            }
        }
        guard digests.insert(digest).inserted else { return false }
        if digests.count >= memoryLimit, scratchFailure == nil { moveToDisk() }
        return true
    }

    /// Moves the digests in memory to a new scratch-file table.
    private mutating func moveToDisk() {
        do throws(SpillFile.Failure) {
            var moved = try PageDigestTable(capacity: digests.count * 4, directory: directory)
            for digest in digests { _ = try moved.insert(digest) }
            table = moved
            digests = []
        } catch {
            scratchFailure = error.message
        }
    }

    /// Takes the digests back into memory after the scratch file failed, as many as can still be read.
    private mutating func bringBack(after failure: SpillFile.Failure) {
        scratchFailure = failure.message
        if let table, let stored = try? table.digests() { digests.formUnion(stored) }
        table = nil
    }

    private static func digest(_ rawValue: String) -> Digest? {
        var rawValue = rawValue
        return rawValue.withUTF8 { bytes -> Digest? in
            guard bytes.count == 26, bytes[0] == UInt8(ascii: "p"), bytes[1] == UInt8(ascii: "_") else { return nil }
            var high: UInt64 = 0
            for index in 2..<18 {
                guard let nibble = nibble(bytes[index]) else { return nil }
                high = high << 4 | UInt64(nibble)
            }
            var low: UInt32 = 0
            for index in 18..<26 {
                guard let nibble = nibble(bytes[index]) else { return nil }
                low = low << 4 | UInt32(nibble)
            }
            return Digest(high: high, low: low)
        }
    }

    /// Lowercase hex only, so that "p_AB…" and "p_ab…", which are different ids, never share a digest.
    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
