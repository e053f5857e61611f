/// The Encoding Standard's prescan: looks for a charset in `<meta>` tags within the first 1024 bytes,
/// skipping comments and other tags' attributes the way a browser does, so that a `charset=` inside
/// a comment or a script string does not count.
enum MetaCharsetPrescan {
    static let window = 1024

    /// The label a meta tag declares, as written, or nil.
    static func declaredLabel(in bytes: [UInt8]) -> String? {
        let end = min(bytes.count, window)
        var index = 0
        while index < end {
            index = nextTagOpen(bytes, from: index, end: end)
            guard index < end else { break }
            if matches(bytes, at: index, "<!--") {
                index = find(bytes, "-->", from: index + 4, end: end).map { $0 + 3 } ?? end
            } else if matchesCaseless(bytes, at: index, "<meta"), index + 5 < end, isSpaceOrSlash(bytes[index + 5]) {
                var cursor = index + 6
                var label: String? = nil
                var gotPragma = false
                var needPragma: Bool? = nil
                var content: String? = nil
                while let (name, value) = nextAttribute(bytes, &cursor, end: end) {
                    switch name {
                    case "http-equiv": if value.lowercased() == "content-type" { gotPragma = true }
                    case "content":
                        if content == nil {
                            content = value
                            if label == nil, let charset = ContentType.charset(in: value) {
                                label = charset
                                needPragma = true
                            }
                        }
                    case "charset":
                        if needPragma != false || label == nil {
                            label = value
                            needPragma = false
                        }
                    default: break
                    }
                }
                index = cursor
                if let label, needPragma == false || gotPragma {
                    return label
                }
            } else if index + 1 < end, isASCIILetter(bytes[index + 1])
                || (bytes[index + 1] == UInt8(ascii: "/") && index + 2 < end && isASCIILetter(bytes[index + 2]))
            {
                var cursor = index + 1
                while cursor < end, !isSpaceOrSlash(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                while nextAttribute(bytes, &cursor, end: end) != nil {}
                index = cursor
            } else if matches(bytes, at: index, "<!") || matches(bytes, at: index, "</") || matches(bytes, at: index, "<?") {
                index = find(bytes, ">", from: index + 2, end: end).map { $0 + 1 } ?? end
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The "get an attribute" algorithm: returns the next attribute and advances past it, or nil at `>`.
    private static func nextAttribute(_ bytes: [UInt8], _ cursor: inout Int, end: Int) -> (String, String)? {
        while cursor < end, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
        guard cursor < end, bytes[cursor] != UInt8(ascii: ">") else {
            if cursor < end { cursor += 1 }
            return nil
        }
        var name: [UInt8] = []
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "="), !name.isEmpty { break }
            if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
                break
            }
            name.append(lowered(byte))
            cursor += 1
        }
        while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else {
            return (String(decoding: name, as: UTF8.self), "")
        }
        cursor += 1
        while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
        var value: [UInt8] = []
        if cursor < end, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
            let quote = bytes[cursor]
            cursor += 1
            while cursor < end, bytes[cursor] != quote {
                value.append(lowered(bytes[cursor]))
                cursor += 1
            }
            if cursor < end { cursor += 1 }
        } else {
            while cursor < end, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") {
                value.append(lowered(bytes[cursor]))
                cursor += 1
            }
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    private static func isSpaceOrSlash(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static func matches(_ bytes: [UInt8], at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            (0..<count).allSatisfy { bytes[index + $0] == pattern[$0] }
        }
    }

    private static func matchesCaseless(_ bytes: [UInt8], at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            (0..<count).allSatisfy { lowered(bytes[index + $0]) == pattern[$0] }
        }
    }

    private static func find(_ bytes: [UInt8], _ literal: StaticString, from start: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            if matches(bytes, at: index, literal) { return index }
            index += 1
        }
        return nil
    }

    /// Where the next `<` is at or after `index`, or `end`. Text between tags is most of what the prescan
    /// reads, and plain-text pages are nothing else: it is skipped eight bytes at a time.
    static func nextTagOpen(_ bytes: [UInt8], from index: Int, end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return end }
            var index = index
            while index + 8 <= end {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x3C3C_3C3C_3C3C_3C3C
                // Whether any byte of `word` is zero, that is, any of the eight is `<`.
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            while index < end, buffer[index] != UInt8(ascii: "<") { index += 1 }
            return index
        }
    }
}
