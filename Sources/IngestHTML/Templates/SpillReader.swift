/// Reads back what ``SpillWriter`` laid out, field by field in the same order.
///
/// Every read checks the bytes left, so a record cut short or garbled throws ``Truncated`` instead of
/// reading past the end; the caller then strips the page as if it had never been kept.
struct SpillReader {
    struct Truncated: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func uint64() throws(Truncated) -> UInt64 {
        let range = try take(8)
        var value: UInt64 = 0
        for index in range.reversed() { value = value << 8 | UInt64(bytes[index]) }
        return value
    }

    mutating func uint32() throws(Truncated) -> UInt32 {
        let range = try take(4)
        var value: UInt32 = 0
        for index in range.reversed() { value = value << 8 | UInt32(bytes[index]) }
        return value
    }

    mutating func int() throws(Truncated) -> Int {
        Int(Int64(bitPattern: try uint64()))
    }

    mutating func bool() throws(Truncated) -> Bool {
        let range = try take(1)
        switch bytes[range.lowerBound] {
        case 0: return false
        case 1: return true
        default: throw Truncated()
        }
    }

    mutating func double() throws(Truncated) -> Double {
        Double(bitPattern: try uint64())
    }

    mutating func string() throws(Truncated) -> String {
        let range = try take(Int(try uint32()))
        return String(decoding: bytes[range], as: UTF8.self)
    }

    mutating func optionalString() throws(Truncated) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(Truncated) -> [String] {
        let count = Int(try uint32())
        // Each string takes at least its 4-byte length, so a garbled count cannot reserve more than the record.
        guard count <= (bytes.count - position) / 4 else { throw Truncated() }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// Moves past `count` bytes without reading them.
    mutating func skip(_ count: Int) throws(Truncated) {
        _ = try take(count)
    }

    private mutating func take(_ count: Int) throws(Truncated) -> Range<Int> {
        guard count >= 0, count <= bytes.count - position else { throw Truncated() }
        defer { position += count }
        return position..<(position + count)
    }
}
