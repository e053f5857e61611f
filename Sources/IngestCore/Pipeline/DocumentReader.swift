/// A source of inputs. Readers produce lazily, one input per `next()`, so the runner's window bounds
/// how much is held in memory whatever the size of the input.
public protocol DocumentReader: AsyncSequence, Sendable where Element == InputItem, Failure == Never {}
