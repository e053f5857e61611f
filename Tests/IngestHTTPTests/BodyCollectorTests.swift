import Testing

@testable import IngestHTTP
import IngestTestSupport

@Suite struct BodyCollectorTests {
    @Test("a gzip body is decoded chunk by chunk")
    func decodesGzip() throws {
        let text = Array(String(repeating: "Пловдив, 12 май 2025. ", count: 2000).utf8)
        let compressed = Gzip.compress(text)
        var collector = try BodyCollector(limit: 1 << 20, contentEncoding: "gzip")
        for start in stride(from: 0, to: compressed.count, by: 1000) {
            try collector.append(compressed[start..<min(start + 1000, compressed.count)])
        }
        #expect(try collector.finish() == text)
    }

    @Test("a gzip bomb stops at the limit of decoded bytes")
    func bomb() throws {
        let compressed = Gzip.compress([UInt8](repeating: 0, count: 16 << 20))
        #expect(compressed.count < 64 << 10)
        var collector = try BodyCollector(limit: 1 << 20, contentEncoding: "gzip")
        #expect(throws: BodyCollector.Failure.tooLarge(decoded: true)) {
            try collector.append(compressed)
        }
    }

    @Test("plain bodies past the limit fail; truncating collectors keep the first bytes")
    func limits() throws {
        var plain = try BodyCollector(limit: 10, contentEncoding: nil)
        try plain.append([UInt8](repeating: 65, count: 10))
        #expect(throws: BodyCollector.Failure.tooLarge(decoded: false)) { try plain.append([66]) }
        var truncating = try BodyCollector(limit: 10, contentEncoding: nil, truncates: true)
        try truncating.append([UInt8](repeating: 65, count: 8))
        try truncating.append([UInt8](repeating: 66, count: 8))
        #expect(truncating.isFull)
        #expect(try truncating.finish() == [UInt8](repeating: 65, count: 8) + [66, 66])
    }

    @Test("a cut-off or corrupt compressed body is an error, not a short page")
    func corrupt() throws {
        let compressed = Gzip.compress(Array("hello, world".utf8))
        var cut = try BodyCollector(limit: 1 << 20, contentEncoding: "gzip")
        try cut.append(compressed.prefix(compressed.count - 6))
        #expect(throws: BodyCollector.Failure.self) { _ = try cut.finish() }
        var garbage = try BodyCollector(limit: 1 << 20, contentEncoding: "gzip")
        #expect(throws: BodyCollector.Failure.self) {
            try garbage.append([UInt8](repeating: 7, count: 100))
            _ = try garbage.finish()
        }
    }
}
