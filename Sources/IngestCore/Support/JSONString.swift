/// JSON string literals read and written straight from UTF-8 bytes, for the line-oriented commands that
/// take one JSON string per line: going through `JSONDecoder` for every short line costs more than the
/// work done on it.
public enum JSONString {
    /// The string a line holds, or nil when the line (spaces around it aside) is not exactly one JSON
    /// string literal in valid UTF-8. Escaped surrogates must come in pairs.
    public static func decode(_ line: some Collection<UInt8>) -> String? {
        var bytes = line.makeIterator()
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var next = bytes.next()
        while let byte = next, isSpace(byte) { next = bytes.next() }
        guard next == 0x22 else { return nil }
        var closed = false
        while let byte = bytes.next() {
            switch byte {
            case 0x22:
                closed = true
            case 0x5C:
                guard let escaped = bytes.next() else { return nil }
                switch escaped {
                case 0x22, 0x5C, 0x2F: out.append(escaped)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var unit = hex4(&bytes) else { return nil }
                    if (0xD800...0xDBFF).contains(unit) {
                        guard bytes.next() == 0x5C, bytes.next() == 0x75, let low = hex4(&bytes), (0xDC00...0xDFFF).contains(low) else { return nil }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(unit) else { return nil }
                    UTF8.encode(scalar) { out.append($0) }
                default:
                    return nil
                }
            case 0..<0x20:
                return nil
            default:
                out.append(byte)
            }
            if closed { break }
        }
        guard closed else { return nil }
        while let byte = bytes.next() {
            guard isSpace(byte) else { return nil }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// Appends the string as a JSON literal, quotes included; only what JSON requires is escaped.
    public static func append(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in string.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            default:
                out.append(byte)
            }
        }
        out.append(0x22)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private static func hex4(_ bytes: inout some IteratorProtocol<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = bytes.next() else { return nil }
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
