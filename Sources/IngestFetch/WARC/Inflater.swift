import CZlib
import IngestCore

/// A zlib inflate stream that reads gzip or zlib data (the header decides), owned by one reader.
///
/// It exists so decompression is always driven in bounded steps: the caller supplies the output buffer,
/// so a small input that expands enormously (a gzip bomb) can never allocate more than the caller allows.
package final class Inflater {
    package struct Step {
        /// Input bytes used.
        package var consumed: Int
        /// Output bytes written.
        package var produced: Int
        /// The end of a gzip member (or zlib stream) was reached; call ``reset()`` to read another.
        package var ended: Bool
        /// Set when the data is corrupt; the stream cannot go on.
        package var failure: String? = nil
    }

    package struct Failure: Error {
        package var message: String
    }

    /// The first two bytes of every gzip member.
    static let gzipMagic: [UInt8] = [0x1F, 0x8B]

    private var stream = z_stream()

    /// - Parameter windowBits: 15 + 32 detects gzip or zlib headers automatically.
    package init(windowBits: Int32 = 15 + 32) throws(Failure) {
        let status = czlib_inflate_init(&stream, windowBits)
        guard status == Z_OK else { throw Failure(message: "zlib could not start (status \(status))") }
    }

    deinit {
        inflateEnd(&stream)
    }

    /// Starts a new member after the previous one ended, keeping the allocated window.
    package func reset() {
        inflateReset(&stream)
    }

    /// One inflate call. Returns the failure in the step rather than throwing, because it is called from
    /// inside `withUnsafeBytes`, whose closures cannot throw a typed error.
    package func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) -> Step {
        guard let outBase = output.baseAddress, output.count > 0 else { return Step(consumed: 0, produced: 0, ended: false) }
        let inBase = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.next_in = UnsafeMutablePointer(mutating: inBase)
        stream.avail_in = uInt(input.count)
        stream.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        let status = inflate(&stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.avail_in)
        let produced = output.count - Int(stream.avail_out)
        stream.next_in = nil
        stream.next_out = nil
        switch status {
        case Z_STREAM_END:
            return Step(consumed: consumed, produced: produced, ended: true)
        case Z_OK, Z_BUF_ERROR:
            return Step(consumed: consumed, produced: produced, ended: false)
        default:
            let detail = stream.msg.map { String(cString: $0) } ?? "status \(status)"
            return Step(consumed: consumed, produced: produced, ended: false, failure: "corrupt compressed data (\(detail))")
        }
    }

    /// Decompresses a whole gzip or zlib body, refusing to produce more than `limit` bytes.
    ///
    /// - Returns: the bytes, or `nil` when the output would pass `limit`.
    static func inflateAll(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8]? {
        let inflater = try Inflater()
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var offset = 0
        while true {
            let step = input.withUnsafeBytes { all in
                chunk.withUnsafeMutableBytes { out in
                    inflater.step(input: UnsafeRawBufferPointer(rebasing: all[offset...]), output: out)
                }
            }
            if let failure = step.failure { throw Failure(message: failure) }
            offset += step.consumed
            if output.count + step.produced > limit { return nil }
            output.append(contentsOf: chunk[..<step.produced])
            if step.ended {
                // Concatenated members (`cat a.gz b.gz`) are one stream to gzip; anything else after the end
                // is trailing garbage, which gzip ignores too.
                guard input[offset...].starts(with: gzipMagic) else { return output }
                inflater.reset()
                continue
            }
            if step.consumed == 0, step.produced == 0 {
                throw Failure(message: "compressed body ends before its end marker")
            }
        }
    }

    /// Decompresses `bytes` in place; or, when they expand past `limit` or are corrupt, returns the dead
    /// letter of the input they came from, whose gzip data `what` names ("the gzip body", "FILE").
    static func decompress(_ bytes: inout [UInt8], limit: Int, naming what: String, id: PageID, source: SourceRef) -> InputItem? {
        do {
            guard let inflated = try inflateAll(bytes, limit: limit) else {
                return .failed(id: id, source: source, code: .tooLarge, message: "\(what) expands past the input limit of \(limit) bytes")
            }
            bytes = inflated
            return nil
        } catch {
            return .failed(id: id, source: source, code: .unreadable, message: "\(what) cannot be decompressed: \(error.message)")
        }
    }
}
