import Foundation

/// Reads a pipe to its end on a thread of its own, so a caller can read another pipe of the same process
/// at the same time.
final class PipeDrain: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the reading thread before it signals `finished`, read only after `wait()`.
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            finished.signal()
        }.start()
    }

    func wait() -> Data {
        finished.wait()
        return data
    }
}
