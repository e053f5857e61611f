/// A shard that cannot be used: a malformed `--shard`, or scheduler variables that contradict each other.
/// The CLI reports it as a usage error (status 64) before reading anything.
public struct ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
