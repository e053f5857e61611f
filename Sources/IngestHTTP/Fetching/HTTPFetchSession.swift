import AsyncHTTPClient
import Foundation
public import IngestCore
public import Logging
import NIOCore

/// Fetches pages for one run: one HTTP client, one robots.txt cache and one per-host gate shared by every
/// request, so limits hold across the whole run.
///
/// Call ``shutdown()`` when the run is over; the client's connections are closed there.
public final class HTTPFetchSession: Sendable {
    public let configuration: HTTPFetchConfiguration
    let transport: HTTPTransport
    let gate: HostGate
    let robots: RobotsCache
    let logger: Logger

    /// robots.txt is read up to this many bytes, the least RFC 9309 asks crawlers to read; the rest is ignored.
    static let robotsLimit = 500 << 10

    public init(configuration: HTTPFetchConfiguration, logger: Logger) {
        var clientConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: configuration.connectTimeout.timeAmount, read: configuration.readTimeout.timeAmount),
            decompression: .disabled)
        // A refused connection is reported at once and retried by this fetcher's own policy, not retried
        // silently by the pool until the connect timeout.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = configuration.maxConnectionsPerHost
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let transport = HTTPTransport(client: client, configuration: configuration)
        self.configuration = configuration
        self.transport = transport
        self.gate = HostGate(perHost: configuration.maxConnectionsPerHost, delay: configuration.politenessDelay)
        self.logger = logger
        let gate = self.gate
        self.robots = RobotsCache { origin in
            await Self.loadRobots(origin: origin, transport: transport, gate: gate, logger: logger)
        }
    }

    /// Closes the client. Requests still running fail.
    public func shutdown() async {
        do {
            try await transport.client.shutdown()
        } catch {
            logger.warning("the HTTP client did not shut down cleanly", metadata: ["error": "\(error)"])
        }
    }

    /// What became of one URL, and the fetch state to save for it.
    public struct Fetched: Sendable {
        public var item: InputItem
        /// For a document: also in ``Document/fetchState``, written with its record by the sink that keeps
        /// fetch state, or saved by ``FetchStateRecorder`` once every sink finished when no sink does. For an
        /// unchanged page: saved at once (its record was written by an earlier run), so validators the server
        /// changed are used next time.
        public var state: FetchState?

        /// Whether ``state`` may be saved now rather than after the record is written.
        public var savesAtOnce: Bool {
            if case .skipped = item { return state != nil }
            return false
        }
    }

    /// Fetches one URL as listed, following redirects and retrying as configured.
    ///
    /// - Parameter previous: what the URL looked like on the last run; its validators make the request
    ///   conditional, and its hash tells an unchanged body.
    public func fetch(_ url: String, previous: FetchState?) async -> Fetched {
        let id = PageID(canonicalSource: url)
        var source = SourceRef(url: url)
        func failed(_ code: StageError.Code, _ message: String) -> Fetched {
            Fetched(item: .failed(id: id, source: source, code: code, message: message), state: nil)
        }
        guard var current = Self.httpURL(url) else {
            return failed(.invalidURL, "not an absolute http or https URL: \(url)")
        }
        var conditional: [(String, String)] = []
        if let etag = previous?.etag { conditional.append(("If-None-Match", etag)) }
        if let lastModified = previous?.lastModified { conditional.append(("If-Modified-Since", lastModified)) }

        var redirects = 0
        while true {
            let origin = Self.origin(current)
            if configuration.honoursRobots {
                let rules = await robots.rules(for: origin)
                if !rules.allows(path: Self.pathAndQuery(current)) {
                    if current.absoluteString != url { source.finalURL = current.absoluteString }
                    return Fetched(item: .skipped(id: id, source: source, reason: Self.robotsReason), state: nil)
                }
            }
            let exchange: HTTPExchange
            switch await Self.attempt(
                current.absoluteString, origin: origin, transport: transport, gate: gate, logger: logger, extraHeaders: conditional,
                bodyLimit: configuration.maxBodyBytes)
            {
            case .failure(let failure):
                return failed(failure.code, failure.message)
            case .success(let result):
                exchange = result
            }
            source.httpStatus = exchange.status
            if [301, 302, 303, 307, 308].contains(exchange.status) {
                redirects += 1
                guard redirects <= configuration.maxRedirects else {
                    source.finalURL = current.absoluteString
                    return failed(.tooManyRedirects, "more than \(configuration.maxRedirects) redirects; the last went to \(exchange.headers["location"] ?? "nowhere")")
                }
                guard let location = exchange.headers["location"], let next = URL(string: location, relativeTo: current)?.absoluteURL,
                    Self.httpURL(next.absoluteString) != nil
                else {
                    source.finalURL = current.absoluteString
                    return failed(.tooManyRedirects, "HTTP \(exchange.status) without a usable Location (\(exchange.headers["location"] ?? "none"))")
                }
                current = next
                continue
            }
            if current.absoluteString != url { source.finalURL = current.absoluteString }
            source.contentType = exchange.headers["content-type"]
            if exchange.status == 304 {
                guard var refreshed = previous else {
                    return failed(.httpStatus, "HTTP 304 to a request that was not conditional")
                }
                // A 304 may carry new validators (RFC 9110 §15.4.5); the body and its hash stay as stored.
                refreshed.etag = exchange.headers["etag"] ?? refreshed.etag
                refreshed.lastModified = exchange.headers["last-modified"] ?? refreshed.lastModified
                refreshed.httpStatus = 304
                refreshed.fetchedAt = RFC3339.string(from: Date())
                return Fetched(item: .skipped(id: id, source: source, reason: Self.unchangedReason), state: refreshed)
            }
            guard (200..<300).contains(exchange.status) else {
                return failed(.httpStatus, "HTTP \(exchange.status) \(exchange.reason)")
            }
            let body = exchange.body
            source.bytes = body.count
            source.sha256 = SHA256Hex.digest(body)
            source.fetchedAt = RFC3339.string(from: Date())
            let state = FetchState(
                url: url, etag: exchange.headers["etag"], lastModified: exchange.headers["last-modified"], contentSHA256: source.sha256,
                httpStatus: exchange.status, fetchedAt: source.fetchedAt, pageID: id)
            if let stored = previous?.contentSHA256, stored == source.sha256 {
                return Fetched(item: .skipped(id: id, source: source, reason: Self.unchangedReason), state: state)
            }
            // The state travels with the page, so the sink whose database keeps fetch state commits it in the
            // page's own transaction.
            var document = Document(id: id, source: source, raw: body, headers: exchange.headers)
            document.fetchState = state
            return Fetched(item: .document(document), state: state)
        }
    }

    /// The skip reason of a page robots.txt keeps the crawler from.
    public static let robotsReason = "disallowed by robots.txt"
    /// The skip reason of a page that has not changed since the last run (a 304, or the same body hash).
    public static let unchangedReason = "unchanged"

    /// One request to one URL, with its host's slot and delay, retried on timeouts, broken connections,
    /// 429 and 5xx. Returns the last response or failure.
    static func attempt(
        _ url: String, origin: String, transport: HTTPTransport, gate: HostGate, logger: Logger, extraHeaders: [(String, String)],
        bodyLimit: Int, truncates: Bool = false
    ) async -> Result<HTTPExchange, FetchFailure> {
        let configuration = transport.configuration
        let attempts = configuration.maxRetries + 1
        for attempt in 0..<attempts {
            let result = await Self.send(url, origin: origin, transport: transport, gate: gate, extraHeaders: extraHeaders, bodyLimit: bodyLimit, truncates: truncates)
            let wait: Duration
            switch result {
            case .success(let exchange) where exchange.status == 429 || (500..<600).contains(exchange.status):
                let asked = exchange.headers["retry-after"].flatMap { RetryDelay.parseRetryAfter($0) }
                if let asked, asked > configuration.maxRetryDelay {
                    return .failure(
                        FetchFailure(
                            code: .httpStatus,
                            message: "HTTP \(exchange.status) with Retry-After \(asked), longer than the longest retry wait of \(configuration.maxRetryDelay)",
                            retryable: false))
                }
                guard attempt + 1 < attempts else {
                    return .failure(
                        FetchFailure(code: .httpStatus, message: "HTTP \(exchange.status) \(exchange.reason) after \(attempts) attempts", retryable: false))
                }
                wait = asked ?? RetryDelay.backoff(attempt: attempt, base: configuration.retryBaseDelay, cap: configuration.maxRetryDelay)
                logger.debug("retrying", metadata: ["url": "\(url)", "http.status": "\(exchange.status)", "retry.wait": "\(wait)"])
            case .success:
                return result
            case .failure(let failure):
                guard failure.retryable, attempt + 1 < attempts else {
                    if failure.retryable {
                        return .failure(FetchFailure(code: failure.code, message: "\(failure.message) (\(attempts) attempts)", retryable: false))
                    }
                    return result
                }
                wait = RetryDelay.backoff(attempt: attempt, base: configuration.retryBaseDelay, cap: configuration.maxRetryDelay)
                logger.debug("retrying", metadata: ["url": "\(url)", "error.code": "\(failure.code)", "retry.wait": "\(wait)"])
            }
            do {
                try await Task.sleep(for: wait)
            } catch {
                return .failure(FetchFailure(code: .stopped, message: "the run stopped while the page waited for a retry", retryable: false))
            }
        }
        return .failure(FetchFailure(code: .internal, message: "no attempt was made", retryable: false))
    }

    /// One request within the host's limits: waits for a slot and for the politeness delay, then sends.
    static func send(
        _ url: String, origin: String, transport: HTTPTransport, gate: HostGate, extraHeaders: [(String, String)], bodyLimit: Int,
        truncates: Bool
    ) async -> Result<HTTPExchange, FetchFailure> {
        let start = await gate.acquire(origin)
        do {
            try await Task.sleep(until: start, clock: .continuous)
        } catch {
            await gate.release(origin)
            return .failure(FetchFailure(code: .stopped, message: "the run stopped while the page waited for its host's turn", retryable: false))
        }
        let result = await transport.get(url, extraHeaders: extraHeaders, bodyLimit: bodyLimit, truncates: truncates)
        await gate.release(origin)
        return result
    }

    /// Fetches and parses an origin's robots.txt, as RFC 9309 says: a 2xx is parsed, a 4xx allows
    /// everything, a 5xx or no answer at all disallows everything. Timeouts, broken connections, 429 and
    /// 5xx are retried as pages are, so one slow moment does not close a whole host for the run. Up to
    /// five redirects are followed.
    static func loadRobots(origin: String, transport: HTTPTransport, gate: HostGate, logger: Logger) async -> RobotsRules {
        var url = origin + "/robots.txt"
        let token = transport.configuration.productToken
        for _ in 0...5 {
            let target = httpURL(url).map(Self.origin) ?? origin
            let result = await attempt(
                url, origin: target, transport: transport, gate: gate, logger: logger, extraHeaders: [], bodyLimit: robotsLimit, truncates: true)
            switch result {
            case .failure(let failure):
                logger.info("robots.txt unreachable: the host is treated as disallowed", metadata: ["url": "\(url)", "error.message": "\(failure.message)"])
                return .disallowAll
            case .success(let exchange):
                switch exchange.status {
                case 200..<300:
                    return RobotsRules(parsing: exchange.body, productToken: token)
                case 300..<400:
                    guard let location = exchange.headers["location"], let base = URL(string: url),
                        let next = URL(string: location, relativeTo: base)?.absoluteURL, httpURL(next.absoluteString) != nil
                    else { return .allowAll }
                    url = next.absoluteString
                case 400..<500:
                    return .allowAll
                default:
                    logger.info("robots.txt answered \(exchange.status): the host is treated as disallowed", metadata: ["url": "\(url)"])
                    return .disallowAll
                }
            }
        }
        // RFC 9309 §2.3.1.2: past five redirects, robots.txt counts as unavailable, which allows everything.
        return .allowAll
    }

    /// An absolute `http`/`https` URL with a host, or `nil`.
    static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }

    /// `scheme://host[:port]`, the unit robots.txt and the per-host limits apply to.
    static func origin(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? "http"
        let host = url.host?.lowercased() ?? ""
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)"
    }

    /// The path and query as sent, for matching robots.txt rules.
    static func pathAndQuery(_ url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return "/" }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { path + "?" + $0 } ?? path
    }
}
