/// How a record's start is recognised in bytes met after damage, where the framing can no longer be trusted.
///
/// A record starts with its version line ("WARC/1.0"). When that line is itself damaged ("XARC/1.0",
/// "WA#C/1.0"), the record is still known by what follows it: a WARC named field ("WARC-Type: response") on
/// the next line. Without that, such a record would be read past and counted nowhere. Both checks look at a
/// line start, which the caller finds (after the blank line that ends a record, or where reading resumes).
enum WARCRecordStart {
    /// How long a damaged first line may be, without its line break: "WARC/1.0" with a few bytes changed,
    /// added or lost, not a line of content or another header field.
    static let maxDamagedLine = 16
    /// How many of "WARC/1.0"'s bytes a damaged first line must still have, in order.
    static let minVersionBytesKept = 5
    /// How long a field's name may be; the longest WARC 1.1 defines is 26 bytes.
    static let maxFieldName = 64
    /// Bytes after a line start that settle whether a record starts there.
    static let lookahead = maxDamagedLine + 2 + maxFieldName + 1

    /// Whether a record starts at `index`: its version line, or a damaged line with a WARC field after it.
    /// `bytes` should hold ``lookahead`` bytes from `index` unless the data ends first.
    static func begins(in bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        bytes[index...].starts(with: version) || damagedFirstLine(in: bytes, at: index)
    }

    /// Whether the line at `index` is a short one that begins "WARC/" and is followed by a WARC field line:
    /// a record's start that needs no line break before it.
    static func intactFirstLine(in bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard bytes[index...].starts(with: version) else { return false }
        let end = min(bytes.endIndex, index + maxDamagedLine + 2)
        guard let lineFeed = bytes[index..<end].firstIndex(of: UInt8(ascii: "\n")) else { return false }
        return isFieldLine(in: bytes, at: lineFeed + 1)
    }

    /// Whether the line at `index` is "WARC/1.0" damaged (short, and keeping most of its bytes in order) and
    /// followed by a WARC field line. A header field cut short by damage ("Content-Length: 1") is not one.
    static func damagedFirstLine(in bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        let end = min(bytes.endIndex, index + maxDamagedLine + 2)
        guard let lineFeed = bytes[index..<end].firstIndex(of: UInt8(ascii: "\n")) else { return false }
        var line = bytes[index..<lineFeed]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        guard line.count <= maxDamagedLine, commonSubsequence(line, intactVersion) >= minVersionBytesKept else { return false }
        return isFieldLine(in: bytes, at: lineFeed + 1)
    }

    /// The length of the longest common subsequence of two short byte strings.
    private static func commonSubsequence(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [0]
            for (column, y) in b.enumerated() {
                current.append(x == y ? previous[column] + 1 : max(previous[column + 1], current[column]))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Whether the line at `index` is a WARC named field: "WARC-", the rest of its name, and a colon.
    static func isFieldLine(in bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard bytes[index...].starts(with: fieldPrefix) else { return false }
        let nameStart = index + fieldPrefix.count
        for at in nameStart..<min(bytes.endIndex, nameStart + maxFieldName) {
            let byte = bytes[at]
            if byte == UInt8(ascii: ":") { return at > nameStart }
            let isNameByte = byte == UInt8(ascii: "-") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            guard isNameByte else { return false }
        }
        return false
    }

    /// The start of a record's first line, whatever its version.
    static let version = Array("WARC/".utf8)
    private static let intactVersion = Array("WARC/1.0".utf8)
    private static let fieldPrefix = Array("WARC-".utf8)
}
