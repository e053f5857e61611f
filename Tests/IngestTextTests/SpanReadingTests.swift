import Testing

@testable import IngestText

/// The shortcuts a span's reading takes must answer as the full reading does: plain bytes decode as the
/// same bytes given as units, and a code page that ``CodePageMasks`` finds unable to read a span as whole
/// sequences never reads it as letters and punctuation (it keeps a character or loses a byte), so
/// leaving such pages for later changes no repair.
@Suite struct SpanReadingTests {
    let repairer = MojibakeRepairer()

    /// Spans drawn from the characters the code pages make of 0x80–0xFF, weighted towards lead and
    /// continuation bytes, with spaces, question marks and U+FFFD among them; deterministic.
    static func spans(count: Int, seed: UInt64, standIns: Bool) -> [[Unicode.Scalar]] {
        let tables = MojibakeRepairer.codePages.compactMap(CodePageReverseMap.scalars(of:))
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            let table = tables[next(tables.count)]
            return (0..<(2 + next(9))).map { _ in
                if standIns, next(8) == 0 { return [" ", "?", "\u{FFFD}"][next(3)] }
                let byte = next(3) == 0 ? 0xC2 + next(0x33) : 0x80 + next(0x80)
                let scalar = table[byte]
                return scalar == "\u{FFFD}" ? Unicode.Scalar(UInt8(byte)) : scalar
            }
        }
    }

    @Test("a span of plain bytes decodes as the same bytes given as units do")
    func plainBytes() {
        for span in Self.spans(count: 4000, seed: 11, standIns: false) {
            let bytes = span.map { UInt8(truncatingIfNeeded: $0.value) }
            let context = [Unicode.Scalar("a")] + span + ["."]
            let range = 1..<(1 + span.count)
            let units = bytes.map(SpanDecoder.Unit.byte)
            var byUnits: [Unicode.Scalar] = []
            var byBytes: [Unicode.Scalar] = []
            let unitDecoding = withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: units.count) { out in
                let decoding = units.withUnsafeBufferPointer { SpanDecoder.decode($0, of: context, range: range, into: out) }
                byUnits = Array(out[0..<decoding.count])
                return decoding
            }
            let byteDecoding = withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { out in
                let decoding = bytes.withUnsafeBufferPointer { SpanDecoder.decode(bytes: $0, of: context, range: range, into: out) }
                byBytes = Array(out[0..<decoding.count])
                return decoding
            }
            #expect(byUnits == byBytes, "\(bytes)")
            #expect(String(describing: unitDecoding) == String(describing: byteDecoding), "\(bytes)")
        }
    }

    @Test("a page the masks find unable to read a span as whole sequences keeps a character or loses a byte", arguments: [false, true])
    func wholeSequences(standIns: Bool) {
        var candidatesSeen = 0
        var leftOut = 0
        for span in Self.spans(count: 4000, seed: standIns ? 23 : 17, standIns: standIns) {
            let context = [Unicode.Scalar("a")] + span + ["."]
            let range = 1..<(1 + span.count)
            let pages = repairer.masks.candidates(context, range)
            #expect(pages.whole & ~pages.candidates == 0)
            for page in repairer.reverse.indices where pages.candidates & (1 << page) != 0 {
                candidatesSeen += 1
                guard pages.whole & (1 << page) == 0 else { continue }
                leftOut += 1
                withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: range.count + 1) { out in
                    guard let decoding = repairer.decode(context, range, page: page, into: out) else { return }
                    let read = out[0..<decoding.count]
                    #expect(decoding.kept > 0 || decoding.lossy > 0 || read.contains("\u{FFFD}"), "\(span) page \(page)")
                }
            }
        }
        // The spans exercise both kinds of candidate page.
        #expect(leftOut > 100)
        #expect(candidatesSeen > leftOut)
    }
}
