import Foundation
@testable import ingest
import Testing

/// `detect`, `repair` and `extract` without `--jsonl` read all of standard input as one text: bytes that
/// are not UTF-8 are refused with the offset of the first bad byte, never decoded to U+FFFD.
@Suite struct StandardInputTextTests {
    static let commands: [[String]] = [["detect"], ["repair"], ["repair", "--cleanup"], ["extract"], ["extract", "--bench", "1"]]

    /// "Пленарна сесия" in windows-1251, as a page saved in its own encoding and piped in whole.
    static let windows1251 = Data([0xCF, 0xEB, 0xE5, 0xED, 0xE0, 0xF0, 0xED, 0xE0, 0x20, 0xF1, 0xE5, 0xF1, 0xE8, 0xFF, 0x0A])

    @Test("bytes that are not UTF-8 are refused with exit status 65, naming the first bad byte", arguments: commands)
    func refusesOtherEncodings(_ command: [String]) async throws {
        let result = try await IngestProcess.run(command, stdinBytes: Data("Sofia, ".utf8) + Self.windows1251)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("standard input is not UTF-8 (byte 7 is not part of a UTF-8 character)"))
        #expect(!result.stderr.contains("Usage"))
    }

    @Test("UTF-8 input, with a byte order mark or without one, is still answered", arguments: commands)
    func acceptsUTF8(_ command: [String]) async throws {
        let text = Data("Пленарна сесия в София на 12 март 2024 г.\n".utf8)
        for input in [text, Data([0xEF, 0xBB, 0xBF]) + text] {
            let result = try await IngestProcess.run(command, stdinBytes: input)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("not UTF-8"))
        }
    }

    @Test("the first byte that does not begin or continue a well-formed UTF-8 character is found", arguments: [
        ([0x61, 0x62], nil),
        ([], nil),
        ([0xD0, 0x9F, 0xD1, 0x80, 0xFF], 4),
        ([0x61, 0xE2, 0x82], 1),  // a character cut short by the end of input
        ([0x61, 0xC0, 0x80], 1),  // an overlong form of U+0000
        ([0xED, 0xA0, 0x80], 0),  // a UTF-16 surrogate, which UTF-8 cannot carry
        ([0x61, 0x80], 1),  // a continuation byte with nothing before it
    ] as [([UInt8], Int?)])
    func firstInvalidByte(_ bytes: [UInt8], _ expected: Int?) {
        #expect(StandardInputText.firstInvalidByte(in: Data(bytes)) == expected)
    }
}
