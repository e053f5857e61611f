#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IngestCore

/// An advisory lock on a file beside the database, held for the length of a run.
///
/// `flock` rather than a row in the database: the kernel drops it when the process dies, however it dies,
/// so a crashed run never leaves a stale lock that blocks the next night's run.
final class RunLockFile {
    let path: String
    private let descriptor: Int32

    /// - Throws: ``RunError`` `temporaryFailure` when another process holds the lock, `cannotCreateOutput`
    ///   when the lock file cannot be opened.
    init(path: String) throws(RunError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw RunError(.cannotCreateOutput, "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(descriptor)
            if busy {
                throw RunError(.temporaryFailure, "another run holds \(path); try again when it has finished")
            }
            throw RunError(.cannotCreateOutput, "cannot lock \(path): \(reason)")
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
