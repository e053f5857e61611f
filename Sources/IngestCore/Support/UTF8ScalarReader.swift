/// Reads Unicode scalars straight from a `String`'s UTF-8 storage (`withUTF8`), which is valid UTF-8: a
/// tokenizer walks a page's text this way without first copying it into an array of scalars, which takes
/// four bytes a scalar (65 MB for a 20 MB page of text).
public enum UTF8ScalarReader {
    /// The scalar whose first byte is at `offset`, and how many bytes it takes. `utf8` must be valid UTF-8
    /// and `offset` the start of a scalar; a sequence cut short by the buffer's end reads as far as it goes.
    @inlinable
    public static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(utf8[offset])
        var value: UInt32
        let length: Int
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(UInt8(truncatingIfNeeded: lead)), 1)
        case 0xC0..<0xE0: value = lead & 0x1F; length = 2
        case 0xE0..<0xF0: value = lead & 0x0F; length = 3
        default: value = lead & 0x07; length = 4
        }
        var index = 1
        while index < length, offset + index < utf8.count {
            value = value << 6 | UInt32(utf8[offset + index] & 0x3F)
            index += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
