import Crypto

/// The stable identity of a page: a hash of its canonical source, so the same page gets the same id on
/// every run, on every machine and in every sink.
///
/// The canonical source is the URL as requested, a WARC record id, or a file path relative to the input
/// root. Hashing keeps ids short and free of characters that databases or file names would trip over.
public struct PageID: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Derives the id from a canonical source string.
    public init(canonicalSource: String) {
        self.rawValue = "p_" + SHA256Hex.hex(SHA256.hash(data: Array(canonicalSource.utf8)).prefix(12))
    }

    public var description: String { rawValue }

    public static func < (lhs: PageID, rhs: PageID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
