import Glibc
import Synchronization

/// A scratch file on disk that the template pre-pass appends kept pages to and the run reads back.
///
/// The file is unlinked as soon as it is created, so it has no name: nothing is left behind when the run
/// ends or crashes, and the space is given back when the descriptor closes, which happens when the last
/// value holding the file goes away. Reads use `pread`, which takes its own offset, so any number of
/// workers read concurrently and in any order; only appends take the lock, to hand out offsets.
final class SpillFile: Sendable {
    /// Why a spill file could not be created or written, in words for the run's log.
    struct Failure: Error, Equatable {
        var message: String
    }

    private let descriptor: Int32
    /// Bytes written so far, the offset of the next append.
    private let end = Mutex<Int>(0)

    /// Creates the file in `directory`, or in `$TMPDIR` (else `/tmp`) when it is nil.
    init(directory: String? = nil) throws(Failure) {
        let folder = directory ?? Self.temporaryDirectory()
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
        template.append(contentsOf: Array("ingest-pages-XXXXXX".utf8CString))
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(message: "cannot create a scratch file in \(folder): \(Self.describe(errno))")
        }
        // Not inherited by anything the run starts.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        if unlink(path) != 0 {
            let problem = Self.describe(errno)
            close(descriptor)
            throw Failure(message: "cannot unlink the scratch file \(path): \(problem)")
        }
        self.descriptor = descriptor
    }

    /// Takes over an open descriptor, such as `/dev/full` to see how a run takes a full disk.
    init(adopting descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Bytes written so far.
    var size: Int { end.withLock { $0 } }

    /// Writes `bytes` at the end of the file and returns the offset they start at. A failed or short write
    /// (a full disk, say) leaves the end where it was, so what was written before stays readable.
    func append(_ bytes: [UInt8]) throws(Failure) -> Int {
        let result: Result<Int, Failure> = end.withLock { end in
            let written = bytes.withUnsafeBytes { buffer -> Int32 in
                var done = 0
                while done < buffer.count {
                    let count = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(end + done))
                    if count < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    if count == 0 { return ENOSPC }
                    done += count
                }
                return 0
            }
            guard written == 0 else {
                return .failure(Failure(message: "cannot write the scratch file: \(Self.describe(written))"))
            }
            let offset = end
            end += bytes.count
            return .success(offset)
        }
        return try result.get()
    }

    /// The `count` bytes at `offset`, or nil when they cannot be read in full.
    func read(at offset: Int, count: Int) -> [UInt8]? {
        guard count >= 0, offset >= 0 else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            complete = done == count
            initialized = done
        }
        return complete ? bytes : nil
    }

    private static func temporaryDirectory() -> String {
        if let value = getenv("TMPDIR"), value.pointee != 0 {
            return String(cString: value)
        }
        return "/tmp"
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
