extension JSONString {
    /// The value of each byte as a hex digit, 0xFF for a byte that is none: four look-ups and one OR
    /// check a `\uXXXX` escape, where a range test per digit costs a few branches each. Lines of scraped
    /// text escape every character beyond ASCII this way, so these escapes are most of what such a line
    /// holds.
    static let hexDigitValues: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x41...0x46: UInt8(byte - 0x41 + 10)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        default: 0xFF
        }
    }

    /// The four hex digits at `source`, or nil when one of them is not a hex digit.
    @inline(__always)
    private static func hex4(_ source: UnsafePointer<UInt8>, _ digits: UnsafePointer<UInt8>) -> UInt32? {
        let d0 = digits[Int(source[0])]
        let d1 = digits[Int(source[1])]
        let d2 = digits[Int(source[2])]
        let d3 = digits[Int(source[3])]
        guard (d0 | d1 | d2 | d3) < 0x10 else { return nil }
        return UInt32(d0) &<< 12 | UInt32(d1) &<< 8 | UInt32(d2) &<< 4 | UInt32(d3)
    }

    /// Decodes the run of `\uXXXX` escapes that starts at `index` (just past the first one's `\u`) as UTF-8
    /// into `out` at `written`, and moves both past it; false when an escape is not four hex digits or a
    /// surrogate is not half of a pair. A run is decoded in one loop, without going back to the caller's
    /// per-byte scan between escapes, as text in a script beyond ASCII comes as one escape after another.
    @inline(__always)
    static func decodeUnicodeEscapes(
        _ body: UnsafeBufferPointer<UInt8>, _ digits: UnsafePointer<UInt8>, at index: inout Int,
        into out: UnsafeMutablePointer<UInt8>, written: inout Int
    ) -> Bool {
        guard let source = body.baseAddress else { return false }
        let count = body.count
        // Wrapping arithmetic throughout: every offset stays within `count` and `written` + `count`, which
        // the guards bound, and overflow checks were a third of this loop's instructions.
        var at = index
        var end = written
        while true {
            guard at &+ 4 <= count, var value = hex4(source + at, digits) else { return false }
            at &+= 4
            if value < 0x80 {
                out[end] = UInt8(truncatingIfNeeded: value)
                end &+= 1
            } else if value < 0x800 {
                out[end] = UInt8(truncatingIfNeeded: 0xC0 | value &>> 6)
                out[end &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                end &+= 2
            } else if value & 0xF800 != 0xD800 {
                out[end] = UInt8(truncatingIfNeeded: 0xE0 | value &>> 12)
                out[end &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value &>> 6 & 0x3F)
                out[end &+ 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                end &+= 3
            } else {
                // A high surrogate must be followed at once by an escaped low one; a low one alone is an error.
                guard value < 0xDC00, at &+ 6 <= count, source[at] == 0x5C, source[at &+ 1] == 0x75,
                    let low = hex4(source + (at &+ 2), digits), low & 0xFC00 == 0xDC00
                else { return false }
                at &+= 6
                value = 0x10000 &+ ((value &- 0xD800) &<< 10) &+ (low &- 0xDC00)
                out[end] = UInt8(truncatingIfNeeded: 0xF0 | value &>> 18)
                out[end &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value &>> 12 & 0x3F)
                out[end &+ 2] = UInt8(truncatingIfNeeded: 0x80 | value &>> 6 & 0x3F)
                out[end &+ 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                end &+= 4
            }
            guard at &+ 1 < count, source[at] == 0x5C, source[at &+ 1] == 0x75 else { break }
            at &+= 2
        }
        index = at
        written = end
        return true
    }
}
