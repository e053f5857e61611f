/// JSON string literals exactly as `JSONEncoder` writes them, so the hand-written record and entity
/// writers give the bytes the encoder would, and stored record hashes do not depend on which one wrote.
/// The line-oriented commands write their strings the same way.
public enum JSONStringLiteral {
    /// Appends `text` quoted, escaping quote, backslash, `\b \f \n \r \t` and the other C0 controls as
    /// `\u00xx`; everything else, slashes and non-ASCII included, is copied as it is.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &out) }
    }

    /// `append(_:to:)` for UTF-8 bytes (valid, as a String's are). The runs between the bytes that need an
    /// escape are copied whole, and found eight bytes at a time.
    public static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        guard let source = bytes.baseAddress else {
            out.append(0x22)
            return
        }
        let count = bytes.count
        var copied = 0
        var index = 0
        while index < count {
            while index + 8 <= count,
                !JSONString.needsAttention(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self), nonASCII: false)
            {
                index += 8
            }
            guard index < count else { break }
            let byte = source[index]
            index += 1
            guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
            out.append(contentsOf: UnsafeBufferPointer(start: source + copied, count: index - 1 - copied))
            copied = index
            out.append(0x5C)
            if byte == 0x22 || byte == 0x5C {
                out.append(byte)
            } else if let letter = shortEscape(byte) {
                out.append(letter)
            } else {
                out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0xF)])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: source + copied, count: count - copied))
        out.append(0x22)
    }

    /// `append(_:to:)` for a text given as Unicode scalars, written as UTF-8 straight into `out` without
    /// a string made first: the literal's length is counted, `out` grows once by it, and each scalar is
    /// written in place, escaped by the same rules.
    public static func append(scalars: UnsafeBufferPointer<Unicode.Scalar>, to out: inout [UInt8]) {
        // Wrapping sums: a buffer of scalars is far shorter than would overflow them.
        var length = 2
        for scalar in scalars {
            let value = scalar.value
            if value >= 0x80 {
                length &+= value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
            } else if value >= 0x20 {
                length &+= value == 0x22 || value == 0x5C ? 2 : 1
            } else {
                length &+= shortEscape(UInt8(truncatingIfNeeded: value)) == nil ? 6 : 2
            }
        }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length))
        out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let target = UnsafeMutableBufferPointer(start: base + start, count: length)
            var at = 0
            target[at] = 0x22
            at += 1
            for scalar in scalars {
                let value = scalar.value
                if value >= 0x80 {
                    at = UTF8ScalarWriter.write(value, into: target, at: at)
                    continue
                }
                let byte = UInt8(truncatingIfNeeded: value)
                if byte >= 0x20, byte != 0x22, byte != 0x5C {
                    target[at] = byte
                    at &+= 1
                    continue
                }
                target[at] = 0x5C
                if byte == 0x22 || byte == 0x5C {
                    target[at + 1] = byte
                    at += 2
                } else if let letter = shortEscape(byte) {
                    target[at + 1] = letter
                    at += 2
                } else {
                    target[at + 1] = UInt8(ascii: "u")
                    target[at + 2] = 0x30
                    target[at + 3] = 0x30
                    target[at + 4] = hexDigit(byte >> 4)
                    target[at + 5] = hexDigit(byte & 0xF)
                    at += 6
                }
            }
            target[at] = 0x22
        }
    }

    /// The letter of a C0 control's one-letter escape (`\b \t \n \f \r`), nil for the others.
    @inline(__always)
    private static func shortEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x08: UInt8(ascii: "b")
        case 0x09: UInt8(ascii: "t")
        case 0x0A: UInt8(ascii: "n")
        case 0x0C: UInt8(ascii: "f")
        case 0x0D: UInt8(ascii: "r")
        default: nil
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
