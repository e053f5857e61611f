extension JSONString {
    /// Decodes the string a line holds into the front of `buffer` and returns how many bytes of it that
    /// takes; nil when the line is not a JSON string literal (see ``decode(_:)-(UnsafeBufferPointer<UInt8>)``).
    /// `buffer` grows to the line's length when shorter and never shrinks, and what lies beyond the
    /// decoded bytes is left as it was: a caller that decodes line after line into the same array decodes
    /// each where it stays, with no copy, no zeroing and no allocation once the longest line has been
    /// seen.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>, intoPrefixOf buffer: inout [UInt8]) -> Int? {
        guard let body = body(of: line) else { return nil }
        // An escape is never shorter than the UTF-8 it stands for, so the body's length is room enough.
        if buffer.count < body.count { buffer.append(contentsOf: repeatElement(0, count: body.count - buffer.count)) }
        return buffer.withUnsafeMutableBufferPointer { decodeValidating(body, into: $0) }
    }

    /// Decodes a literal's body into `out` (room for `body.count` bytes, uninitialized or not: bytes are
    /// only written), validating unescaped UTF-8 as it goes; the number of bytes written, or nil when the
    /// body is not a valid literal's.
    static func decodeValidating(_ body: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let source = body.baseAddress, let target = out.baseAddress else { return 0 }
        return hexDigitValues.withUnsafeBufferPointer { digits -> Int? in
            let digits = digits.baseAddress!
            let count = body.count
            var written = 0
            var copied = 0
            var index = 0
            while index < count {
                // Plain ASCII is passed over eight bytes at a time.
                while index + 8 <= count, !needsAttention(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self), nonASCII: true) {
                    index += 8
                }
                guard index < count else { break }
                let byte = source[index]
                if byte >= 0x20, byte < 0x80, byte != 0x22, byte != 0x5C {
                    index += 1
                    continue
                }
                if byte >= 0x80 {
                    guard let length = validSequenceLength(body, at: index) else { return nil }
                    index += length
                    continue
                }
                guard byte == 0x5C, index + 1 < count else { return nil }
                (target + written).initialize(from: source + copied, count: index - copied)
                written += index - copied
                let escaped = source[index + 1]
                index += 2
                if escaped == 0x75 {
                    guard decodeUnicodeEscapes(body, digits, at: &index, into: target, written: &written) else { return nil }
                } else {
                    guard let simple = simpleEscape(escaped) else { return nil }
                    (target + written).initialize(to: simple)
                    written += 1
                }
                copied = index
            }
            (target + written).initialize(from: source + copied, count: count - copied)
            return written + count - copied
        }
    }

    /// Whether any of the eight bytes in `word` is a quote, a backslash or a C0 control, or, with
    /// `nonASCII`, lies beyond ASCII: the bytes a literal's scan must stop at. Each test is the classic
    /// "has a byte less than n" bit trick, exact for whether any byte matches.
    @inline(__always)
    static func needsAttention(_ word: UInt64, nonASCII: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        var found = (word &- ones &* 0x20) & ~word
        found |= (quote &- ones) & ~quote
        found |= (backslash &- ones) & ~backslash
        if nonASCII { found |= word }
        return found & highs != 0
    }

    /// The length of the valid UTF-8 sequence that starts at `index` with a byte beyond ASCII, or nil when
    /// none does (a stray continuation byte, an overlong form, a surrogate, a value beyond U+10FFFF, a cut
    /// sequence).
    @inline(__always)
    private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
