import IngestText
import Foundation

/// Turns raw bytes in a known encoding into UTF-8, so libxml2 always parses UTF-8 and never second-guesses
/// the encoding strip chose.
///
/// Single-byte encodings go through a 256-entry table per encoding, built once; malformed input never
/// fails, it becomes U+FFFD, as in a browser.
enum TextDecoder {
    /// - Parameter knownValid: the caller already checked that the bytes are valid UTF-8.
    /// - Returns: UTF-8 bytes without a byte order mark, or nil when the encoding is not supported here.
    static func utf8(from bytes: [UInt8], encoding name: String, knownValid: Bool = false) -> [UInt8]? {
        switch name {
        case "utf-8":
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if !knownValid, case .invalid = UTF8Validation.check(body) {
                return Array(String(decoding: body, as: UTF8.self).utf8)
            }
            return body
        case "utf-16le", "utf-16be":
            return utf16(bytes, bigEndian: name == "utf-16be")
        default:
            guard let table = SingleByteTable.named(name) else { return nil }
            return table.decode(bytes)
        }
    }

    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.starts(with: bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) ? 2 : 0
        while index + 1 < bytes.count {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
