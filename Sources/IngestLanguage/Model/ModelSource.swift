#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a model's bytes come from: a file, read with `pread` straight into the buffer that checks and
/// widens them, or bytes already in memory (tests, damaged copies).
enum ModelSource {
    case file(descriptor: Int32, size: Int, path: String)
    case bytes([UInt8])

    /// Opens a file for reading; the caller closes it with ``release()``.
    static func opening(path: String) throws(LanguageModelError) -> ModelSource {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LanguageModelError("cannot read the language model \(path): \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = close(descriptor)
            throw LanguageModelError("cannot read the language model \(path): \(reason)")
        }
        return .file(descriptor: descriptor, size: Int(status.st_size), path: path)
    }

    func release() {
        if case .file(let descriptor, _, _) = self { _ = close(descriptor) }
    }

    var size: Int {
        switch self {
        case .file(_, let size, _): size
        case .bytes(let bytes): bytes.count
        }
    }

    /// Fills `buffer` with the bytes at `offset`, all of them or an error.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(LanguageModelError) {
        guard offset >= 0, offset + buffer.count <= size else { throw LanguageModelError("language model file is truncated") }
        switch self {
        case .bytes(let bytes):
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + buffer.count]))
            }
        case .file(let descriptor, _, let path):
            var done = 0
            while done < buffer.count {
                let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    let reason = got < 0 ? String(cString: strerror(errno)) : "the file ended early"
                    throw LanguageModelError("cannot read the language model \(path): \(reason)")
                }
                done += got
            }
        }
    }

    /// The `count` bytes at `offset`.
    func bytes(at offset: Int, count: Int) throws(LanguageModelError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        var failure: LanguageModelError?
        result.withUnsafeMutableBytes { buffer in
            do throws(LanguageModelError) { try read(into: buffer, at: offset) } catch { failure = error }
        }
        if let failure { throw failure }
        return result
    }
}
