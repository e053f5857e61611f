import IngestCore

/// The record a kept page takes in the spill file: first what identifies the input it was stripped from,
/// then its site and block fingerprints, then the stripped page itself.
///
/// The checks come first so a record for other input is rejected after reading a few fields, and the
/// fingerprints are on disk rather than in memory: whether a learned template touches the page is decided
/// when the run reads it back.
enum KeptPageRecord {
    static func encode(_ page: StrippedPage, blocks: Set<UInt64>, of document: Document, site: String) -> [UInt8] {
        var writer = SpillWriter(reservingCapacity: page.text.utf8.count + blocks.count * 8 + 512)
        writer.write(document.id.rawValue)
        writer.write(document.raw.count)
        writer.write(document.source.sha256)
        writer.write(document.source.url)
        writer.write(document.headers["content-type"])
        writer.write(site)
        writer.write(UInt32(blocks.count))
        for block in blocks { writer.write(block) }

        writer.write(page.charset.used)
        writer.write(page.charset.basis.rawValue)
        writer.write(page.charset.declared)
        writer.write(page.charset.detected)
        writer.write(page.charset.confidence)
        writer.write(page.charset.warnings)
        writer.write(page.charset.bytesAreValidUTF8)
        writer.write(page.title)
        writer.write(page.text)
        write(page.published, to: &writer)
        write(page.modified, to: &writer)
        writer.write(page.author)
        writer.write(page.siteName)
        writer.write(UInt32(page.structuredEvents.count))
        for event in page.structuredEvents {
            writer.write(event.name)
            writer.write(event.start)
            writer.write(event.end)
            writer.write(event.venue)
            writer.write(event.locality)
            writer.write(event.country)
            writer.write(event.attendance)
            writer.write(event.organisers)
            writer.write(event.url)
        }
        writer.write(page.elementCount)
        return writer.bytes
    }

    /// How reading a record back ended.
    enum Reading: Equatable {
        case page(StrippedPage)
        /// The record was kept for other input: other bytes, URL or content type under the same id.
        case otherInput
        /// One of the site's learned template blocks is on the page, so the run must strip it with them.
        case touchedByTemplate
        /// The record does not read back whole.
        case unreadable
    }

    static func decode(_ bytes: [UInt8], for document: Document, templates: SiteTemplates) -> Reading {
        var reader = SpillReader(bytes)
        do {
            guard try reader.string() == document.id.rawValue, try reader.int() == document.raw.count,
                try reader.string() == document.source.sha256, try reader.string() == document.source.url,
                try reader.optionalString() == document.headers["content-type"]
            else { return .otherInput }
            let site = try reader.string()
            let blockCount = Int(try reader.uint32())
            if let template = templates.blocks(ofSite: site), !template.isEmpty {
                for _ in 0..<blockCount {
                    if template.contains(try reader.uint64()) { return .touchedByTemplate }
                }
            } else {
                try reader.skip(blockCount * 8)
            }
            let used = try reader.string()
            guard let basis = CharsetDecision.Basis(rawValue: try reader.string()) else { return .unreadable }
            let charset = CharsetDecision(
                used: used, basis: basis, declared: try reader.optionalString(), detected: try reader.optionalString(),
                confidence: try reader.double(), warnings: try reader.strings(), bytesAreValidUTF8: try reader.bool())
            let title = try reader.optionalString()
            let text = try reader.string()
            let published = try date(from: &reader)
            let modified = try date(from: &reader)
            let author = try reader.optionalString()
            let siteName = try reader.optionalString()
            let eventCount = Int(try reader.uint32())
            var events: [StructuredEvent] = []
            for _ in 0..<eventCount {
                events.append(
                    StructuredEvent(
                        name: try reader.optionalString(), start: try reader.optionalString(), end: try reader.optionalString(),
                        venue: try reader.optionalString(), locality: try reader.optionalString(),
                        country: try reader.optionalString(), attendance: try reader.optionalString(),
                        organisers: try reader.strings(), url: try reader.optionalString()))
            }
            let elementCount = try reader.int()
            guard reader.isAtEnd else { return .unreadable }
            return .page(
                StrippedPage(
                    charset: charset, title: title, text: text, published: published, modified: modified, author: author,
                    siteName: siteName, structuredEvents: events, elementCount: elementCount))
        } catch {
            return .unreadable
        }
    }

    private static func write(_ date: PublishedDate?, to writer: inout SpillWriter) {
        writer.write(date != nil)
        if let date {
            writer.write(date.value)
            writer.write(date.source)
        }
    }

    private static func date(from reader: inout SpillReader) throws(SpillReader.Truncated) -> PublishedDate? {
        guard try reader.bool() else { return nil }
        return PublishedDate(value: try reader.string(), source: try reader.string())
    }
}
