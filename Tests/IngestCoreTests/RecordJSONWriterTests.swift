import Foundation
import IngestCore
import Testing

/// The hand-written record encoding must be byte for byte `JSONEncoder`'s: records already stored are
/// compared by their SHA-256, so one differing byte would rewrite every page of a database on the next run.
/// The fixture pages are compared through the whole pipeline in `IngestCLITests`; these are the edge cases.
@Suite struct RecordJSONWriterTests {
    static func generic(_ value: some Encodable) throws -> String {
        String(decoding: try RecordJSON.encoder.encode(value), as: UTF8.self)
    }

    static let awkwardStrings: [String] = {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return [
            "", "plain", controls, "quote \" backslash \\ slash / </script>", "\u{7F}\u{2028}\u{2029}\u{FEFF}",
            "Zażółć gęślą jaźń 😀 Клъстер", "e\u{301} combining", "line\r\nbreak\ttab",
        ]
    }()

    static let awkwardNumbers: [Double] = [
        0, -0.0, 1, 0.5, 0.1, 1.0 / 3, 0.95, 1e-5, 2.5e-7, 1e15, 1e15 - 1, 1e16, 1e20, 9_007_199_254_740_994,
        -123.456, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e-300,
    ]

    static func record(text: String, number: Double, keys: [String]) -> PageRecord {
        var document = Document(
            id: PageID(canonicalSource: text),
            source: SourceRef(
                url: "https://example.org/a/b?c=d&e=" + text, finalURL: "https://example.org/x", fetchedAt: "2026-11-30T01:00:00Z",
                httpStatus: 200, contentType: "text/html; charset=utf-8", bytes: 12_345, sha256: "ab",
                warc: WARCLocation(file: "/data/crawl.warc.gz", offset: 1 << 40)),
            raw: [])
        var encoding = EncodingInfo(
            declared: "meta: " + text, detected: "windows-1251", used: "utf-8", confidence: number,
            repairs: [EncodingRepair(chain: "utf-8→cp1252", spans: 3)])
        encoding.undo = [TextUndo(start: 1, end: 2, original: text)]
        encoding.originalTitle = text
        document.encoding = encoding
        document.text = text
        document.title = text
        document.published = PublishedDate(value: "2026-11-30", source: "meta")
        document.modified = PublishedDate(value: "2026-12-01", source: "meta")
        document.author = text
        document.siteName = "Site"
        document.language = LanguageInfo(
            code: "bg", confidence: number, script: "Cyrl",
            segments: [LanguageSegment(span: TextSpan(start: 0, end: 3), code: "en", confidence: 0.5)],
            paragraphs: [LanguageSegment(span: TextSpan(start: 4, end: 9), code: "bg", confidence: number)])
        var normalised: [String: JSONValue] = [:]
        for (index, key) in keys.enumerated() {
            normalised[key] = [
                .string(text), .number(number), .bool(index.isMultiple(of: 2)), .null, .array([.number(number), .string(key), .null]),
                .object(["b": .number(2), "a": .array([]), "c": .object([:])]),
            ][index % 6]
        }
        document.entities = [
            Entity(type: "date", text: text, span: TextSpan(start: 0, end: 0), normalised: normalised, confidence: number),
            Entity(type: "org", text: "Org", span: TextSpan(start: 1, end: 4), normalised: [:], confidence: 1),
        ]
        document.events = [
            EventRecord(
                eventID: "e_1", name: text, aliases: [text, "b"], kind: "conference", start: "2026-11-30", end: "2026-12-01",
                precision: "day", location: normalised, organisers: [.object(["name": .string(text)])],
                participants: ["count": .number(number)], people: [.string(text)], edition: 3,
                evidence: Dictionary(uniqueKeysWithValues: keys.map { ($0, [TextSpan(start: 0, end: 1)]) }),
                sourcePageIDs: [PageID(rawValue: "p_1"), PageID(rawValue: "p_0")]),
            EventRecord(eventID: "e_2", name: "bare", kind: "other"),
        ]
        document.warnings = [StageWarning(stage: "strip", code: "w", message: text)]
        return PageRecord(document: document, pipeline: PipelineInfo(name: "events", version: "0.1.0", stages: ["strip", text]))
    }

    static let awkwardKeys = ["a10", "a9", "B", "a", "_x", "Z", "é", "e", "a_b", "ab", "1", "10", "2", "", "я", "а", "ü", "city"]

    @Test("records with awkward strings match JSONEncoder byte for byte", arguments: awkwardStrings)
    func strings(_ text: String) throws {
        let record = Self.record(text: text, number: 0.75, keys: Self.awkwardKeys)
        #expect(String(decoding: try RecordJSON.encode(record), as: UTF8.self) == (try Self.generic(record)))
        for event in record.events {
            #expect(String(decoding: try RecordJSON.encode(event), as: UTF8.self) == (try Self.generic(event)))
        }
        for entity in record.entities {
            var writer = RecordJSONWriter()
            try writer.write(entity.normalised)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == (try Self.generic(entity.normalised)))
        }
    }

    @Test("records with awkward numbers match JSONEncoder byte for byte", arguments: awkwardNumbers)
    func numbers(_ number: Double) throws {
        let record = Self.record(text: "t", number: number, keys: Self.awkwardKeys)
        #expect(String(decoding: try RecordJSON.encode(record), as: UTF8.self) == (try Self.generic(record)))
    }

    @Test("a record with only its required fields matches JSONEncoder")
    func minimal() throws {
        let record = PageRecord(
            document: Document(id: PageID(rawValue: "p_0"), source: SourceRef(url: "file:a.html"), raw: []),
            pipeline: PipelineInfo(name: "p", version: "v", stages: []))
        let written = String(decoding: try RecordJSON.encode(record), as: UTF8.self)
        #expect(written == (try Self.generic(record)))
        #expect(written.hasPrefix(#"{"entities":[],"events":[],"page_id":"p_0","pipeline":"#))
    }

    @Test("a number JSON cannot hold is refused, as JSONEncoder refuses it", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(_ number: Double) {
        let record = Self.record(text: "t", number: number, keys: ["a"])
        #expect(throws: EncodingError.self) { try RecordJSON.encode(record) }
        #expect(throws: EncodingError.self) { try RecordJSON.encoder.encode(record) }
    }
}
