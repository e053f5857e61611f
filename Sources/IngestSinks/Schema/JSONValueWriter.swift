public import IngestCore

/// An entity's `normalised` object written as JSON bytes exactly as ``RecordJSON``'s encoder writes it
/// (sorted keys, unescaped slashes), without going through `Codable`.
///
/// A page has about eight entities, and setting up `JSONEncoder`'s boxes for each small object cost more
/// than everything else a database sink does to the page on the client (about 100 µs a page, measured
/// with `perf` during `ingest db bench`). The bytes must stay identical to the encoder's: SQLite stores
/// them as they are, and tests compare both for every value shape.
public enum JSONValueWriter {
    /// A number JSON cannot carry (NaN, infinity), refused as `JSONEncoder` refuses it.
    public struct NonConformingNumber: Error, CustomStringConvertible {
        public var value: Double
        public var description: String { "\(value) cannot be written as a JSON number" }
    }

    public static func encode(_ object: [String: JSONValue]) throws(NonConformingNumber) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        try append(object, to: &out)
        return out
    }

    public static func append(_ value: JSONValue, to out: inout [UInt8]) throws(NonConformingNumber) {
        switch value {
        case .string(let text): JSONStringLiteral.append(text, to: &out)
        case .number(let number): try appendNumber(number, to: &out)
        case .bool(let flag): out.append(contentsOf: flag ? Array("true".utf8) : Array("false".utf8))
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object): try append(object, to: &out)
        }
    }

    /// Keys in Unicode scalar order, which for the encoder's `.sortedKeys` is the order of their UTF-8
    /// bytes.
    public static func append(_ object: [String: JSONValue], to out: inout [UInt8]) throws(NonConformingNumber) {
        out.append(UInt8(ascii: "{"))
        let keys = object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONStringLiteral.append(key, to: &out)
            out.append(UInt8(ascii: ":"))
            // The key came from this very dictionary.
            try append(object[key] ?? .null, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Whole numbers below 10^15 as integers, as ``JSONValue`` encodes them; others as Swift's shortest
    /// round-tripping form without a trailing `.0`, which is what the encoder writes for a `Double`.
    private static func appendNumber(_ value: Double, to out: inout [UInt8]) throws(NonConformingNumber) {
        guard value.isFinite else { throw NonConformingNumber(value: value) }
        if value.rounded() == value, abs(value) < 1e15 {
            out.append(contentsOf: String(Int64(value)).utf8)
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }
}
