/// What a URL looked like when it was last fetched, kept in `fetch_state` for conditional requests on
/// the next run (`If-None-Match`, `If-Modified-Since`) and for telling an unchanged body by its hash.
public struct FetchState: Sendable, Equatable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var contentSHA256: String?
    public var httpStatus: Int?
    /// RFC 3339, UTC.
    public var fetchedAt: String?
    public var pageID: PageID?

    public init(
        url: String, etag: String? = nil, lastModified: String? = nil, contentSHA256: String? = nil, httpStatus: Int? = nil,
        fetchedAt: String? = nil, pageID: PageID? = nil
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.contentSHA256 = contentSHA256
        self.httpStatus = httpStatus
        self.fetchedAt = fetchedAt
        self.pageID = pageID
    }
}
