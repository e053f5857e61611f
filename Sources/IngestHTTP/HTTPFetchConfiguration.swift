import IngestCore

/// How pages are fetched over HTTP: identity, limits, timeouts and retries.
///
/// The defaults are chosen for nightly runs over many sites: polite to each host (two connections, a
/// second between request starts), patient with slow servers but never hung on one (every request has a
/// total deadline), and bounded in memory (bodies are capped, before and after decompression).
public struct HTTPFetchConfiguration: Sendable {
    /// Sent with every request, robots.txt included. Its product token (the part before the first `/`)
    /// is the name robots.txt groups are matched against.
    public var userAgent: String
    /// Requests in flight at once over all hosts; each may hold a body up to ``maxBodyBytes``.
    public var maxConnections: Int
    /// Requests in flight at once to one host (scheme, host and port).
    public var maxConnectionsPerHost: Int
    /// The least time between the starts of two requests to one host.
    public var politenessDelay: Duration
    /// Time allowed to open a connection.
    public var connectTimeout: Duration
    /// Time allowed between two reads on an open connection: a stalled server fails here.
    public var readTimeout: Duration
    /// Time allowed for one attempt from request to last body byte: a server trickling bytes fails here.
    public var totalTimeout: Duration
    /// Largest body kept, both as sent and after decompression; past it the page is a `too-large` dead letter.
    public var maxBodyBytes: Int
    /// Redirects followed before the page becomes a `too-many-redirects` dead letter.
    public var maxRedirects: Int
    /// Extra attempts after a timeout, a connection failure, a 429 or a 5xx.
    public var maxRetries: Int
    /// The first retry waits about this long, each later one twice as long as the one before (with jitter).
    public var retryBaseDelay: Duration
    /// The longest wait before a retry. A `Retry-After` asking for more gives up on the page at once.
    public var maxRetryDelay: Duration
    /// When false, robots.txt is neither fetched nor honoured (for sites the operator owns).
    public var honoursRobots: Bool

    public init(
        userAgent: String = HTTPFetchConfiguration.defaultUserAgent, maxConnections: Int = 16, maxConnectionsPerHost: Int = 2,
        politenessDelay: Duration = .seconds(1), connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(30),
        totalTimeout: Duration = .seconds(120), maxBodyBytes: Int = 10 << 20, maxRedirects: Int = 5, maxRetries: Int = 3,
        retryBaseDelay: Duration = .milliseconds(500), maxRetryDelay: Duration = .seconds(60), honoursRobots: Bool = true
    ) {
        self.userAgent = userAgent
        self.maxConnections = max(1, maxConnections)
        self.maxConnectionsPerHost = max(1, maxConnectionsPerHost)
        self.politenessDelay = politenessDelay
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = max(0, maxRedirects)
        self.maxRetries = max(0, maxRetries)
        self.retryBaseDelay = retryBaseDelay
        self.maxRetryDelay = maxRetryDelay
        self.honoursRobots = honoursRobots
    }

    public static let defaultUserAgent = "ingest/\(IngestVersion.current)"

    /// The name robots.txt groups are matched against: the User-Agent up to its first `/` or space.
    public var productToken: String {
        String(userAgent.prefix { $0 != "/" && $0 != " " })
    }
}
