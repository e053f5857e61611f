import IngestCore

/// Why one attempt at a URL failed, and whether another attempt may succeed.
struct FetchFailure: Error, Sendable {
    var code: StageError.Code
    var message: String
    /// Timeouts and broken connections are worth another attempt; a body over the cap is not.
    var retryable: Bool
}
