import Foundation
import IngestCore

/// One WARC file being read record by record: each response record becomes a document, every other
/// record a counted skip, and a damaged record a dead letter.
///
/// Damage (corrupt gzip, broken framing, a Content-Length that does not match the record) is a dead letter
/// for the record it was in, and reading resumes at the next record that can be found after it: the next
/// line that starts a WARC record, or, when the compressed data is corrupt, the next gzip member that
/// decodes to one. A crawl of a million pages with one bad byte loses one page, not the rest of the file.
/// Damage met on the way there (the next member corrupt too, or the next record's first line damaged) is
/// the dead letter of the record it costs, so every record the reader can find is counted.
/// A truncated file ends with the dead letter for the record it was cut in.
final class WARCFile {
    private static let maxHeaderLine = 64 << 10
    private static let maxHeaderLines = 1_000

    /// The path as given, kept in each document's ``WARCLocation``.
    let path: String
    private let stream: WARCByteStream
    private let maxBytes: Int
    private let shard: Shard?
    private var finished = false
    /// The last record was damaged: the next read starts by finding the record after it.
    private var damaged = false

    /// - Parameters:
    ///   - handle: the file, opened at its start; the WARC file owns and closes it.
    ///   - leading: bytes already read from the handle (a pipe's, to tell what it holds), read first.
    ///   - gzip: whether the data is gzip-compressed, told from its magic bytes rather than its name, so a
    ///     `.warc.gz` a download tool has already decompressed, or a gzipped file named `.warc`, is read whole.
    /// - Returns: the file ready to read, or why it cannot be (which becomes a dead letter).
    static func open(
        handle: FileHandle, path: String, leading: [UInt8], gzip: Bool, maxBytes: Int, shard: Shard?
    ) -> Result<WARCFile, InputFailure> {
        do {
            let stream = try WARCByteStream(handle: handle, gzip: gzip, leading: leading)
            return .success(WARCFile(path: path, stream: stream, maxBytes: maxBytes, shard: shard))
        } catch {
            try? handle.close()
            return .failure(InputFailure(code: .unreadable, message: "\(path): \(error.message)"))
        }
    }

    struct InputFailure: Error {
        var code: StageError.Code
        var message: String
    }

    private init(path: String, stream: WARCByteStream, maxBytes: Int, shard: Shard?) {
        self.path = path
        self.stream = stream
        self.maxBytes = maxBytes
        self.shard = shard
    }

    /// The next record as an input, or `nil` once the file is done.
    func next() -> InputItem? {
        guard !finished else { return nil }
        if damaged {
            damaged = false
            switch stream.skipToNextRecord() {
            case .record:
                break
            case .end:
                finished = true
                return nil
            case .lostMember(let fileOffset, let failure):
                return stop(head: WARCRecordHead(), location: WARCLocation(file: path, offset: fileOffset), failure: failure)
            }
        }
        var head = WARCRecordHead()
        var offset = stream.position
        do {
            // Records are separated by CRLF CRLF; be lenient about how many blank lines there are, and about
            // stray carriage returns in them.
            var first: [UInt8]
            repeat {
                offset = stream.position
                guard let line = try stream.readLine(limit: Self.maxHeaderLine) else {
                    finished = true
                    return nil
                }
                first = line
            } while first.allSatisfy { $0 == UInt8(ascii: "\r") }
            let location = WARCLocation(file: path, offset: stream.fileOffset(of: offset))
            // A writer that stopped inside this line went on with the next record's ("WARC/1.0\rWARC/1.0").
            if first.starts(with: Array("WARC/".utf8)), let cut = Self.versionLineStart(endingLine: first), cut > 0 {
                putBack(first, from: cut, lineStart: offset)
                return stop(head: head, location: location, code: .unreadable, "the record is cut short: the next record starts inside its first line")
            }
            guard first.starts(with: Array("WARC/".utf8)) else {
                let message = "no WARC record starts at this offset (found '\(String(decoding: first.prefix(40), as: UTF8.self))')"
                // A writer that stopped inside this line went on with the next record's ("WWARC/1.0").
                if let cut = Self.versionLineStart(endingLine: first) {
                    putBack(first, from: cut, lineStart: offset)
                    return stop(head: head, location: location, code: .unreadable, message)
                }
                // A damaged first line before an intact header: the header still names the page.
                if try stream.fieldLineFollows() {
                    _ = try readHeader(into: &head)
                }
                return stop(head: head, location: location, code: .unreadable, message)
            }
            if let problem = try readHeader(into: &head) {
                return stop(head: head, location: location, code: .unreadable, problem)
            }
            guard let length = head.contentLength, length >= 0 else {
                return stop(head: head, location: location, code: .unreadable, "WARC record without a valid Content-Length")
            }
            return try record(head: head, length: length, location: location)
        } catch {
            let location = WARCLocation(file: path, offset: stream.fileOffset(of: offset))
            return stop(head: head, location: location, failure: error)
        }
    }

    /// Reads header lines up to the blank line that ends them. Returns why the header cannot be used, or nil.
    /// A writer that stopped inside this header and went on with the next record left a line that is that
    /// record's first line ("WARC/1.0"), or ends with it after no field ("Content-LeWARC/1.0") or after a
    /// field ("…application/htWARC/1.0") with the next record's fields after it, which repeat this one's.
    /// That record is put back to be read. A value that merely ends in "WARC/1.0" (a URL) is followed by no
    /// repeated field and stays.
    private func readHeader(into head: inout WARCRecordHead) throws(WARCByteStream.Failure) -> String? {
        var lines = 0
        // From the line that may end with the next record's first line: the bytes read from where that first
        // line begins, as read, and the field names this header had up to there.
        var suspect: [UInt8]?
        var namesBefore = Set<String>()
        while true {
            let before = stream.position
            guard let line = try stream.readLine(limit: Self.maxHeaderLine) else { return nil }
            let lineBreak = self.lineBreak(after: line, readFrom: before)
            suspect? += line + lineBreak
            if line.isEmpty { return nil }
            if suspect == nil, let cut = Self.versionLineStart(endingLine: line) {
                // Not a field before it: no sound header holds such a line.
                if !line[..<cut].contains(UInt8(ascii: ":")) {
                    putBack(line, from: cut, lineStart: before)
                    return Self.cutInHeader
                }
                suspect = Array(line[cut...]) + lineBreak
                namesBefore = Set(head.fields.keys).union(WARCRecordHead.name(of: line).map { [$0] } ?? [])
            } else if let suspected = suspect, let name = WARCRecordHead.name(of: line), namesBefore.contains(name) {
                // The next record's header, read as this one's: put it all back.
                stream.unread(suspected[...])
                return Self.cutInHeader
            }
            lines += 1
            guard lines <= Self.maxHeaderLines, head.add(line: line) else { return "malformed WARC header line" }
        }
    }

    private static let cutInHeader = "the record is cut short: the next record starts inside its header"

    /// Puts back the part of `line`, read from `lineStart`, that begins at `cut`, with the line break it was
    /// read with, to be read again as the next record's first line.
    private func putBack(_ line: [UInt8], from cut: Int, lineStart: Int) {
        stream.unread(line[cut...] + lineBreak(after: line, readFrom: lineStart))
    }

    /// The line break `line`, just read from `lineStart`, was read with: CR LF or LF.
    private func lineBreak(after line: [UInt8], readFrom lineStart: Int) -> [UInt8] {
        stream.position - lineStart - line.count == 2 ? [0x0D, 0x0A] : [0x0A]
    }

    /// Where a record's first line ("WARC/1.0") begins at the end of a header line.
    private static func versionLineStart(endingLine line: [UInt8]) -> Int? {
        guard line.count > WARCRecordStart.version.count,
              let at = line.lastRange(of: WARCRecordStart.version)?.lowerBound else { return nil }
        let version = line[(at + WARCRecordStart.version.count)...]
        let isVersion = (3...5).contains(version.count) && version.contains(UInt8(ascii: "."))
            && version.allSatisfy { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return isVersion ? at : nil
    }

    private func record(head: WARCRecordHead, length: Int, location: WARCLocation) throws(WARCByteStream.Failure) -> InputItem {
        let id = Self.pageID(head: head, location: location)
        var source = Self.source(head: head, location: location)
        source.bytes = length
        let reason: String? =
            if head.type != "response" { "warc \(head.type.isEmpty ? "untyped" : head.type) record" }
            else if let shard, !shard.contains(id) { RunSummary.outOfShardReason }
            else { nil }
        if reason != nil || length > maxBytes {
            // Not kept, but framed as a page is, so that a wrong Content-Length counts no record twice and
            // costs no other: within the input limit the block is read whole, and the records a wrong length
            // runs over are found in it; a record over the limit is passed over but for its last 64 KiB.
            let item: InputItem =
                if let reason { .skipped(id: id, source: source, reason: reason) }
                else { .failed(id: id, source: source, code: .tooLarge, message: "WARC record of \(length) bytes is over the input limit of \(maxBytes) bytes") }
            let framed = length <= maxBytes ? length : min(length, Self.framingTail)
            guard try stream.discard(count: length - framed) == length - framed else { throw .truncated }
            let end = try stream.read(count: framed)
            guard end.count == framed else {
                guard resync(after: end[...]) else { throw .truncated }
                return item
            }
            if try !stream.recordEndFollows(), !resync(after: end[...]) { damaged = true }
            return item
        }
        let block = try stream.read(count: length)
        guard block.count == length else {
            // A Content-Length that runs past the file's end, with records after it, is not a truncated file.
            guard resync(after: block[...]) else { throw .truncated }
            return .failed(id: id, source: source, code: .unreadable, message: "the record's Content-Length of \(length) bytes runs past the end of the file, over the records after it")
        }
        // A Content-Length that is too short leaves part of the block unread, one that is too long takes in
        // the line breaks that end it: either way they do not follow, and the block is not the page as it
        // was stored.
        guard try stream.recordEndFollows() else {
            let message = "the record's Content-Length of \(length) bytes does not end where its closing line breaks begin"
            // Too long: the next record starts inside the block, after the line breaks that end this one (or
            // the block ends with its first bytes), and every record from there is read. Too short, or no
            // record in the block: the next one is searched for.
            if resync(after: block[...]) {
                return .failed(id: id, source: source, code: .unreadable, message: message)
            }
            return stop(head: head, location: location, code: .unreadable, message)
        }
        guard let http = HTTPResponseHead(block: block) else {
            return .skipped(id: id, source: source, reason: "warc response without an HTTP head")
        }
        source.httpStatus = http.status
        source.contentType = http.headers["content-type"]
        guard (200..<300).contains(http.status) else {
            return .skipped(id: id, source: source, reason: "warc http status \(http.status / 100)xx")
        }
        var body = Array(block[http.bodyStart...])
        if http.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let joined = ChunkedBody.decode(body[...]) else {
                return .failed(id: id, source: source, code: .unreadable, message: "the chunked transfer coding of the stored response is broken")
            }
            body = joined
        }
        if let coding = http.headers["content-encoding"]?.lowercased(), ["gzip", "x-gzip", "deflate"].contains(coding),
            let failure = Inflater.decompress(&body, limit: maxBytes, naming: "the \(coding) body", id: id, source: source)
        {
            return failure
        }
        source.bytes = body.count
        source.sha256 = SHA256Hex.digest(body)
        return .document(Document(id: id, source: source, raw: body, headers: http.headers))
    }

    /// How much of a record over the input limit is read, to check that its Content-Length ends it and to
    /// find the next record in it when the length is too long.
    private static let framingTail = 64 << 10

    /// When `bytes`, read as a record's block, hold the start of the next record, puts them back from there
    /// to be read again; false when they hold none. The next record starts after the line breaks that end
    /// a record (a Content-Length too long took it in), or, with its first line intact and a WARC field
    /// after it, anywhere: a writer that stopped inside a record and went on appending wrote the next one
    /// straight after the cut. The bytes that follow in the file settle a start that `bytes` end inside of
    /// (or just before); when they cannot be read, the stream keeps the failure for the record they belong to.
    private func resync(after bytes: ArraySlice<UInt8>) -> Bool {
        let following = (try? stream.upcoming(WARCRecordStart.lookahead)) ?? []
        /// The bytes from `at` on that settle whether a record starts there.
        func window(_ at: Int) -> ArraySlice<UInt8> {
            at + WARCRecordStart.lookahead <= bytes.endIndex
                ? bytes[at..<(at + WARCRecordStart.lookahead)] : (Array(bytes[at...]) + following)[...]
        }
        var nextRecord: Int?
        var from = bytes.startIndex
        while let found = bytes[from...].firstRange(of: WARCRecordStart.version) {
            let candidate = window(found.lowerBound)
            if WARCRecordStart.intactFirstLine(in: candidate, at: candidate.startIndex) {
                nextRecord = found.lowerBound
                break
            }
            from = found.lowerBound + 1
        }
        // A first line that `bytes` end inside of ("…WAR").
        let tailStart = max(bytes.startIndex, bytes.endIndex - (WARCRecordStart.version.count - 1))
        nextRecord = nextRecord ?? (tailStart..<bytes.endIndex).first { at in
            let candidate = window(at)
            return WARCRecordStart.intactFirstLine(in: candidate, at: candidate.startIndex)
        }
        let separator = Array("\r\n\r\n".utf8)
        // Separators may overlap: a block that ends with a line break is followed by CR LF CR LF CR LF.
        from = bytes.startIndex
        while let found = bytes[from..<(nextRecord ?? bytes.endIndex)].firstRange(of: separator) {
            let candidate = window(found.upperBound)
            if !candidate.isEmpty, WARCRecordStart.begins(in: candidate, at: candidate.startIndex) {
                nextRecord = found.upperBound
                break
            }
            from = found.lowerBound + 1
        }
        guard let nextRecord else { return false }
        stream.unread(bytes[nextRecord...])
        return true
    }

    /// A dead letter for the record the damage was found in; the next read looks for the record after it.
    private func stop(head: WARCRecordHead, location: WARCLocation, failure: WARCByteStream.Failure) -> InputItem {
        switch failure {
        case .truncated:
            return stop(head: head, location: location, code: .truncated, "the file ends inside this record: it is truncated")
        case .corrupt(let message):
            return stop(head: head, location: location, code: .unreadable, message)
        }
    }

    private func stop(head: WARCRecordHead, location: WARCLocation, code: StageError.Code, _ message: String) -> InputItem {
        damaged = true
        let id = Self.pageID(head: head, location: location)
        let source = Self.source(head: head, location: location)
        let resumes = code == .truncated ? "" : "; reading resumes at the next record of \(path) that can be found"
        return .failed(id: id, source: source, code: code, message: message + resumes)
    }

    /// A page is identified by its URL, so the same page crawled into another WARC, or fetched over HTTP,
    /// keeps its id; a record that never got as far as its URI is identified by its place in the file.
    static func pageID(head: WARCRecordHead, location: WARCLocation) -> PageID {
        if let uri = head.targetURI, head.type == "response" { return PageID(canonicalSource: uri) }
        if let recordID = head.recordID { return PageID(canonicalSource: recordID) }
        return PageID(canonicalSource: "\((location.file as NSString).lastPathComponent)@\(location.offset)")
    }

    static func source(head: WARCRecordHead, location: WARCLocation) -> SourceRef {
        let url = head.targetURI ?? "warc:\((location.file as NSString).lastPathComponent)@\(location.offset)"
        return SourceRef(url: url, fetchedAt: head.date, warc: location)
    }
}
