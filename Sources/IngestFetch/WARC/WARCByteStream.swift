import Foundation

/// The bytes of a WARC file, decompressed on the fly when it is gzipped, read forward only.
///
/// Common Crawl compresses each record as its own gzip member, and a record's published offset is where
/// its member starts in the compressed file. The stream keeps the start of each member it passes, so a
/// record found at an uncompressed position can be given the compressed offset a reader would seek to.
/// Only a bounded window of bytes is held: what the parser has not consumed plus one read chunk.
final class WARCByteStream {
    enum Failure: Error {
        /// The file ended inside a gzip member.
        case truncated
        case corrupt(String)
    }

    private static let chunkSize = 256 << 10

    private let handle: FileHandle
    private let inflater: Inflater?
    /// Compressed bytes read from the file and not yet inflated, from `compressedStart`.
    private var compressed: [UInt8] = []
    private var compressedStart = 0
    /// File offset of `compressed[0]`.
    private var compressedFileOffset = 0
    private var fileEnded = false
    /// Inside a gzip member that has not ended yet.
    private var inMember = false
    /// Decoded bytes not yet consumed, from `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    /// Uncompressed offset of `buffer[start]`.
    private(set) var position = 0
    /// Decoded bytes produced so far.
    private var produced = 0
    /// (uncompressed offset, compressed offset) of member starts not yet passed by the parser.
    private var members: [(uncompressed: Int, compressed: Int)] = [(0, 0)]
    private var failure: Failure?
    private var scratch: [UInt8]

    init(handle: FileHandle, gzip: Bool) throws(Inflater.Failure) {
        self.handle = handle
        self.inflater = gzip ? try Inflater() : nil
        self.scratch = gzip ? [UInt8](repeating: 0, count: Self.chunkSize) : []
    }

    deinit {
        try? handle.close()
    }

    /// Where a record that starts at uncompressed `offset` can be read again: the start of its gzip member
    /// in a `.warc.gz`, the byte offset itself in a plain `.warc`.
    func fileOffset(of offset: Int) -> Int {
        guard inflater != nil else { return offset }
        while members.count > 1, members[1].uncompressed <= offset { members.removeFirst() }
        return members[0].compressed
    }

    /// Reads up to and including the next LF, without the line ending. `nil` at the end of the data.
    func readLine(limit: Int) throws(Failure) -> [UInt8]? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[start..<end])
                consume(newline + 1 - start)
                return line
            }
            searchFrom = buffer.count
            if buffer.count - start > limit { throw .corrupt("a header line is longer than \(limit) bytes") }
            if try !fill() {
                guard start < buffer.count else { return nil }
                throw .truncated
            }
        }
    }

    /// Reads exactly `count` bytes, or fewer when the data ends first.
    func read(count: Int) throws(Failure) -> [UInt8] {
        while buffer.count - start < count {
            if try !fill() { break }
        }
        let end = min(buffer.count, start + count)
        let bytes = Array(buffer[start..<end])
        consume(end - start)
        return bytes
    }

    /// Passes over `count` bytes without keeping them. Returns how many there were.
    func discard(count: Int) throws(Failure) -> Int {
        var remaining = count
        while remaining > 0 {
            if start == buffer.count, try !fill() { break }
            let take = min(remaining, buffer.count - start)
            consume(take)
            remaining -= take
        }
        return count - remaining
    }

    /// The next byte without consuming it.
    func peek() throws(Failure) -> UInt8? {
        if start == buffer.count, try !fill() { return nil }
        return buffer[start]
    }

    private func consume(_ count: Int) {
        start += count
        position += count
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= Self.chunkSize {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// Appends more decoded bytes; false at a clean end of data.
    private func fill() throws(Failure) -> Bool {
        if let failure { throw failure }
        guard let inflater else {
            guard !fileEnded else { return false }
            let chunk = (try? handle.read(upToCount: Self.chunkSize)) ?? nil
            guard let chunk, !chunk.isEmpty else {
                fileEnded = true
                return false
            }
            buffer.append(contentsOf: chunk)
            produced += chunk.count
            return true
        }
        while true {
            if compressedStart == compressed.count {
                if fileEnded {
                    if inMember { throw fail(.truncated) }
                    return false
                }
                compressedFileOffset += compressed.count
                compressed.removeAll(keepingCapacity: true)
                compressedStart = 0
                let chunk = (try? handle.read(upToCount: Self.chunkSize)) ?? nil
                if let chunk, !chunk.isEmpty {
                    compressed.append(contentsOf: chunk)
                } else {
                    fileEnded = true
                }
                continue
            }
            if !inMember {
                members.append((produced, compressedFileOffset + compressedStart))
                inMember = true
            }
            let from = compressedStart
            let step = compressed.withUnsafeBytes { input in
                scratch.withUnsafeMutableBytes { output in
                    inflater.step(input: UnsafeRawBufferPointer(rebasing: input[from...]), output: output)
                }
            }
            if let message = step.failure { throw fail(.corrupt(message)) }
            compressedStart += step.consumed
            if step.ended {
                inflater.reset()
                inMember = false
            }
            if step.produced > 0 {
                buffer.append(contentsOf: scratch[..<step.produced])
                produced += step.produced
                return true
            }
        }
    }

    /// Remembers the failure, so every later read reports it too.
    private func fail(_ failure: Failure) -> Failure {
        self.failure = failure
        return failure
    }
}
