/// Reads the model file's little-endian fields, refusing to run past its end.
struct ModelByteReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func bytes(_ count: Int) throws(LanguageModelError) -> [UInt8] {
        guard count >= 0, offset + count <= bytes.count else {
            throw LanguageModelError("language model file is truncated")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func take(_ count: Int) -> [UInt8]? {
        try? bytes(count)
    }

    mutating func little(_ width: Int) throws(LanguageModelError) -> UInt64 {
        guard offset + width <= bytes.count else { throw LanguageModelError("language model file is truncated") }
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(bytes[offset + index]) << (8 * index) }
        offset += width
        return value
    }

    mutating func u16() throws(LanguageModelError) -> UInt16 { UInt16(try little(2)) }
    mutating func u32() throws(LanguageModelError) -> UInt32 { UInt32(try little(4)) }
}
