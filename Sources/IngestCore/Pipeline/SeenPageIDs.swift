/// The pages a run has already taken in, so an input listed twice is counted once as a skip.
///
/// It lives as long as the run and grows by one entry per distinct page, so the entry is kept small: an id
/// of the usual form ("p_" and 24 lowercase hex digits, from `PageID(canonicalSource:)`) is kept as its 12
/// bytes rather than as a 26-character string with its own heap allocation (about 80 bytes a page with the
/// set's overhead, against about 20).
struct SeenPageIDs {
    private struct Digest: Hashable {
        var high: UInt64
        var low: UInt32
    }

    private var digests = Set<Digest>()
    /// Ids of any other form, which only tests and callers building their own ids produce.
    private var others = Set<String>()

    var count: Int { digests.count + others.count }

    /// Adds `id`; false when it was there already.
    mutating func insert(_ id: PageID) -> Bool {
        if let digest = Self.digest(id.rawValue) {
            return digests.insert(digest).inserted
        }
        return others.insert(id.rawValue).inserted
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
