import Synchronization

/// A request to stop a run early, set from a signal handler and read by the runner's loop.
///
/// Stopping is cooperative: the runner stops pulling inputs, lets the documents in flight finish, and
/// finishes its sinks, so every input it read still ends as a record, a dead letter or a skip.
public final class StopRequest: Sendable {
    private let signal = Atomic<Int32>(0)

    public init() {}

    /// Asks the run to stop; the first request's signal number is kept.
    public func request(signal number: Int32) {
        _ = signal.compareExchange(expected: 0, desired: number, ordering: .relaxed)
    }

    public var isRequested: Bool { signal.load(ordering: .relaxed) != 0 }

    /// The signal that asked for the stop, if any.
    public var signalNumber: Int32? {
        let number = signal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
