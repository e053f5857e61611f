import Foundation
import IngestCore
@testable import IngestFetch
import IngestTestSupport
import Testing

@Suite struct WARCReaderTests {
    struct Collected {
        var documents: [Document] = []
        var skips: [String: Int] = [:]
        var failures: [(id: PageID, source: SourceRef, code: StageError.Code, message: String)] = []
        var count = 0
    }

    func collect(_ name: String, maxBytes: Int = 64 << 20, shard: Shard? = nil) async throws -> Collected {
        try await collect(path: FixturePaths.warc.appendingPathComponent(name).path, maxBytes: maxBytes, shard: shard)
    }

    func collect(path: String, maxBytes: Int = 64 << 20, shard: Shard? = nil) async throws -> Collected {
        try await collect(input: .path(path), maxBytes: maxBytes, shard: shard)
    }

    func collect(input: LocalInput, maxBytes: Int = 64 << 20, shard: Shard? = nil) async throws -> Collected {
        let reader = try LocalFileReader(inputs: [input], maxBytes: maxBytes, shard: shard)
        var collected = Collected()
        for await item in reader {
            collected.count += 1
            switch item {
            case .document(let document): collected.documents.append(document)
            case .skipped(_, _, let reason): collected.skips[reason, default: 0] += 1
            case .failed(let id, let source, let code, let message): collected.failures.append((id, source, code, message))
            }
        }
        return collected
    }

    /// One response per fixture page plus the one stored with chunked and gzip codings.
    var expectedResponses: Int { FixturePaths.warcPageNames().count + 1 }

    @Test("response records become documents with URI, date, HTTP headers and place; other records are counted skips", arguments: ["pages.warc", "pages.warc.gz"])
    func responses(name: String) async throws {
        let collected = try await collect(name)
        #expect(collected.failures.isEmpty)
        #expect(collected.documents.count == expectedResponses)
        let pages = FixturePaths.warcPageNames().count + 3
        #expect(
            collected.skips == [
                "warc warcinfo record": 1, "warc request record": pages, "warc metadata record": pages, "warc http status 4xx": 1,
                "warc http status 3xx": 1,
            ])
        let first = try #require(collected.documents.first)
        let name0 = try #require(FixturePaths.warcPageNames().first)
        #expect(first.source.url == "https://warc.example/\(name0)")
        #expect(first.id == PageID(canonicalSource: "https://warc.example/\(name0)"))
        #expect(first.source.fetchedAt == "2026-11-01T03:04:05Z")
        #expect(first.source.httpStatus == 200)
        #expect(first.source.contentType == "text/html")
        #expect(first.headers["content-type"] == "text/html")
        #expect(first.raw == (try FixturePaths.bytes(ofPage: name0)))
        #expect(first.source.sha256 == SHA256Hex.digest(first.raw))
        #expect(first.source.warc?.file.hasSuffix(name) == true)
    }

    @Test("a .warc.gz gives the same documents as the plain .warc")
    func compressedMatchesPlain() async throws {
        let plain = try await collect("pages.warc")
        let compressed = try await collect("pages.warc.gz")
        #expect(plain.documents.map(\.id) == compressed.documents.map(\.id))
        #expect(plain.documents.map(\.raw) == compressed.documents.map(\.raw))
        #expect(plain.skips == compressed.skips)
    }

    @Test("each record's offset is where it can be read again: its gzip member, or its byte offset", arguments: ["pages.warc", "pages.warc.gz"])
    func offsetsReopen(name: String) async throws {
        let data = [UInt8](try Data(contentsOf: FixturePaths.warc.appendingPathComponent(name)))
        for document in try await collect(name).documents {
            let offset = try #require(document.source.warc?.offset)
            let head: [UInt8]
            if name.hasSuffix(".gz") {
                head = try #require(try Inflater.inflateAll(Array(data[offset...]), limit: 64 << 20))
            } else {
                head = Array(data[offset..<min(data.count, offset + 4096)])
            }
            let text = String(decoding: head.prefix(600), as: UTF8.self)
            #expect(text.hasPrefix("WARC/1.0\r\nWARC-Type: response\r\n"))
            #expect(text.contains("WARC-Target-URI: \(document.source.url)\r\n"))
        }
    }

    @Test("a response stored with chunked transfer coding and gzip content coding gives the page's bytes")
    func storedEncodings() async throws {
        let documents = try await collect("pages.warc.gz").documents
        let encoded = try #require(documents.first { $0.source.url.contains("/encoded/") })
        let plain = try #require(documents.first { $0.source.url == encoded.source.url.replacingOccurrences(of: "/encoded", with: "") })
        #expect(encoded.raw == plain.raw)
        #expect(encoded.headers["content-encoding"] == "gzip")
    }

    @Test("a truncated .warc.gz yields every record before the cut, then one truncated dead letter naming the page")
    func truncated() async throws {
        let whole = try await collect("pages.warc.gz")
        let cut = try await collect("truncated.warc.gz")
        // The cut is inside the fifth response from the end; the last four are a 404, a 301 and two pages.
        #expect(cut.documents.count == whole.documents.count - 3)
        #expect(cut.documents.map(\.raw) == Array(whole.documents.prefix(cut.documents.count).map(\.raw)))
        #expect(cut.failures.count == 1)
        let failure = try #require(cut.failures.first)
        #expect(failure.code == .truncated)
        #expect(failure.message.contains("truncated"))
        let lost = whole.documents[cut.documents.count]
        #expect(failure.id == lost.id)
        #expect(failure.source.url == lost.source.url)
        #expect(failure.source.warc?.offset == lost.source.warc?.offset)
    }

    /// The fixture `name` with `damage` done to its bytes, written where the reader can open it.
    func damaged(_ name: String, _ label: String, _ damage: (inout [UInt8]) throws -> Void) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: FixturePaths.warc.appendingPathComponent(name)))
        try damage(&bytes)
        let url = try FixturePaths.temporaryDirectory("warc-damage-\(label)").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Where each record whose first line is `WARC/1.0` starts.
    static func recordStarts(_ bytes: [UInt8]) -> [Int] {
        let marker = Array("WARC/1.0\r\n".utf8)
        return bytes.indices.filter { $0 == 0 || bytes[$0 - 1] == 0x0A }.filter { bytes[$0...].starts(with: marker) }
    }

    /// Whether the record starting at `start` is a response record.
    static func isResponse(_ bytes: [UInt8], at start: Int) -> Bool {
        bytes[start...].starts(with: Array("WARC/1.0\r\nWARC-Type: response".utf8))
    }

    /// The index, among all records, of the middle response record.
    static func middleResponseIndex(_ bytes: [UInt8]) -> Int {
        let starts = recordStarts(bytes)
        let responses = starts.indices.filter { isResponse(bytes, at: starts[$0]) }
        return responses[responses.count / 2]
    }

    /// Where the record after the middle response record starts.
    static func recordAfterMiddleResponse(_ bytes: [UInt8]) -> Int {
        recordStarts(bytes)[middleResponseIndex(bytes) + 1]
    }

    /// Changes the WARC Content-Length of the middle response record by `change`, to another number of the
    /// same width, so that nothing else in the file moves.
    static func changeMiddleResponseLength(of bytes: inout [UInt8], by change: Int) throws {
        let starts = recordStarts(bytes).filter { isResponse(bytes, at: $0) }
        let start = starts[starts.count / 2]
        let head = String(decoding: bytes[start..<start + 2000], as: UTF8.self)
        let field = try #require(head.range(of: #"\r\nContent-Length: \d+"#, options: .regularExpression))
        let digits = head[field].split(separator: " ").last.map(String.init) ?? ""
        let replacement = String(try #require(Int(digits)) + change)
        try #require(replacement.count == digits.count)
        let at = start + head.utf8.distance(from: head.startIndex, to: field.upperBound) - digits.utf8.count
        bytes.replaceSubrange(at..<at + digits.utf8.count, with: Array(replacement.utf8))
    }

    /// What a damaged file must still give: every response of the whole file but the damaged one, each with
    /// the offset it has in the whole file, and one unreadable dead letter that says reading went on.
    func expectOneRecordLost(_ cut: Collected, whole: Collected, resumes: Bool = true) throws {
        #expect(cut.documents.count == whole.documents.count - 1)
        let kept = Set(cut.documents.map(\.id))
        let lost = whole.documents.filter { !kept.contains($0.id) }
        #expect(lost.count == 1)
        for document in cut.documents {
            let original = try #require(whole.documents.first { $0.id == document.id })
            #expect(document.raw.elementsEqual(original.raw), "\(document.source.url): its bytes differ")
            #expect(document.source.warc?.offset == original.source.warc?.offset)
        }
        #expect(cut.failures.count == 1)
        let failure = try #require(cut.failures.first)
        #expect(failure.code == .unreadable)
        #expect(failure.message.contains("reading resumes at the next record") == resumes)
        #expect(cut.count == whole.count)
    }

    @Test("a record whose first line is damaged is one dead letter, and the records after it are read")
    func damagedRecordStart() async throws {
        let whole = try await collect("pages.warc")
        var response = 0
        let path = try damaged("pages.warc", "start") { bytes in
            let starts = Self.recordStarts(bytes).filter { Self.isResponse(bytes, at: $0) }
            response = starts[starts.count / 2]
            bytes[response] = UInt8(ascii: "X")
        }
        try expectOneRecordLost(try await collect(path: path), whole: whole)
    }

    /// Nothing but its first line marks where a record starts, so a damaged first line is known by the WARC
    /// header fields after it; records in a row with damaged first lines are a dead letter each, with the
    /// URL their header gives.
    @Test("records in a row whose first lines are damaged are a dead letter each, with their URLs", arguments: [2, 3])
    func damagedRecordStartsInARow(_ count: Int) async throws {
        let whole = try await collect("pages.warc")
        var damagedStarts: [Int] = []
        let path = try damaged("pages.warc", "starts\(count)") { bytes in
            let first = Self.middleResponseIndex(bytes)
            damagedStarts = Array(Self.recordStarts(bytes)[first..<first + count])
            for start in damagedStarts { bytes[start] = UInt8(ascii: "X") }
        }
        let cut = try await collect(path: path)
        #expect(cut.count == whole.count)
        #expect(cut.failures.compactMap(\.source.warc?.offset) == damagedStarts)
        #expect(cut.failures.allSatisfy { $0.message.contains("no WARC record starts at this offset") })
        let lost = whole.documents.filter { damagedStarts.contains($0.source.warc?.offset ?? -1) }
        #expect(!lost.isEmpty)
        for document in lost {
            #expect(cut.failures.contains { $0.id == document.id && $0.source.url == document.source.url })
        }
        #expect(cut.documents.count == whole.documents.count - lost.count)
        for document in cut.documents {
            let original = try #require(whole.documents.first { $0.id == document.id })
            #expect(document.raw.elementsEqual(original.raw), "\(document.source.url): its bytes differ")
            #expect(document.source.warc?.offset == original.source.warc?.offset)
        }
    }

    /// What the damaged record's page holds is read past while looking for the next record: WARC header lines
    /// in it start no record unless they follow a blank line and a short line, as a record's header does.
    @Test("WARC header lines inside a damaged record's page are not taken for a record", arguments: [
        "some text\r\nWARC-Type: response\r\n", "\r\n\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n",
    ])
    func fieldLinesInsideDamage(_ inserted: String) async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "fields\(inserted.count)") { bytes in
            let starts = Self.recordStarts(bytes).filter { Self.isResponse(bytes, at: $0) }
            let response = starts[starts.count / 2]
            bytes[response] = UInt8(ascii: "X")
            let body = try #require(bytes[response...].firstRange(of: Array("<body".utf8)))
            bytes.replaceSubrange(body.lowerBound..<body.lowerBound + inserted.utf8.count, with: Array(inserted.utf8))
        }
        try expectOneRecordLost(try await collect(path: path), whole: whole)
    }

    /// Where the Content-Length of the record at `record` starts, and its digits.
    static func lengthField(of bytes: [UInt8], record: Int) throws -> (at: Int, digits: String) {
        let head = String(decoding: bytes[record..<min(bytes.count, record + 2000)], as: UTF8.self)
        let field = try #require(head.range(of: #"\r\nContent-Length: \d+"#, options: .regularExpression))
        let digits = head[field].split(separator: " ").last.map(String.init) ?? ""
        return (record + head.utf8.distance(from: head.startIndex, to: field.upperBound) - digits.utf8.count, digits)
    }

    /// A record that is not kept is still framed by its Content-Length: one too short or too long is counted
    /// once, as the skip it is, and the record after it is read where it starts, also when the length runs
    /// over many records (300000, past the last 64 KiB of it) or past the end of the file (9999999).
    @Test("a wrong Content-Length on a record that is not a page counts it once and costs no other record",
          arguments: ["12", "16", "19", "37", "97", "300000", "9999999"])
    func skippedRecordLength(_ length: String) async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "skip-length\(length)") { bytes in
            let starts = Self.recordStarts(bytes)
            let middle = starts.filter { Self.isResponse(bytes, at: $0) }.dropFirst(10).first ?? 0
            let metadata = try #require(starts.first { $0 > middle && bytes[$0...].starts(with: Array("WARC/1.0\r\nWARC-Type: metadata".utf8)) })
            let field = try Self.lengthField(of: bytes, record: metadata)
            try #require(field.digits == "17")
            bytes.replaceSubrange(field.at..<field.at + 2, with: Array(length.utf8))
        }
        let cut = try await collect(path: path)
        #expect(cut.count == whole.count)
        #expect(cut.skips == whole.skips)
        #expect(cut.failures.isEmpty)
        #expect(cut.documents.map(\.id) == whole.documents.map(\.id))
        #expect(cut.documents.map(\.raw).elementsEqual(whole.documents.map(\.raw)), "a page's bytes differ")
    }

    /// A Content-Length with a digit too many in its first place claims more than the rest of the file: the
    /// records it runs over are read, and the file is not called truncated.
    @Test("a Content-Length that runs past the end of the file costs its record, not the records after it")
    func lengthPastTheEnd() async throws {
        let whole = try await collect("pages.warc")
        var record = 0
        let path = try damaged("pages.warc", "length-past-end") { bytes in
            // The first response for which the changed length reaches past the end.
            for start in Self.recordStarts(bytes).filter({ Self.isResponse(bytes, at: $0) }) {
                let field = try Self.lengthField(of: bytes, record: start)
                if let claimed = Int("9" + field.digits.dropFirst()), field.at + claimed > bytes.count {
                    record = start
                    bytes[field.at] = UInt8(ascii: "9")
                    return
                }
            }
            Issue.record("no response's Content-Length reaches past the end with a 9 in its first place")
        }
        let cut = try await collect(path: path)
        try expectOneRecordLost(cut, whole: whole, resumes: false)
        #expect(cut.failures.first?.message.contains("runs past the end of the file") == true)
        #expect(cut.failures.first?.source.warc?.offset == record)
    }

    /// A Content-Length two bytes too long takes in half of the line breaks after the record; the record
    /// after it, whose first line is damaged, is still found after the other half.
    @Test("a Content-Length too long by a line break, before a damaged first line, costs the two records and no other")
    func longLengthBeforeDamagedStart() async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "long-then-damaged") { bytes in
            bytes[Self.recordAfterMiddleResponse(bytes)] = UInt8(ascii: "#")
            try Self.changeMiddleResponseLength(of: &bytes, by: 2)
        }
        let cut = try await collect(path: path)
        #expect(cut.count == whole.count)
        #expect(cut.failures.count == 2)
        #expect(cut.documents.count == whole.documents.count - 1)
    }

    /// A line feed inside a damaged first line makes two short lines of it; only the second is followed by
    /// the record's fields, and the record is counted once.
    @Test("a first line broken in two by a line feed is one dead letter, not two")
    func firstLineBrokenInTwo() async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "line-in-two") { bytes in
            bytes[Self.recordAfterMiddleResponse(bytes) + 2] = UInt8(ascii: "\n")
        }
        let cut = try await collect(path: path)
        #expect(cut.count == whole.count)
        #expect(cut.failures.count == 1)
        #expect(cut.documents.map(\.id) == whole.documents.map(\.id))
    }

    /// Where a writer that stopped inside the middle response and went on appending may have stopped: bytes
    /// of the record kept, counted from its start (negative: from the start of its block), and what was
    /// written before the next record.
    static let cuts: [(kept: Int, then: String)] = [
        (1, ""), (9, ""), (60, ""), (60, "\r\n"), (-2, ""), (-2, "\n"), (-200, ""), (-200, "\r\n\r\n"),
    ]

    /// A crawler that died inside a record and went on appending to the same file wrote the next record
    /// straight after the cut: the cut record is a dead letter, and the next one is read where it starts,
    /// whether the cut fell in the first line, the header or the block.
    @Test("a record cut short with the next record written after it costs the cut record only", arguments: cuts)
    func cutThenAppended(kept: Int, then: String) async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "cut\(kept)-\(then.utf8.count)") { bytes in
            let starts = Self.recordStarts(bytes)
            let record = starts[Self.middleResponseIndex(bytes)]
            let next = Self.recordAfterMiddleResponse(bytes)
            let block = try #require(bytes[record...].firstRange(of: Array("\r\n\r\n".utf8))).upperBound
            let cut = kept > 0 ? record + kept : block + kept
            bytes.replaceSubrange(cut..<next, with: Array(then.utf8))
        }
        let cut = try await collect(path: path)
        #expect(cut.count == whole.count)
        #expect(cut.failures.count == 1)
        #expect(cut.documents.count == whole.documents.count - 1)
        for document in cut.documents {
            let original = try #require(whole.documents.first { $0.id == document.id })
            #expect(document.raw.elementsEqual(original.raw), "\(document.source.url): its bytes differ")
        }
    }

    /// Download tools decompress a `.warc.gz` and keep its name; some writers gzip without saying so.
    @Test(
        "a WARC is read by what it holds, not by its name",
        arguments: [
            ("pages.warc", "named.warc.gz"), ("pages.warc.gz", "named.warc"), ("pages.warc.gz", "crawl.warc.gz.1"),
            ("pages.warc", "crawl.dat"), ("pages.warc.gz", "crawl.html"),
        ])
    func readByContent(_ fixture: String, _ name: String) async throws {
        let whole = try await collect(fixture)
        let renamed = try FixturePaths.temporaryDirectory("warc-renamed").appendingPathComponent(name)
        try FileManager.default.copyItem(at: FixturePaths.warc.appendingPathComponent(fixture), to: renamed)
        let read = try await collect(path: renamed.path)
        #expect(read.count == whole.count)
        #expect(read.failures.isEmpty)
        #expect(read.documents.map(\.id) == whole.documents.map(\.id))
    }

    /// `--input -` and `--input <(zcat crawl.warc.gz)` have no name to go by.
    @Test("WARC records that come through a pipe are read record by record", .timeLimit(.minutes(1)), arguments: ["pages.warc", "pages.warc.gz"])
    func pipedWARC(_ fixture: String) async throws {
        let whole = try await collect(fixture)
        let pipe = try FixturePaths.temporaryDirectory("warc-pipe").appendingPathComponent("stream").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let bytes = try Data(contentsOf: FixturePaths.warc.appendingPathComponent(fixture))
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: pipe)
            try? handle?.write(contentsOf: bytes)
            try? handle?.close()
        }
        writer.start()
        let piped = try await collect(path: pipe)
        #expect(piped.count == whole.count)
        #expect(piped.failures.isEmpty)
        #expect(piped.skips == whole.skips)
        #expect(piped.documents.map(\.id) == whole.documents.map(\.id))
        #expect(piped.documents.map(\.raw) == whole.documents.map(\.raw))
        #expect(piped.documents.map(\.source.warc?.offset) == whole.documents.map(\.source.warc?.offset))
    }

    /// Every shard opens a file given with `--input`, so its records are sharded one by one, as a named
    /// WARC's are. A file met in a list or a walk is opened only by the shard that owns its path: in a
    /// sharded run its records would be read by that shard alone, so it is a dead letter there instead.
    @Test("WARC records in a file not named so are sharded when given directly, and a dead letter when listed in a sharded run")
    func unnamedWARCShards() async throws {
        let whole = try await collect("pages.warc.gz")
        let directory = try FixturePaths.temporaryDirectory("warc-unnamed")
        let file = directory.appendingPathComponent("crawl.warc.gz.1")
        try FileManager.default.copyItem(at: FixturePaths.warc.appendingPathComponent("pages.warc.gz"), to: file)
        let list = directory.appendingPathComponent("list.txt")
        try Data((file.path + "\n").utf8).write(to: list)
        var direct: [PageID] = []
        var listedFailures: [String] = []
        var listedSkips = 0
        for index in 0..<4 {
            let shard = try Shard(index: index, count: 4)
            let given = try await collect(path: file.path, shard: shard)
            #expect(given.count == whole.count)
            direct += given.documents.map(\.id)
            let listed = try await collect(input: .list(list.path), shard: shard)
            #expect(listed.count == 1)
            listedFailures += listed.failures.map(\.message)
            listedSkips += listed.skips.values.reduce(0, +)
        }
        #expect(direct.sorted() == whole.documents.map(\.id).sorted())
        #expect(listedFailures.count == 1 && listedSkips == 3)
        #expect(listedFailures.first?.contains("holds WARC records, but is not named .warc or .warc.gz") == true)
        let unsharded = try await collect(input: .list(list.path))
        #expect(unsharded.documents.map(\.id) == whole.documents.map(\.id))
    }

    /// The first record's damaged first line ("XARC/1.0") is still followed by its WARC fields.
    @Test("an input without a WARC name whose first record line is damaged is read as WARC, costing that record")
    func unnamedWARCWithDamagedStart() async throws {
        let whole = try await collect("pages.warc")
        let damagedPath = try damaged("pages.warc", "first") { bytes in bytes[0] = UInt8(ascii: "X") }
        let unnamed = URL(fileURLWithPath: damagedPath).deletingLastPathComponent().appendingPathComponent("crawl.dat")
        try FileManager.default.moveItem(atPath: damagedPath, toPath: unnamed.path)
        let read = try await collect(path: unnamed.path)
        #expect(read.count == whole.count)
        #expect(read.failures.count == 1)
        #expect(read.failures.first?.source.warc?.offset == 0)
    }

    @Test("a page that begins with the letters of a record's first line is still a page")
    func pageBeginningLikeARecord() async throws {
        let page = try FixturePaths.temporaryDirectory("warc-like").appendingPathComponent("about.html")
        try Data("WARC/1.0 is the format crawlers write.\n<p>It stores requests and responses.".utf8).write(to: page)
        let read = try await collect(path: page.path)
        #expect(read.documents.count == 1)
        #expect(read.documents.first?.source.warc == nil)
    }

    /// The check for a record cut inside its header must not split a sound one whose URL ends like a
    /// record's first line.
    @Test("a URL that ends in WARC/1.0 is a URL, not the start of another record")
    func urlEndingInVersion() async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "url-version") { bytes in
            let record = Self.recordStarts(bytes)[Self.middleResponseIndex(bytes)]
            let field = try #require(bytes[record...].firstRange(of: Array("WARC-Target-URI: ".utf8)))
            let lineEnd = try #require(bytes[field.upperBound...].firstRange(of: Array("\r\n".utf8)))
            bytes.insert(contentsOf: Array("/WARC/1.0".utf8), at: lineEnd.lowerBound)
        }
        let read = try await collect(path: path)
        #expect(read.count == whole.count)
        #expect(read.failures.isEmpty)
        #expect(read.documents.count == whole.documents.count)
        #expect(read.documents.filter { $0.source.url.hasSuffix("/WARC/1.0") }.count == 1)
    }

    @Test("a damaged first line of the record after a response costs that record, not the response")
    func damagedRecordAfterResponse() async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "after-response-start") { bytes in
            bytes[Self.recordAfterMiddleResponse(bytes)] = UInt8(ascii: "X")
        }
        let cut = try await collect(path: path)
        #expect(cut.documents.map(\.id) == whole.documents.map(\.id))
        #expect(cut.failures.count == 1)
        #expect(cut.failures.first?.message.contains("no WARC record starts") == true)
        #expect(cut.count == whole.count)
    }

    @Test("a response whose Content-Length is off by a byte, either way, is a dead letter, not a page cut short", arguments: [-1, 1])
    func wrongContentLength(_ change: Int) async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "length\(change)") { try Self.changeMiddleResponseLength(of: &$0, by: change) }
        let cut = try await collect(path: path)
        try expectOneRecordLost(cut, whole: whole)
        #expect(cut.failures.first?.message.contains("Content-Length") == true)
    }

    /// 7 bytes more take the record's line breaks and "WAR" of the record after it; 40 take its whole first
    /// line and more.
    @Test("a Content-Length too long by more than the line breaks after the record costs that record only: the next is read where it starts", arguments: [7, 40])
    func contentLengthTakesNextRecord(_ extra: Int) async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "length-long\(extra)") { try Self.changeMiddleResponseLength(of: &$0, by: extra) }
        try expectOneRecordLost(try await collect(path: path), whole: whole, resumes: false)
    }

    @Test("a file that ends inside the line breaks after its last record, or without them, loses nothing", arguments: [2, 4])
    func shortLastSeparator(_ cut: Int) async throws {
        let whole = try await collect("pages.warc")
        let path = try damaged("pages.warc", "end\(cut)") { bytes in
            try #require(bytes.suffix(4).elementsEqual("\r\n\r\n".utf8))
            bytes.removeLast(cut)
        }
        let short = try await collect(path: path)
        #expect(short.failures.isEmpty)
        #expect(short.documents.map(\.id) == whole.documents.map(\.id))
        #expect(short.documents.map(\.raw).elementsEqual(whole.documents.map(\.raw)), "a page's bytes differ")
        #expect(short.count == whole.count)
    }

    @Test("corrupt gzip data in one member of a .warc.gz is one dead letter, and the members after it are read", arguments: [10, 40])
    func corruptMember(_ from: Int) async throws {
        let whole = try await collect("pages.warc.gz")
        let path = try damaged("pages.warc.gz", "member\(from)") { bytes in
            let offsets = whole.documents.compactMap(\.source.warc?.offset)
            let member = offsets[offsets.count / 2]
            let next = try #require(offsets.first { $0 > member })
            for index in (member + from)..<min(next, member + from + 40) { bytes[index] = 0xFF }
        }
        try expectOneRecordLost(try await collect(path: path), whole: whole)
    }

    /// The response's framing check reads on to the next record's first line, in the next member: when that
    /// member is corrupt from its first byte of deflate data (past the 10-byte gzip header), the damage is
    /// the next record's, and the response stands.
    @Test("a corrupt member right after a response costs the record in it, not the response")
    func corruptMemberAfterResponse() async throws {
        let whole = try await collect("pages.warc.gz")
        let path = try damaged("pages.warc.gz", "after-response") { bytes in
            let offsets = whole.documents.compactMap(\.source.warc?.offset)
            let member = offsets[offsets.count / 2]
            let following = try #require(((member + 1)..<(bytes.count - 3)).first { bytes[$0...].starts(with: [0x1F, 0x8B, 0x08]) })
            try #require(offsets.allSatisfy { $0 <= member || $0 > following })
            for index in (following + 10)..<(following + 50) { bytes[index] = 0xFF }
        }
        let cut = try await collect(path: path)
        #expect(cut.documents.map(\.id) == whole.documents.map(\.id))
        #expect(cut.documents.map(\.raw).elementsEqual(whole.documents.map(\.raw)), "a page's bytes differ")
        #expect(cut.failures.count == 1)
        #expect(cut.failures.first?.code == .unreadable)
        #expect(cut.count == whole.count)
    }

    /// `pages.warc` written again as a `.warc.gz` of one member a record, as Common Crawl writes them: the
    /// records in `broken` with their first byte changed, the members of those in `corrupt` with their deflate
    /// data overwritten from its first byte. Returns the path and where each member starts.
    func rebuiltGzip(_ label: String, broken: Set<Int> = [], corrupt: Set<Int> = []) throws -> (path: String, members: [Int]) {
        let plain = [UInt8](try Data(contentsOf: FixturePaths.warc.appendingPathComponent("pages.warc")))
        let starts = Self.recordStarts(plain)
        var file: [UInt8] = []
        var members: [Int] = []
        for (index, start) in starts.enumerated() {
            var record = Array(plain[start..<(index + 1 < starts.count ? starts[index + 1] : plain.count)])
            if broken.contains(index) { record[0] = UInt8(ascii: "X") }
            var member = Gzip.compress(record)
            if corrupt.contains(index) {
                for at in 10..<min(member.count, 50) { member[at] = 0xFF }
            }
            members.append(file.count)
            file += member
        }
        let url = try FixturePaths.temporaryDirectory("warc-rebuilt-\(label)").appendingPathComponent("pages.warc.gz")
        try Data(file).write(to: url)
        return (url.path, members)
    }

    /// The index of the middle response record of `pages.warc`.
    func middleResponse() throws -> Int {
        Self.middleResponseIndex([UInt8](try Data(contentsOf: FixturePaths.warc.appendingPathComponent("pages.warc"))))
    }

    /// Records, counted from the middle response, with their first line broken and with their member corrupt.
    static let damagesInARow: [(broken: [Int], corrupt: [Int])] = [
        ([0], [1]), ([], [0, 1]), ([], [0, 1, 2]), ([0], [1, 2]),
        ([0, 1], []), ([0, 1, 2], []), ([1], [0]), ([0, 2], [1]), ([0], []),
    ]

    /// Damage met while looking for the record after a damaged one is a dead letter of its own: the input
    /// count is that of the undamaged file, and every page outside the damaged members is read whole, at its
    /// member's offset (a changed first byte can change the size of a member, and so the offsets after it).
    @Test("damaged records in a row are a dead letter each, and none is passed over uncounted", arguments: damagesInARow)
    func damageInARow(broken: [Int], corrupt: [Int]) async throws {
        let first = try middleResponse()
        let label = "row-\(broken.map(String.init).joined())-\(corrupt.map(String.init).joined())"
        let undamaged = try rebuiltGzip("\(label)-whole")
        let whole = try await collect(path: undamaged.path)
        let damaged = try rebuiltGzip(label, broken: Set(broken.map { first + $0 }), corrupt: Set(corrupt.map { first + $0 }))
        let cut = try await collect(path: damaged.path)
        #expect(cut.count == whole.count)
        let damagedRecords = Set((broken + corrupt).map { first + $0 })
        #expect(cut.failures.compactMap(\.source.warc?.offset).sorted() == damagedRecords.map { damaged.members[$0] }.sorted())
        #expect(cut.failures.allSatisfy { $0.code == .unreadable && $0.message.contains("reading resumes at the next record") })
        for document in whole.documents {
            let offset = try #require(document.source.warc?.offset)
            let record = try #require(undamaged.members.firstIndex(of: offset))
            let read = cut.documents.first { $0.id == document.id }
            if damagedRecords.contains(record) {
                #expect(read == nil)
            } else {
                #expect(read?.raw == document.raw, "\(document.source.url): missing or changed")
                #expect(read?.source.warc?.offset == damaged.members[record])
            }
        }
    }

    @Test("a file that ends early in the member after a damaged record is a truncated dead letter for the record it held")
    func truncatedAfterDamage() async throws {
        let first = try middleResponse()
        let damaged = try rebuiltGzip("row-truncated", broken: [first])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: damaged.path)))
        bytes.removeSubrange((damaged.members[first + 1] + 12)...)
        try Data(bytes).write(to: URL(fileURLWithPath: damaged.path))
        let cut = try await collect(path: damaged.path)
        #expect(cut.count == first + 2)
        #expect(cut.failures.map(\.code) == [.unreadable, .truncated])
        #expect(cut.failures.compactMap(\.source.warc?.offset) == [damaged.members[first], damaged.members[first + 1]])
    }

    @Test("a file that is not WARC is one dead letter, not a crash or a silent nothing")
    func notWARC() async throws {
        let collected = try await collect("not-a-warc.warc")
        #expect(collected.count == 1)
        let failure = try #require(collected.failures.first)
        #expect(failure.code == .unreadable)
        #expect(failure.message.contains("no WARC record starts"))
    }

    @Test("a gzip bomb in the content coding is a too-large dead letter, decompressed no further than the limit")
    func gzipBomb() async throws {
        let collected = try await collect("bomb.warc", maxBytes: 1 << 20)
        #expect(collected.documents.isEmpty)
        let failure = try #require(collected.failures.first)
        #expect(failure.code == .tooLarge)
        #expect(failure.source.url == "https://warc.example/bomb.html")
        #expect(failure.message.contains("expands past the input limit of 1048576 bytes"))
    }

    @Test("records over the size limit are dead letters and reading goes on after them")
    func oversizedRecord() async throws {
        let collected = try await collect("pages.warc.gz", maxBytes: 20_000)
        #expect(!collected.failures.isEmpty)
        #expect(collected.failures.allSatisfy { $0.code == .tooLarge })
        #expect(collected.documents.count + collected.failures.count == expectedResponses)
    }

    @Test("records of other shards are skipped unread, and the shards together cover every response")
    func sharded() async throws {
        var ids: [PageID] = []
        for index in 0..<3 {
            let collected = try await collect("pages.warc.gz", shard: try Shard(index: index, count: 3))
            ids += collected.documents.map(\.id)
            let statusSkips = (collected.skips["warc http status 4xx"] ?? 0) + (collected.skips["warc http status 3xx"] ?? 0)
            #expect(collected.documents.count + (collected.skips[RunSummary.outOfShardReason] ?? 0) + statusSkips == expectedResponses + 2)
        }
        #expect(ids.sorted() == (try await collect("pages.warc.gz")).documents.map(\.id).sorted())
    }

    @Test("chunked bodies are joined, and broken framing is reported rather than guessed")
    func chunked() {
        #expect(ChunkedBody.decode(Array("4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n".utf8)[...]) == Array("Wikipedia".utf8))
        #expect(ChunkedBody.decode(Array("ff\r\nshort".utf8)[...]) == nil)
        #expect(ChunkedBody.decode(Array("zz\r\n".utf8)[...]) == nil)
    }
}

@Suite struct ExpectedInputCountTests {
    @Test("the input count is known for page files and directories, not for WARC files or standard input")
    func counts() throws {
        #expect(try LocalFileReader(inputs: [.path(FixturePaths.pages.path)]).expectedInputCount() == FixturePaths.pageNames().count)
        let page = FixturePaths.pages.appendingPathComponent("empty.html").path
        #expect(try LocalFileReader(inputs: [.path(FixturePaths.pages.path), .path(page)]).expectedInputCount() == FixturePaths.pageNames().count + 1)
        #expect(try LocalFileReader(inputs: [.path(FixturePaths.warc.path)]).expectedInputCount() == nil)
        #expect(try LocalFileReader(inputs: [.list("-")]).expectedInputCount() == nil)
    }
}
