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
}
