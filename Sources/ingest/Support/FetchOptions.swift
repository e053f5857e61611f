import ArgumentParser
import IngestHTTP

/// The options of `run` for pages fetched over HTTP (`--urls`). Durations are in seconds.
struct FetchOptions: ParsableArguments {
    @Option(name: .long, help: "A file of http(s) URLs, one per line (# starts a comment), or - for standard input (repeatable).")
    var urls: [String] = []

    @Option(name: .long, help: "User-Agent for every request and the name robots.txt is matched by (default: the pipeline's run.user_agent, else \(HTTPFetchConfiguration.defaultUserAgent)).")
    var userAgent: String?

    @Option(name: .long, help: "HTTP requests in flight over all hosts.")
    var fetchConcurrency: Int = 16

    @Option(name: .long, help: "HTTP requests in flight to one host.")
    var perHostConcurrency: Int = 2

    @Option(name: .long, help: "Seconds between the starts of two requests to one host.")
    var politenessDelay: Double = 1

    @Option(name: .long, help: "Seconds to open a connection.")
    var connectTimeout: Double = 10

    @Option(name: .long, help: "Seconds a connection may stay silent while a response is awaited or read.")
    var readTimeout: Double = 30

    @Option(name: .long, help: "Seconds for one attempt, from request to last body byte.")
    var totalTimeout: Double = 120

    @Option(name: .long, help: "Largest body kept, as sent and after decompression; past it the page is a too-large dead letter.")
    var maxBodyBytes: Int = 10 << 20

    @Option(name: .long, help: "Extra attempts after a timeout, a broken connection, a 429 or a 5xx.")
    var retries: Int = 3

    @Option(name: .long, help: "Longest wait before a retry; a Retry-After asking for more makes the page a dead letter at once.")
    var maxRetryWait: Double = 60

    @Flag(name: .long, help: "Neither fetch nor honour robots.txt (only for sites you run).")
    var ignoreRobots = false

    func validate() throws {
        if fetchConcurrency < 1 || perHostConcurrency < 1 { throw ValidationError("--fetch-concurrency and --per-host-concurrency must be at least 1") }
        for (name, value) in [
            ("--politeness-delay", politenessDelay), ("--max-retry-wait", maxRetryWait),
        ] where !(value >= 0) {
            throw ValidationError("\(name) must not be negative")
        }
        for (name, value) in [("--connect-timeout", connectTimeout), ("--read-timeout", readTimeout), ("--total-timeout", totalTimeout)]
        where !(value > 0) {
            throw ValidationError("\(name) must be more than 0 seconds")
        }
        if maxBodyBytes < 1 { throw ValidationError("--max-body-bytes must be at least 1") }
        if retries < 0 { throw ValidationError("--retries must not be negative") }
        if let userAgent, userAgent.allSatisfy(\.isWhitespace) { throw ValidationError("--user-agent must not be empty") }
    }

    /// The flags over the pipeline's `run.user_agent` over the built-in default.
    func configuration(pipelineUserAgent: String?) -> HTTPFetchConfiguration {
        HTTPFetchConfiguration(
            userAgent: userAgent ?? pipelineUserAgent ?? HTTPFetchConfiguration.defaultUserAgent, maxConnections: fetchConcurrency,
            maxConnectionsPerHost: perHostConcurrency, politenessDelay: .seconds(politenessDelay), connectTimeout: .seconds(connectTimeout),
            readTimeout: .seconds(readTimeout), totalTimeout: .seconds(totalTimeout), maxBodyBytes: maxBodyBytes, maxRetries: retries,
            maxRetryDelay: .seconds(maxRetryWait), honoursRobots: !ignoreRobots)
    }
}
