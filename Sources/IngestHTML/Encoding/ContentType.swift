/// Reads the `charset` parameter of a Content-Type value (HTTP header or `<meta content>`), following
/// the Encoding Standard's extraction algorithm: quotes are optional and may be unbalanced.
enum ContentType {
    static func charset(in value: String) -> String? {
        let lower = Array(value.lowercased().utf8)
        var index = 0
        let key = Array("charset".utf8)
        while index + key.count <= lower.count {
            guard Array(lower[index..<index + key.count]) == key else {
                index += 1
                continue
            }
            var cursor = index + key.count
            while cursor < lower.count, lower[cursor] == 0x20 || lower[cursor] == 0x09 { cursor += 1 }
            guard cursor < lower.count, lower[cursor] == UInt8(ascii: "=") else {
                index = cursor
                continue
            }
            cursor += 1
            while cursor < lower.count, lower[cursor] == 0x20 || lower[cursor] == 0x09 { cursor += 1 }
            guard cursor < lower.count else { return nil }
            let quote = lower[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = lower[(cursor + 1)...].firstIndex(of: quote) else { return nil }
                return String(decoding: lower[(cursor + 1)..<close], as: UTF8.self)
            }
            var stop = cursor
            while stop < lower.count, lower[stop] != UInt8(ascii: ";"), lower[stop] != 0x20, lower[stop] != 0x09 {
                stop += 1
            }
            return stop > cursor ? String(decoding: lower[cursor..<stop], as: UTF8.self) : nil
        }
        return nil
    }
}
