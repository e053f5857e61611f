public import IngestCore

/// Dead-letter codes for pages that could not be fetched.
extension StageError.Code {
    /// The line is not an absolute `http` or `https` URL.
    public static let invalidURL = StageError.Code("invalid-url")
    /// More redirects than the configured limit, or a redirect without a usable `Location`.
    public static let tooManyRedirects = StageError.Code("too-many-redirects")
    /// The connect, read or total timeout passed on the last attempt.
    public static let timeout = StageError.Code("timeout")
    /// The connection could not be opened or broke on the last attempt.
    public static let connectionFailed = StageError.Code("connection-failed")
    /// The run was stopped (SIGTERM, SIGINT) while the page was being fetched; a rerun fetches it again.
    public static let stopped = StageError.Code("stopped")
    /// The final response was not a 2xx (a 4xx, or a 429 or 5xx that outlasted the retries).
    public static let httpStatus = StageError.Code("http-status")
}
