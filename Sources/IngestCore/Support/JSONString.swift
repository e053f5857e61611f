/// JSON string literals read straight from UTF-8 bytes, for the line-oriented commands that
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
        guard let body = body(of: line) else { return nil }
        // The common case: nothing escaped, no quote or control inside.
        if !body.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 < 0x20 }) {
            return String(validating: body, as: UTF8.self)
        }
        // Decoded into scratch space first (an escape is never shorter than the UTF-8 it stands for),
        // validated as it is decoded, and copied once into a string of its size.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: body.count) { out -> String? in
            guard let written = decodeValidating(body, into: out) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<written]), as: UTF8.self)
        }
    }

    /// What lies between a line's quotes, blanks around the literal allowed; nil when the line is not
    /// one quoted literal.
    static func body(of line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var start = 0
        var end = line.count
        while start < end, isBlank(line[start]) { start += 1 }
        while end > start, isBlank(line[end - 1]) { end -= 1 }
        guard end - start >= 2, line[start] == 0x22, line[end - 1] == 0x22 else { return nil }
        return UnsafeBufferPointer(rebasing: line[(start + 1)..<(end - 1)])
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

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
