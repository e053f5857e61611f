import IngestCore

/// Reads back what ``SpillWriter`` laid out, field by field in the same order.
///
/// Every read checks the bytes left, so a record cut short or garbled throws ``Truncated`` instead of
/// reading past the end; the caller then strips the page as if it had never been kept.
struct SpillReader {
    struct Truncated: Error {}

    private var reader: LittleEndianReader<Truncated>

    init(_ bytes: [UInt8]) {
        reader = LittleEndianReader(bytes, truncated: Truncated())
    }

    var isAtEnd: Bool { reader.isAtEnd }

    mutating func uint64() throws(Truncated) -> UInt64 {
        try reader.integer(UInt64.self)
    }

    mutating func uint32() throws(Truncated) -> UInt32 {
        try reader.integer(UInt32.self)
    }

    mutating func int() throws(Truncated) -> Int {
        Int(Int64(bitPattern: try uint64()))
    }

    mutating func bool() throws(Truncated) -> Bool {
        switch try reader.integer(UInt8.self) {
        case 0: return false
        case 1: return true
        default: throw Truncated()
        }
    }

    mutating func double() throws(Truncated) -> Double {
        Double(bitPattern: try uint64())
    }

    mutating func string() throws(Truncated) -> String {
        String(decoding: try reader.bytes(Int(try uint32())), as: UTF8.self)
    }

    mutating func optionalString() throws(Truncated) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(Truncated) -> [String] {
        let count = Int(try uint32())
        // Each string takes at least its 4-byte length, so a garbled count cannot reserve more than the record.
        guard count <= reader.remaining / 4 else { throw Truncated() }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// Moves past `count` bytes without reading them.
    mutating func skip(_ count: Int) throws(Truncated) {
        try reader.skip(count)
    }
}
