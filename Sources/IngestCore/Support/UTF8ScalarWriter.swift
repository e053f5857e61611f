/// Writes Unicode scalars as UTF-8 straight into a buffer, such as the storage a
/// `String(unsafeUninitializedCapacity:)` hands out once the length is known: building a string that way
/// is much faster than appending scalars one by one, and needs no array of bytes in between.
public enum UTF8ScalarWriter {
    /// Writes `value` (a valid Unicode scalar value) at `offset` and returns the offset after it. The
    /// buffer must have room for `UTF8.width` of the scalar.
    @inlinable
    public static func write(_ value: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        switch value {
        // Truncating conversions and wrapping offsets: a valid scalar's bytes fit by construction, and
        // the caller made room, so the checks would only cost (this runs once a character written).
        case 0..<0x80:
            buffer[offset] = UInt8(truncatingIfNeeded: value)
            return offset &+ 1
        case 0x80..<0x800:
            buffer[offset] = UInt8(truncatingIfNeeded: 0xC0 | value &>> 6)
            buffer[offset &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return offset &+ 2
        case 0x800..<0x10000:
            buffer[offset] = UInt8(truncatingIfNeeded: 0xE0 | value &>> 12)
            buffer[offset &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value &>> 6 & 0x3F)
            buffer[offset &+ 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return offset &+ 3
        default:
            buffer[offset] = UInt8(truncatingIfNeeded: 0xF0 | value &>> 18)
            buffer[offset &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value &>> 12 & 0x3F)
            buffer[offset &+ 2] = UInt8(truncatingIfNeeded: 0x80 | value &>> 6 & 0x3F)
            buffer[offset &+ 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return offset &+ 4
        }
    }
}
