import Foundation

/// File names and paths are bytes; this reader opens them by their text. A name that is not UTF-8 has no
/// text that opens it, so it is reported, readable, with each byte that is not part of a UTF-8 character
/// written `%XX`, and each `%` too when `escapingPercent` (a path, where the form must be unambiguous; not a
/// URL, whose own escapes stay as they are).
enum PathBytes {
    static func text(of bytes: some Collection<UInt8>, escapingPercent: Bool = true) -> (text: String, isUTF8: Bool) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
        let bytes = Array(bytes)
        var text = ""
        var index = 0
        while index < bytes.count {
            var decoder = UTF8()
            var iterator = bytes[index...].makeIterator()
            if case .scalarValue(let scalar) = decoder.decode(&iterator), !escapingPercent || scalar != "%" {
                text.unicodeScalars.append(scalar)
                index += UTF8.width(scalar)
            } else {
                text += String(format: "%%%02X", bytes[index])
                index += 1
            }
        }
        return (text, false)
    }
}
