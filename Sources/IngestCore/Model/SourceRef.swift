import Foundation

/// Where a document came from, as the record contract's `source` object describes it.
public struct SourceRef: Sendable, Codable, Equatable {
    /// The URL as requested; for local files a `file://` URL of the path relative to the input root.
    public var url: String
    /// The URL after redirects, when the fetch stage followed any.
    public var finalURL: String?
    /// When the bytes were obtained (RFC 3339, UTC). For local files: the file's modification time,
    /// so re-running over unchanged files yields byte-identical records.
    public var fetchedAt: String?
    public var httpStatus: Int?
    public var contentType: String?
    /// Size of the raw bytes.
    public var bytes: Int
    /// SHA-256 of the raw bytes, hex.
    public var sha256: String
    /// Offset of the record in a WARC file, when read from one.
    public var warc: WARCLocation?

    public init(
        url: String, finalURL: String? = nil, fetchedAt: String? = nil, httpStatus: Int? = nil,
        contentType: String? = nil, bytes: Int = 0, sha256: String = "", warc: WARCLocation? = nil
    ) {
        self.url = url
        self.finalURL = finalURL
        self.fetchedAt = fetchedAt
        self.httpStatus = httpStatus
        self.contentType = contentType
        self.bytes = bytes
        self.sha256 = sha256
        self.warc = warc
    }

    enum CodingKeys: String, CodingKey {
        case url
        case finalURL = "final_url"
        case fetchedAt = "fetched_at"
        case httpStatus = "http_status"
        case contentType = "content_type"
        case bytes, sha256, warc
    }
}
