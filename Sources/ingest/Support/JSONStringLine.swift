import Foundation

/// Reads one input line of `ingest detect --jsonl`, straight from its UTF-8 bytes: batch runs send
/// millions of short texts, and a general JSON decoder per line would cost more than detecting them.
enum JSONStringLine {
    struct Problem: Error {
        var message: String
    }

    /// The text a line carries: a JSON string decoded, or else the line as it stands, since scrapers and
    /// benchmarks hand over plain lines too. JSON that is not a string (an object, array, number or
    /// literal) is a mistake in the caller's data and is refused rather than read as words.
    static func text(of line: ArraySlice<UInt8>) throws(Problem) -> String {
        if let text = try? decode(line) { return text }
        let first = line.first { $0 != 0x20 && $0 != 0x09 }
        if let first, first == 0x7B || first == 0x5B || first == 0x2D || (0x30...0x39).contains(first) || first == 0x74 || first == 0x66 || first == 0x6E,
            let value = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]), !(value is String)
        {
            let kind = value is [Any] ? "array" : value is [String: Any] ? "object" : "number or literal"
            throw Problem(message: "a JSON \(kind), not a string or text")
        }
        guard let text = String(validating: line, as: UTF8.self) else { throw Problem(message: "not valid UTF-8") }
        return text.hasSuffix("\r") ? String(text.dropLast()) : text
    }

    /// Decodes a line that must be exactly one JSON string.
    static func decode(_ line: ArraySlice<UInt8>) throws(Problem) -> String {
        var bytes = line
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes.removeLast() }
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        guard bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 else {
            throw Problem(message: "not a JSON string")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex + 1
        let end = bytes.endIndex - 1
        while index < end {
            let byte = bytes[index]
            if byte == 0x22 { throw Problem(message: "unescaped quote inside the string") }
            if byte < 0x20 { throw Problem(message: "control character inside the string") }
            guard byte == 0x5C else {
                out.append(byte)
                index += 1
                continue
            }
            guard index + 1 < end else { throw Problem(message: "string ends inside an escape") }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case 0x22, 0x5C, 0x2F: out.append(escape)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var unit = try hex4(bytes, at: index, end: end)
                index += 4
                if (0xD800...0xDBFF).contains(unit) {
                    guard index + 6 <= end, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                        throw Problem(message: "lone surrogate \\u\(String(unit, radix: 16))")
                    }
                    let low = try hex4(bytes, at: index + 2, end: end)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw Problem(message: "lone surrogate \\u\(String(unit, radix: 16))")
                    }
                    index += 6
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw Problem(message: "lone surrogate \\u\(String(unit, radix: 16))")
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(unit)!)).utf8)
            default:
                throw Problem(message: "unknown escape \\\(String(decoding: [escape], as: UTF8.self))")
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw Problem(message: "not valid UTF-8")
        }
        return text
    }

    private static func hex4(_ bytes: ArraySlice<UInt8>, at index: Int, end: Int) throws(Problem) -> UInt32 {
        guard index + 4 <= end else { throw Problem(message: "short \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw Problem(message: "bad \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }
}
