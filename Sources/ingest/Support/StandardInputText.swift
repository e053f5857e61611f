import ArgumentParser
import Foundation
import IngestCore

/// The whole of standard input as one text, for `detect`, `repair` and `extract` without `--jsonl`. Bytes
/// that are not UTF-8 are refused rather than read as U+FFFD: a page saved in windows-1251 or ISO-8859-2
/// and piped in would otherwise come back as replacement characters with exit status 0, its letters lost
/// before any stage saw them, and `repair` would hand back text it could no longer mend.
enum StandardInputText {
    /// Standard input decoded, or, when it is not UTF-8, an error naming the first byte that is not,
    /// and exit status 65.
    static func read() throws -> String {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        if let text = String(validating: input, as: UTF8.self) { return text }
        let offset = firstInvalidByte(in: input) ?? 0
        Diagnostics.error(
            "standard input is not UTF-8 (byte \(offset) is not part of a UTF-8 character); "
                + "`ingest charset FILE` names its encoding, and `ingest run` decodes pages in any encoding it detects")
        throw ExitCode(ExitStatus.dataError.rawValue)
    }

    /// The offset of the first byte that does not begin or continue a well-formed UTF-8 character, or nil
    /// when there is none.
    static func firstInvalidByte(in bytes: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
