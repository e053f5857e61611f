import Foundation
import IngestCore

/// Reads one input line of `ingest detect --jsonl`, straight from its UTF-8 bytes: batch runs send
/// millions of short texts, and a general JSON decoder per line would cost more than detecting them.
enum JSONStringLine {
    struct Problem: Error {
        var message: String
    }

    /// The text a line carries: a JSON string decoded, or else the line as it stands, since scrapers and
    /// benchmarks hand over plain lines too. A plain line may happen to be JSON: "null", "true" and "2007"
    /// are a word and a number of some text, and are read so. A JSON object or array is a mistake in the
    /// caller's data (records sent where texts were wanted) and is refused rather than read as words.
    static func text(of line: UnsafeBufferPointer<UInt8>) throws(Problem) -> String {
        if let text = JSONString.decode(line) { return text }
        let first = line.first { $0 != 0x20 && $0 != 0x09 }
        if let first, first == 0x7B || first == 0x5B,
            let value = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]), !(value is String)
        {
            throw Problem(message: "a JSON \(value is [Any] ? "array" : "object"), not a string or text")
        }
        guard let text = String(validating: line, as: UTF8.self) else { throw Problem(message: "not valid UTF-8") }
        return text.hasSuffix("\r") ? String(text.dropLast()) : text
    }
}
