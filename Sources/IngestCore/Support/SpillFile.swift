import Glibc
import Synchronization

/// A scratch file on disk for what a run must remember but need not hold in memory: the pages the
/// template pre-pass keeps (appended, read back by offset) and the ids of pages seen in a large run (a
/// table written in place).
///
/// The file is unlinked as soon as it is created, so it has no name: nothing is left behind when the run
/// ends or crashes, and the space is given back when the descriptor closes, which happens when the last
/// value holding the file goes away. Reads use `pread`, which takes its own offset, so any number of
/// workers read concurrently and in any order; only appends take the lock, to hand out offsets.
public final class SpillFile: Sendable {
    /// Why a spill file could not be created or written, in words for the run's log.
    public struct Failure: Error, Equatable {
        public var message: String
    }

    private let descriptor: Int32
    /// Bytes written so far, the offset of the next append.
    private let end = Mutex<Int>(0)

    /// Creates the file in `directory`, or in `$TMPDIR` (else `/tmp`) when it is nil; `prefix` names what
    /// it holds for the moment it has a name.
    public init(directory: String? = nil, prefix: String = "ingest-pages") throws(Failure) {
        let folder = directory ?? Self.temporaryDirectory()
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
        template.append(contentsOf: Array((prefix + "-XXXXXX").utf8CString))
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
    public init(adopting descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Bytes written so far.
    public var size: Int { end.withLock { $0 } }

    /// Writes `bytes` at the end of the file and returns the offset they start at. A failed or short write
    /// (a full disk, say) leaves the end where it was, so what was written before stays readable.
    public func append(_ bytes: [UInt8]) throws(Failure) -> Int {
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
    public func read(at offset: Int, count: Int) -> [UInt8]? {
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

    /// Fills `buffer` from `offset`; false when it cannot be read in full (past the end, an I/O error).
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        guard offset >= 0 else { return false }
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }

    /// Writes `bytes` at `offset`, over what is there, for a file used as a table rather than a log.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(Failure) {
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot write the scratch file: \(Self.describe(errno))")
            }
            if count == 0 { throw Failure(message: "cannot write the scratch file: \(Self.describe(ENOSPC))") }
            done += count
        }
        end.withLock { $0 = max($0, offset + bytes.count) }
    }

    /// Makes the file `bytes` long, the new part reading as zeros; the file system allocates it only as
    /// it is written.
    public func resize(to bytes: Int) throws(Failure) {
        guard ftruncate(descriptor, off_t(bytes)) == 0 else {
            throw Failure(message: "cannot size the scratch file to \(bytes) bytes: \(Self.describe(errno))")
        }
        end.withLock { $0 = bytes }
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
