public import IngestCore

/// Decodes HTML entities that survived into the text because a CMS escaped them twice ("&amp;quot;" in
/// the page, "&quot;" after parsing). Only well-formed references to characters text uses are decoded;
/// anything else (a bare "&", an unknown name, a control character) stays as it is.
public struct EntityCleanup: Sendable {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "hellip": "…", "laquo": "«", "raquo": "»", "bdquo": "„", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
        "rsquo": "’", "sbquo": "‚", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "deg": "°", "middot": "·",
        "bull": "•", "shy": "\u{AD}", "numero": "№",
    ]

    public init() {}

    public func clean(_ text: String) -> (text: String, repairs: [EncodingRepair]) {
        guard text.contains("&") else { return (text, []) }
        var current = Array(text.unicodeScalars)
        var decoded = 0
        // "&amp;amp;quot;" needs one round per level of escaping.
        for _ in 0..<3 {
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(current.count)
            var changed = false
            var index = 0
            while index < current.count {
                if current[index] == "&", let (scalar, length) = Self.reference(in: current, at: index) {
                    out.append(scalar)
                    index += length
                    decoded += 1
                    changed = true
                } else {
                    out.append(current[index])
                    index += 1
                }
            }
            current = out
            if !changed { break }
        }
        guard decoded > 0 else { return (text, []) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: current)
        return (String(view), [EncodingRepair(chain: "html: escaped entities left in the text", spans: decoded)])
    }

    /// The character an entity reference at `start` stands for, and the reference's length.
    static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 10, scalars[end] != ";" {
            guard scalars[end].isASCII, scalars[end].properties.isAlphabetic || scalars[end].properties.numericType != nil
                || scalars[end] == "#"
            else { return nil }
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
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
