import Foundation

/// Standard input read line by line in large chunks, and standard output written in large chunks, for
/// `ingest repair --jsonl`, `ingest detect --jsonl` and `ingest extract --jsonl`: the lines are short and many, so neither side should
/// cost a system call, a copy into `Data` or an allocation per line, and neither buffer grows with the input
/// (only with its longest line), however long a batch is piped through.
struct LineStreams {
    /// Bytes read and not yet handed out: `input[consumed..<filled]`.
    private var input: [UInt8]
    private var consumed = 0
    private var filled = 0
    private var atEnd = false
    /// Output waiting to be written; flushed once it passes `chunk` bytes.
    var output: [UInt8] = []
    private let chunk: Int
    /// Whether an empty line is passed over rather than handed out: `detect` answers every line, so that
    /// answers and lines pair up by position.
    private let skipsEmptyLines: Bool

    init(chunk: Int = 1 << 16, skipsEmptyLines: Bool) {
        self.chunk = chunk
        self.skipsEmptyLines = skipsEmptyLines
        input = [UInt8](repeating: 0, count: chunk)
        output.reserveCapacity(2 * chunk)
    }

    /// Calls `body` with each line of standard input, without its line feed (a last line without one
    /// counts too), unless it is empty and `skipsEmptyLines`.
    mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, inout LineStreams) throws -> Void) throws {
        while true {
            // memchr, the C library's vectorised scan: a generic search over the slice looks at one byte at a
            // time, and cost a twentieth of a whole repair run.
            let line: Range<Int>? = input.withUnsafeBufferPointer { buffer in
                guard consumed < filled, let base = buffer.baseAddress, let found = memchr(base + consumed, 0x0A, filled - consumed)
                else { return nil }
                return consumed..<(UnsafeRawPointer(found) - UnsafeRawPointer(base))
            }
            if let line {
                consumed = line.upperBound + 1
                guard !line.isEmpty || !skipsEmptyLines else { continue }
                try handOut(line, body)
                continue
            }
            guard !atEnd else { break }
            try refill()
        }
        if consumed < filled {
            let last = consumed..<filled
            consumed = filled
            try handOut(last, body)
        }
    }

    private mutating func handOut(_ line: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, inout LineStreams) throws -> Void) throws {
        // The buffer is moved out of `self` while `body` reads the line in it, so `body` can write output
        // through `self` without the line being copied.
        let lines = input
        defer { input = lines }
        input = []
        try lines.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[line]), &self)
        }
    }

    /// Moves what is left of the buffer to its front and reads more after it, doubling the buffer when a
    /// line fills it.
    private mutating func refill() throws {
        if consumed > 0 {
            let left = filled - consumed
            input.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress, left > 0 else { return }
                base.update(from: base + consumed, count: left)
            }
            filled = left
            consumed = 0
        }
        if filled == input.count { input.append(contentsOf: repeatElement(0, count: input.count)) }
        let read = input.withUnsafeMutableBufferPointer { buffer -> Int in
            while true {
                let count = Foundation.read(STDIN_FILENO, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                return count
            }
        }
        guard read >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if read == 0 { atEnd = true }
        filled += read
    }

    /// Writes the output once enough has gathered.
    mutating func flushIfFull() throws {
        if output.count >= chunk { try flush() }
    }

    /// Writes all output gathered so far.
    mutating func flush() throws {
        var error: Int32 = 0
        output.withUnsafeBufferPointer { buffer in
            var written = 0
            while written < buffer.count {
                let count = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    error = errno
                    return
                }
                written += count
            }
        }
        guard error == 0 else { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
        output.removeAll(keepingCapacity: true)
    }
}
