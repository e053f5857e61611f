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

    /// - Parameter leading: bytes already read from the handle's start (a pipe's, to tell what it holds),
    ///   which the stream reads first.
    init(handle: FileHandle, gzip: Bool, leading: [UInt8] = []) throws(Inflater.Failure) {
        self.handle = handle
        self.inflater = gzip ? try Inflater() : nil
        self.scratch = gzip ? [UInt8](repeating: 0, count: Self.chunkSize) : []
        if gzip {
            compressed = leading
        } else {
            buffer = leading
            produced = leading.count
        }
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

    /// Up to `count` of the next bytes, fewer when the data ends first, without consuming them.
    func upcoming(_ count: Int) throws(Failure) -> ArraySlice<UInt8> {
        guard count > 0 else { return [] }
        _ = try byte(at: count - 1)
        return buffer[start..<min(buffer.count, start + count)]
    }

    /// The next byte without consuming it.
    func peek() throws(Failure) -> UInt8? {
        if start == buffer.count, try !fill() { return nil }
        return buffer[start]
    }

    /// Whether what follows is the two line breaks that end a record (CRLF CRLF, or LF LF from lenient
    /// writers), or the end of the data: the check that a record's Content-Length framed it rightly, made
    /// before the record is used. What comes after the line breaks is the next record's, and damage there
    /// is found when it is read. Consumes nothing.
    func recordEndFollows() throws(Failure) -> Bool {
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        // The separator's bytes, each of which may also be where the file ends.
        let separator: [UInt8]
        switch try byte(at: 0) {
        case nil: return true
        case cr: separator = [cr, lf, cr, lf]
        case lf: separator = [lf, lf]
        default: return false
        }
        for (index, expected) in separator.enumerated() {
            guard let found = try byte(at: index) else { return true }
            guard found == expected else { return false }
        }
        return true
    }

    /// Whether a record starts after any blank lines from `offset` bytes past the next unread one: its first
    /// line begins "WARC/", or that line is damaged and a WARC header field follows it. A damaged line
    /// counts only after a line break when `damagedAfterBreak` (where a search begins inside the data, so
    /// that the rest of a line already read as damaged is not taken for another record). Nil when the data
    /// ends first. Consumes nothing.
    private func recordStarts(skippingBlankLinesFrom offset: Int, damagedAfterBreak: Bool = false) throws(Failure) -> Bool? {
        var index = offset
        while let next = try byte(at: index), next == UInt8(ascii: "\r") || next == UInt8(ascii: "\n") { index += 1 }
        guard try byte(at: index) != nil else { return nil }
        _ = try byte(at: index + WARCRecordStart.lookahead)
        if buffer[(start + index)...].starts(with: WARCRecordStart.version) { return true }
        guard index > offset || !damagedAfterBreak else { return false }
        return WARCRecordStart.damagedFirstLine(in: buffer[start...], at: start + index)
    }

    /// Whether the next line is a WARC named field: after a damaged first line, the record's header, which
    /// still gives its URL.
    func fieldLineFollows() throws(Failure) -> Bool {
        guard try byte(at: 0) != nil else { return false }
        _ = try byte(at: WARCRecordStart.lookahead)
        return WARCRecordStart.isFieldLine(in: buffer[start...], at: start)
    }

    /// The byte `offset` bytes past the next unread one, reading on as needed; nil past the end of the data.
    private func byte(at offset: Int) throws(Failure) -> UInt8? {
        while buffer.count - start <= offset {
            if try !fill() { return nil }
        }
        return buffer[start + offset]
    }

    /// Puts bytes just read back in front of the unread ones, to be read again: the part of a block that a
    /// too long Content-Length took from the record after it.
    func unread(_ bytes: ArraySlice<UInt8>) {
        buffer.replaceSubrange(start..<start, with: bytes)
        position -= bytes.count
    }

    /// After damage, moves to where the next record starts, so that the records after it are read: in the
    /// decoded bytes, the next line that begins "WARC/" or a record's damaged first line (see
    /// `scanForRecord`); when the gzip data itself is corrupt, the next gzip member whose data inflates
    /// (Common Crawl's layout, one member a record). A member begun after the damage that cannot be
    /// inflated, or that the file ends inside, held a record of its own, which is reported lost rather than
    /// passed over uncounted.
    func skipToNextRecord() -> Resumption {
        if failure == nil, let found = scanForRecord(damagedMember: members.last?.compressed) { return found }
        if case .truncated = failure { return .end }
        return skipToNextMember()
    }

    /// Looks through the decoded bytes for the next record: a line that begins "WARC/", or a record whose
    /// first line is damaged (`WARCRecordStart`) after the blank line that ends the record before it, or
    /// after the line breaks where the search begins. `damagedMember` is the file offset of the member the
    /// damage was in: nil when that member turns out corrupt too, which loses no further record (the
    /// stream's failure then says so).
    private func scanForRecord(damagedMember: Int?) -> Resumption? {
        let marker = Array("\nWARC".utf8)
        // Bytes kept before the search point: a damaged first line and the blank line before it.
        let lookBehind = WARCRecordStart.maxDamagedLine + 8
        // Where the search goes on, counted from the next unread byte.
        var from = 0
        // Whether the next unread byte is still where the search began.
        var atBeginning = true
        do {
            if try recordStarts(skippingBlankLinesFrom: 0, damagedAfterBreak: true) == true {
                // The line breaks before it are the end of what was damaged.
                while let next = try byte(at: 0), next == UInt8(ascii: "\r") || next == UInt8(ascii: "\n") { consume(1) }
                return .record
            }
            while true {
                while let found = buffer[(start + from)...].firstRange(of: marker) {
                    let line = found.lowerBound + 1 - start
                    if let record = try recordStart(atLine: line, searchBegan: atBeginning) {
                        consume(record)
                        return .record
                    }
                    from = line
                }
                // Keep the bytes that could begin the marker, and those a damaged first line needs behind it.
                let unread = buffer.count - start
                let kept = min(unread, lookBehind + marker.count - 1)
                if kept < unread { atBeginning = false }
                consume(unread - kept)
                from = max(0, kept - (marker.count - 1))
                guard try fill() else { return .end }
            }
        } catch {
            // The failure is now the stream's: a corrupt member is skipped on the next look.
            guard let failed = members.last?.compressed, failed != damagedMember else { return nil }
            return .lostMember(fileOffset: failed, failure: error)
        }
    }

    /// Where the record starts that the line at `line` bytes past the next unread one (which begins "WARC")
    /// shows: that line, when it begins "WARC/"; the line before it, when this one is a WARC field and that
    /// one a damaged first line after a blank line (or, when `searchBegan`, after nothing but one or more
    /// line breaks from where the search began). Nil when it shows none.
    private func recordStart(atLine line: Int, searchBegan: Bool) throws(Failure) -> Int? {
        _ = try byte(at: line + WARCRecordStart.lookahead)
        let unread = buffer[start...]
        if unread[(start + line)...].starts(with: WARCRecordStart.version) { return line }
        guard WARCRecordStart.isFieldLine(in: unread, at: start + line) else { return nil }
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        // The line before: from just after the line feed before it.
        var before = line - 1
        while before > 0, buffer[start + before - 1] != lf {
            before -= 1
            if line - before > WARCRecordStart.maxDamagedLine + 2 { return nil }
        }
        guard WARCRecordStart.damagedFirstLine(in: unread, at: start + before) else { return nil }
        if searchBegan, before > 0, unread[start..<(start + before)].allSatisfy({ $0 == cr || $0 == lf }) { return before }
        // The line before that is blank: LF LF, or CR LF CR LF.
        guard before >= 2 else { return nil }
        let ending = buffer[start + before - 2]
        let blank = ending == lf || (ending == cr && before >= 3 && buffer[start + before - 3] == lf)
        return blank ? before : nil
    }

    /// Drops the decoded bytes of the corrupt member and resumes inflating at the next gzip header (1f 8b,
    /// deflate, no reserved flags) whose member inflates. A member that starts with a record's first line,
    /// or with a damaged one and a WARC header field, is where reading resumes; one that does not (a writer
    /// that splits records across members) is looked through for the next record's start.
    private func skipToNextMember() -> Resumption {
        guard let inflater else { return .end }
        // File offset the search goes on from: just past the start of the member that failed.
        var searchFrom = compressedFileOffset + compressedStart + 1
        if let failed = members.last?.compressed { searchFrom = min(searchFrom, failed + 1) }
        while true {
            consume(buffer.count - start)
            failure = nil
            inMember = false
            inflater.reset()
            guard let header = nextGzipHeader(atOrAfter: searchFrom) else { return .end }
            let fileOffset = compressedFileOffset + header
            let likelyMember = Self.isLikelyMember(compressed[header...])
            compressedStart = header
            searchFrom = fileOffset + 1
            // fill() records the member's start. Bytes inside deflate data can look like a header; those fail
            // to inflate, or decode to something that holds no record, and the search goes on after them.
            do {
                guard try fill() else { return .end }
            } catch {
                if likelyMember { return .lostMember(fileOffset: fileOffset, failure: error) }
                if case .truncated = error { return .end }
                continue
            }
            if (try? recordStarts(skippingBlankLinesFrom: 0)) == true { return .record }
            if let found = scanForRecord(damagedMember: fileOffset) { return found }
            if case .truncated = failure { return .end }
        }
    }

    /// Whether the bytes at a gzip header that failed to inflate are those of a real member rather than of
    /// deflate data that happens to hold 1f 8b 08: besides the signature, the extra flags a compressor
    /// writes (0, 2 or 4) and a defined operating system (0 to 13, or 255 for unknown). Only then is a
    /// record counted as lost in it.
    private static func isLikelyMember(_ header: ArraySlice<UInt8>) -> Bool {
        guard header.count >= 10 else { return false }
        let base = header.startIndex
        let extraFlags = header[base + 8]
        let system = header[base + 9]
        return [0, 2, 4].contains(extraFlags) && (system <= 13 || system == 255)
    }

    /// The index in `compressed` of the next gzip member header at or after the file offset, with its ten
    /// bytes read unless the file ends first, reading more of the file as needed; nil at its end.
    private func nextGzipHeader(atOrAfter fileOffset: Int) -> Int? {
        var at = max(0, fileOffset - compressedFileOffset)
        while true {
            while at + 3 < compressed.count {
                if compressed[at] == 0x1F, compressed[at + 1] == 0x8B, compressed[at + 2] == 0x08, compressed[at + 3] & 0xE0 == 0 {
                    // The whole 10-byte header is read before it is judged.
                    if at + 10 <= compressed.count || fileEnded { return at }
                    break
                }
                at += 1
            }
            guard !fileEnded else {
                compressedStart = compressed.count
                return nil
            }
            // Keep the last three bytes, which could begin a header, and read the next chunk after them.
            let kept = max(0, min(at, compressed.count - 3))
            compressedFileOffset += kept
            compressed.removeSubrange(0..<kept)
            at -= kept
            let chunk = (try? handle.read(upToCount: Self.chunkSize)) ?? nil
            if let chunk, !chunk.isEmpty {
                compressed.append(contentsOf: chunk)
            } else {
                fileEnded = true
            }
        }
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
