public import IngestCore

/// Decodes HTML entities that survived into the text because a CMS escaped them twice ("&amp;quot;" in
/// the page, "&quot;" after parsing). Only well-formed references to characters text uses are decoded;
/// anything else (a bare "&", an unknown name, a control character) stays as it is.
///
/// Works on the UTF-8 bytes, since a reference is ASCII: a text without one is scanned once and comes back
/// as the same string, and one with references is copied in whole stretches around them.
public struct EntityCleanup: Sendable {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "hellip": "…", "laquo": "«", "raquo": "»", "bdquo": "„", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
        "rsquo": "’", "sbquo": "‚", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "deg": "°", "middot": "·",
        "bull": "•", "shy": "\u{AD}", "numero": "№",
    ]

    public init() {}

    public func clean(_ text: String) -> (text: String, repairs: [EncodingRepair]) {
        var decoded = 0
        var utf8 = text
        guard var current = utf8.withUTF8({ Self.decodeRound($0, count: &decoded) }) else { return (text, []) }
        // "&amp;amp;quot;" needs one round per level of escaping.
        for _ in 1..<3 {
            guard let next = current.withUnsafeBufferPointer({ Self.decodeRound($0, count: &decoded) }) else { break }
            current = next
        }
        return (String(decoding: current, as: UTF8.self), [EncodingRepair(chain: "html: escaped entities left in the text", spans: decoded)])
    }

    /// The bytes with every reference decoded once, or nil when there was none; `count` grows by the
    /// number decoded.
    static func decodeRound(_ bytes: UnsafeBufferPointer<UInt8>, count: inout Int) -> [UInt8]? {
        var out: [UInt8]?
        var pending = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x26, let (scalar, length) = reference(in: bytes, at: index) else {
                index += 1
                continue
            }
            if out == nil {
                out = []
                out!.reserveCapacity(bytes.count)
            }
            out!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<index]))
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { buffer in
                let written = UTF8ScalarWriter.write(scalar.value, into: buffer, at: 0)
                out!.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<written]))
            }
            index += length
            pending = index
            count += 1
        }
        out?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending...]))
        return out
    }

    /// The character an entity reference at `start` stands for, and the reference's length in bytes (all
    /// of it is ASCII).
    static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < bytes.count, end - start <= 10, bytes[end] != 0x3B {
            switch bytes[end] {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x23: end += 1
            default: return nil
            }
        }
        guard end < bytes.count, bytes[end] == 0x3B, end > start + 1 else { return nil }
        let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
        let length = end - start + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value >= 0x20, !(0x7F...0x9F).contains(value), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, length)
        }
        return named[body].map { ($0, length) }
    }
}
