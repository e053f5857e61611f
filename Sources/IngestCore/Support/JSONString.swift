/// JSON string literals read and written straight from UTF-8 bytes, for the line-oriented commands that
/// take one JSON string per line: going through `JSONDecoder` for every short line costs more than the
/// work done on it.
public enum JSONString {
    /// `decode` for any byte collection; contiguous storage is read in place.
    public static func decode(_ line: some Collection<UInt8>) -> String? {
        if let decoded = line.withContiguousStorageIfAvailable({ decode($0) }) { return decoded }
        return Array(line).withUnsafeBufferPointer { decode($0) }
    }

    /// The string a line holds (a JSON string literal in valid UTF-8, blanks around it allowed), or nil
    /// when the line is not one. Escaped surrogates must come in pairs. Most lines escape nothing, and
    /// those are validated and copied in one step.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var end = line.count
        while start < end, isBlank(line[start]) { start += 1 }
        while end > start, isBlank(line[end - 1]) { end -= 1 }
        guard end - start >= 2, line[start] == 0x22, line[end - 1] == 0x22 else { return nil }
        let body = UnsafeBufferPointer(rebasing: line[(start + 1)..<(end - 1)])
        // The common case: nothing escaped, no quote or control inside.
        if !body.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 < 0x20 }) {
            return String(validating: body, as: UTF8.self)
        }
        // Decoded into scratch space first (an escape is never shorter than the UTF-8 it stands for) and
        // copied once into a string of its size; what the escapes give is valid UTF-8 by construction, so
        // only unescaped bytes beyond ASCII call for validation.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: body.count) { out -> String? in
            var rawNonASCII = false
            guard let written = decode(body, into: out, rawNonASCII: &rawNonASCII) else { return nil }
            let decoded = UnsafeBufferPointer(rebasing: out[0..<written])
            return rawNonASCII ? String(validating: decoded, as: UTF8.self) : String(decoding: decoded, as: UTF8.self)
        }
    }

    /// Decodes the escaped body of a literal into `out`, which has room for `body.count` bytes; the number
    /// of bytes written, or nil when the body is not a valid literal's; `rawNonASCII` is set when an unescaped
    /// byte lies beyond ASCII. Each escape is at least as long as
    /// the UTF-8 it stands for (`\u0416` is six bytes for two, a surrogate pair twelve for four).
    private static func decode(
        _ body: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, rawNonASCII: inout Bool
    ) -> Int? {
        guard let source = body.baseAddress, let target = out.baseAddress else { return 0 }
        return hexDigitValues.withUnsafeBufferPointer { digits -> Int? in
            let digits = digits.baseAddress!
            var written = 0
            var index = 0
            let count = body.count
            while index < count {
                let byte = source[index]
                index += 1
                if byte != 0x5C {
                    guard byte != 0x22, byte >= 0x20 else { return nil }
                    if byte >= 0x80 { rawNonASCII = true }
                    target[written] = byte
                    written += 1
                    continue
                }
                guard index < count else { return nil }
                let escaped = source[index]
                index += 1
                if escaped == 0x75 {
                    guard decodeUnicodeEscapes(body, digits, at: &index, into: target, written: &written) else { return nil }
                } else {
                    guard let simple = simpleEscape(escaped) else { return nil }
                    target[written] = simple
                    written += 1
                }
            }
            return written
        }
    }

    /// The byte a one-letter escape (`\n`, `\"`…) stands for, given the letter; nil when it is none.
    @inline(__always)
    static func simpleEscape(_ letter: UInt8) -> UInt8? {
        switch letter {
        case 0x22, 0x5C, 0x2F: letter
        case 0x62: 0x08
        case 0x66: 0x0C
        case 0x6E: 0x0A
        case 0x72: 0x0D
        case 0x74: 0x09
        default: nil
        }
    }

    /// Appends `text` as a JSON string literal: only quotes, backslashes and C0 controls are escaped.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &out) }
    }

    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
