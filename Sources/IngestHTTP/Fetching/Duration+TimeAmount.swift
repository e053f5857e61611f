import NIOCore

extension Duration {
    /// The same span in NIO's unit, which AsyncHTTPClient's timeouts and deadlines take.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
