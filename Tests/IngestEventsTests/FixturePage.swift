import Foundation
import IngestCore
import IngestEvents
import IngestHTML
import IngestTestSupport
import IngestText
import Logging

/// A fixture page taken through strip and repair, as the events stage receives it.
enum FixturePage {
    static let context = StageContext(runID: "r_events", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))

    static func document(_ name: String) async throws -> Document {
        let bytes = try FixturePaths.bytes(ofPage: name)
        var document = Document(
            id: PageID(canonicalSource: name), source: SourceRef(url: "file:" + name, bytes: bytes.count, sha256: SHA256Hex.digest(bytes)), raw: bytes)
        _ = try HTMLStrip().process(&document, context: context)
        _ = try MojibakeRepair().process(&document, context: context)
        return document
    }

    /// The page's events with the entities of ``SeedEntities``.
    static func events(_ name: String) async throws -> (document: Document, events: [EventRecord]) {
        var document = try await document(name)
        document.entities = SeedEntities.entities(for: name, text: document.text ?? "")
        _ = try EventExtractor().process(&document, context: context)
        return (document, document.events)
    }

    /// Pretty, sorted JSON for golden files.
    static func golden(_ events: [EventRecord]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(events), as: UTF8.self) + "\n"
    }

    /// The text an evidence span points at.
    static func slice(_ text: String, _ span: TextSpan) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[span.start..<span.end]))
    }
}
