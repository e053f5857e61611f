import Crypto

/// One of `count` disjoint parts of the input, so several machines can split one corpus without talking
/// to each other.
///
/// A page belongs to exactly one shard, chosen from its ``PageID`` alone: the first eight bytes of the
/// SHA-256 of the id, read as a big-endian integer, modulo `count`. Membership therefore depends on
/// neither input order nor machine, a rerun puts every page in the same shard again, and the rule is
/// simple enough to recompute elsewhere (for example when auditing a database).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// Zero-based, as `JOB_COMPLETION_INDEX` counts: `0..<count`.
    public let index: Int
    public let count: Int

    /// - Throws: ``ShardError`` when `count` is not positive or `index` is outside `0..<count`.
    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1 else { throw ShardError("the shard count must be at least 1, not \(count)") }
        guard (0..<count).contains(index) else {
            throw ShardError("shard index \(index) is outside 0…\(count - 1) (shards are numbered from 0)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, the form `--shard` takes.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0].trimmingWhitespace), let count = Int(parts[1].trimmingWhitespace)
        else {
            throw ShardError("'\(text)' is not a shard: write K/N, for example 0/4 for the first of four")
        }
        try self.init(index: index, count: count)
    }

    /// The whole input as one shard.
    public static let whole = try! Shard(index: 0, count: 1)

    public var description: String { "\(index)/\(count)" }

    public func contains(_ id: PageID) -> Bool {
        count == 1 || Self.bucket(of: id, count: count) == index
    }

    /// The shard index `id` falls into when the input is split `count` ways.
    public static func bucket(of id: PageID, count: Int) -> Int {
        precondition(count >= 1, "shard count must be positive")
        let digest = SHA256.hash(data: Array(id.rawValue.utf8))
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        return Int(value % UInt64(count))
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        var slice = self
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return slice
    }
}
