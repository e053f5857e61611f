import Foundation
import IngestCore

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
        if let text = line.withUnsafeBufferPointer({ JSONString.decode($0) }) { return text }
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
}
