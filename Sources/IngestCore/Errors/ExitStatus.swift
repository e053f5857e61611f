/// The process exit statuses, sysexits-style, so cron jobs and schedulers can tell retryable failures
/// from configuration mistakes. Documented in the README; stable across releases.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    /// Bad arguments.
    case usage = 64
    /// The run finished but more documents failed than the allowed ratio.
    case dataError = 65
    /// An input is missing or unreadable.
    case noInput = 66
    /// A database or origin was unreachable at start.
    case unavailable = 69
    /// An internal error.
    case software = 70
    /// An output could not be created.
    case cannotCreate = 73
    /// A write failed mid-run.
    case ioError = 74
    /// Try again later: another run holds the lock, or a transient failure.
    case tempFail = 75
    /// The pipeline file is invalid.
    case config = 78
    /// Stopped by SIGINT after draining.
    case interrupted = 130
    /// Stopped by SIGTERM after draining.
    case terminated = 143
}
