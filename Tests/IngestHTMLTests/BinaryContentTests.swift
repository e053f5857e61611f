import Foundation
import IngestCore
import IngestHTML
import Testing

/// Binary files saved under an .html name become `not-text` dead letters; a page of text with a stray NUL
/// byte is still a page, read as a browser reads it.
@Suite struct BinaryContentTests {
    static let page = Array(
        """
        <!DOCTYPE html><html><head><title>Konferencja w Krakowie</title></head><body><article>
        <h1>Konferencja w Krakowie</h1><p>Konferencja odbędzie się 12 marca 2025 r. w Krakowie. Zapraszamy
        wszystkich chętnych do udziału w spotkaniu.</p><p>Druga część programu obejmie warsztaty.</p>
        </article></body></html>
        """.utf8)

    /// Bytes of a deterministic pseudo-random stream, standing in for compressed or encrypted data.
    static func noise(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    static func inserting(_ byte: UInt8, every stride: Int, from start: Int, into bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for offset in Swift.stride(from: start, to: out.count, by: stride).reversed() { out.insert(byte, at: offset) }
        return out
    }

    @Test("binary files are refused as not-text, each with its reason", arguments: [
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8) + page, "NUL byte at offset 8"),
        ("gzip", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03] + noise(count: 4000), "NUL byte at offset 3"),
        ("PDF", Array("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8) + page, "a PDF document"),
        ("compressed data", Array("<html>".utf8) + noise(count: 8000), "binary, not text"),
        ("a page with a NUL every hundred bytes", inserting(0, every: 100, from: 50, into: page + page + page), "are NUL"),
    ] as [(String, [UInt8], String)])
    func refused(_ kind: String, _ bytes: [UInt8], _ reason: String) {
        #expect {
            _ = try HTMLStrip().strip(bytes)
        } throws: { error in
            (error as? StageError)?.code == .notText && "\(error)".contains(reason)
        }
    }

    @Test("a stray NUL in a page of text is dropped, not taken for a binary file nor read as a space", arguments: [
        // Inside the title's first word, after "<title>Konfer".
        Array(page[..<40]) + [0] + Array(page[40...]),
        // Before each word "w", four in all: at most four NULs in a short page are stray ones.
        Array(String(decoding: page, as: UTF8.self).replacingOccurrences(of: " w ", with: " \u{0}w ").utf8),
    ])
    func strayNULDropped(_ bytes: [UInt8]) throws {
        let stripped = try HTMLStrip().strip(bytes)
        #expect(stripped.title == "Konferencja w Krakowie")
        #expect(stripped.text.contains("Konferencja odbędzie się 12 marca 2025 r. w Krakowie."))
        #expect(!stripped.text.unicodeScalars.contains("\u{0}"))
    }
}
