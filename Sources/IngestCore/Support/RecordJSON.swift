import Foundation

/// The one JSON encoding of records and dead letters: sorted keys and unescaped slashes, so output is
/// byte-stable across runs and golden files can be compared byte for byte.
public enum RecordJSON {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder.encode(value))
    }

    /// The same bytes as the generic form, written by ``RecordJSONWriter``: this runs for every page.
    public static func encode(_ record: PageRecord) throws -> [UInt8] {
        var writer = RecordJSONWriter(reservingCapacity: record.text.utf8.count + 2048)
        try writer.write(record)
        return writer.bytes
    }

    /// The same bytes as the generic form, written by ``RecordJSONWriter``: the database sinks store each
    /// page's JSON of every event it reports.
    public static func encode(_ event: EventRecord) throws -> [UInt8] {
        var writer = RecordJSONWriter(reservingCapacity: 1024)
        try writer.write(event)
        return writer.bytes
    }
}
