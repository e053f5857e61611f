/// Writes page records, and the event JSON the database sinks store beside them, straight into
/// UTF-8 bytes, byte for byte as ``RecordJSON/encoder`` writes them (keys sorted by their UTF-8 bytes, no
/// whitespace, slashes unescaped, the same string escapes and number forms).
///
/// Every record goes through this once per page, and going through `JSONEncoder` there cost more than
/// some stages: it builds a boxed tree of every value before writing any byte and looks each key up by
/// name. The keys here are written in their sorted order by hand, so a field added to a model type must
/// be added here too; a test compares both encodings over every fixture page and the edge cases.
public struct RecordJSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Records

    public mutating func write(_ record: PageRecord) throws {
        var object = open()
        if let author = record.author { key("author", &object); string(author) }
        if let encoding = record.encoding { key("encoding", &object); try write(encoding) }
        key("entities", &object)
        try array(record.entities) { try $0.write($1) }
        key("events", &object)
        try array(record.events) { try $0.write($1) }
        if let language = record.language { key("language", &object); try write(language) }
        if let modified = record.modified { key("modified", &object); string(modified) }
        key("page_id", &object); string(record.pageID.rawValue)
        key("pipeline", &object); write(record.pipeline)
        if let published = record.published { key("published", &object); string(published) }
        if let source = record.publishedSource { key("published_source", &object); string(source) }
        key("schema_version", &object); integer(record.schemaVersion)
        if let siteName = record.siteName { key("site_name", &object); string(siteName) }
        key("source", &object); write(record.source)
        key("text", &object); string(record.text)
        if let title = record.title { key("title", &object); string(title) }
        key("warnings", &object)
        array(record.warnings) { $0.write($1) }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ source: SourceRef) {
        var object = open()
        key("bytes", &object); integer(source.bytes)
        if let contentType = source.contentType { key("content_type", &object); string(contentType) }
        if let fetchedAt = source.fetchedAt { key("fetched_at", &object); string(fetchedAt) }
        if let finalURL = source.finalURL { key("final_url", &object); string(finalURL) }
        if let status = source.httpStatus { key("http_status", &object); integer(status) }
        key("sha256", &object); string(source.sha256)
        key("url", &object); string(source.url)
        if let warc = source.warc {
            key("warc", &object)
            var location = open()
            key("file", &location); string(warc.file)
            key("offset", &location); integer(warc.offset)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ encoding: EncodingInfo) throws {
        var object = open()
        key("confidence", &object); try number(encoding.confidence)
        if let declared = encoding.declared { key("declared", &object); string(declared) }
        if let detected = encoding.detected { key("detected", &object); string(detected) }
        if let title = encoding.originalTitle { key("original_title", &object); string(title) }
        key("repairs", &object)
        array(encoding.repairs) { writer, repair in
            var object = writer.open()
            writer.key("chain", &object); writer.string(repair.chain)
            writer.key("spans", &object); writer.integer(repair.spans)
            writer.bytes.append(UInt8(ascii: "}"))
        }
        if !encoding.undo.isEmpty {
            key("undo", &object)
            array(encoding.undo) { writer, undo in
                var object = writer.open()
                writer.key("end", &object); writer.integer(undo.end)
                writer.key("original", &object); writer.string(undo.original)
                writer.key("start", &object); writer.integer(undo.start)
                writer.bytes.append(UInt8(ascii: "}"))
            }
        }
        key("used", &object); string(encoding.used)
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ language: LanguageInfo) throws {
        var object = open()
        key("code", &object); string(language.code)
        key("confidence", &object); try number(language.confidence)
        key("paragraphs", &object)
        try array(language.paragraphs) { try $0.write($1) }
        if let script = language.script { key("script", &object); string(script) }
        key("segments", &object)
        try array(language.segments) { try $0.write($1) }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ segment: LanguageSegment) throws {
        var object = open()
        key("code", &object); string(segment.code)
        key("confidence", &object); try number(segment.confidence)
        key("span", &object); write(segment.span)
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ span: TextSpan) {
        var object = open()
        key("end", &object); integer(span.end)
        key("start", &object); integer(span.start)
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ entity: Entity) throws {
        var object = open()
        key("confidence", &object); try number(entity.confidence)
        key("normalised", &object); try write(entity.normalised)
        key("span", &object); write(entity.span)
        key("text", &object); string(entity.text)
        key("type", &object); string(entity.type)
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ event: EventRecord) throws {
        var object = open()
        key("aliases", &object)
        array(event.aliases) { $0.string($1) }
        if let edition = event.edition { key("edition", &object); integer(edition) }
        if let end = event.end { key("end", &object); string(end) }
        key("event_id", &object); string(event.eventID)
        key("evidence", &object)
        var evidence = open()
        for field in Self.sortedKeys(event.evidence) {
            dynamicKey(field, &evidence)
            array(event.evidence[field] ?? []) { $0.write($1) }
        }
        bytes.append(UInt8(ascii: "}"))
        key("kind", &object); string(event.kind)
        if let location = event.location { key("location", &object); try write(location) }
        key("name", &object); string(event.name)
        key("organisers", &object)
        try array(event.organisers) { try $0.write($1) }
        if let participants = event.participants { key("participants", &object); try write(participants) }
        key("people", &object)
        try array(event.people) { try $0.write($1) }
        if let precision = event.precision { key("precision", &object); string(precision) }
        key("source_page_ids", &object)
        array(event.sourcePageIDs) { $0.string($1.rawValue) }
        if let start = event.start { key("start", &object); string(start) }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ pipeline: PipelineInfo) {
        var object = open()
        key("name", &object); string(pipeline.name)
        key("stages", &object)
        array(pipeline.stages) { $0.string($1) }
        key("version", &object); string(pipeline.version)
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ warning: StageWarning) {
        var object = open()
        key("code", &object); string(warning.code)
        key("message", &object); string(warning.message)
        key("stage", &object); string(warning.stage)
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ object: [String: JSONValue]) throws {
        var state = open()
        for name in Self.sortedKeys(object) {
            dynamicKey(name, &state)
            try write(object[name] ?? .null)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func write(_ value: JSONValue) throws {
        switch value {
        case .string(let text): string(text)
        case .number(let number):
            // As JSONValue's Codable form: whole numbers below 10^15 as integers.
            if number.rounded() == number, abs(number) < 1e15 {
                integer(Int64(number))
            } else {
                try self.number(number)
            }
        case .bool(let flag): bytes.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        case .array(let values): try array(values) { try $0.write($1) }
        case .object(let object): try write(object)
        case .null: bytes.append(contentsOf: Self.nullBytes)
        }
    }

    // MARK: Primitives

    /// Whether an object has had a member yet, so the next one is preceded by a comma.
    private struct ObjectState {
        var empty = true
    }

    /// Writes an object's opening brace; its members follow with ``key(_:_:)``, then the closing brace.
    private mutating func open() -> ObjectState {
        bytes.append(UInt8(ascii: "{"))
        return ObjectState()
    }

    private mutating func key(_ name: StaticString, _ object: inout ObjectState) {
        if object.empty { object.empty = false } else { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private mutating func dynamicKey(_ name: String, _ object: inout ObjectState) {
        if object.empty { object.empty = false } else { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func array<Element>(_ elements: [Element], _ body: (inout Self, Element) throws -> Void) rethrows {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            try body(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func integer(_ value: some BinaryInteger) {
        if value >= 0, value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Doubles as `JSONEncoder` writes them: Swift's shortest round-trip form without a trailing `.0`;
    /// NaN and infinities have no JSON form and are refused as `JSONEncoder` refuses them.
    private mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func string(_ text: String) {
        JSONStringLiteral.append(text, to: &bytes)
    }

    /// Keys in the order `JSONEncoder`'s `.sortedKeys` gives: by their UTF-8 bytes.
    private static func sortedKeys<Value>(_ object: [String: Value]) -> [String] {
        object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let nullBytes: [UInt8] = Array("null".utf8)
}
