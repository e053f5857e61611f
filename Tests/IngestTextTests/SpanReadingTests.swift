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

    @Test("the masks' packed scan finds the pages a page-by-page walk through the span's bytes finds", arguments: [false, true])
    func packedScanMatchesPageByPage(standIns: Bool) {
        let pages = repairer.reverse.count
        var candidatesSeen = 0
        var wholeSeen = 0
        for span in Self.spans(count: 4000, seed: standIns ? 31 : 29, standIns: standIns) {
            let context = [Unicode.Scalar("a")] + span + ["."]
            let found = repairer.masks.candidates(context, 1..<(1 + span.count))
            var candidates: CodePageMasks.Pages = 0
            var whole: CodePageMasks.Pages = 0
            for page in 0..<pages {
                let (reads, readsWhole) = Self.walk(span.map { repairer.masks.entry($0) }, page: page)
                if reads { candidates |= 1 << page }
                if readsWhole { whole |= 1 << page }
            }
            #expect(found.candidates == candidates, "\(span)")
            #expect(found.whole == whole, "\(span)")
            candidatesSeen += candidates.nonzeroBitCount
            wholeSeen += whole.nonzeroBitCount
        }
        // Not vacuous: many spans are read by some page, and as whole sequences by some.
        #expect(candidatesSeen > 1000)
        #expect(wholeSeen > 100)
    }

    /// What ``CodePageMasks/candidates(_:_:)`` answers for one page, found by following that page's bytes
    /// one character at a time: whether the page produces every character and its bytes hold a whole
    /// UTF-8 sequence (or end in the first two bytes of a closing quote), and whether they are nothing
    /// but whole sequences with stand-alone characters between them.
    static func walk(_ entries: [CodePageMasks.Entry], page: Int) -> (reads: Bool, whole: Bool) {
        func has(_ mask: CodePageMasks.Pages) -> Bool { mask & (1 << page) != 0 }
        var encodes = true
        var complete = false
        var needed = 0
        var quoteEnd = false
        var previousQuoteLead = false
        // Continuation bytes the sequence being read still needs, or nil once the bytes are no longer
        // whole sequences; 0 between sequences.
        var wholeNeeded: Int? = 0
        for entry in entries {
            encodes = encodes && has(entry.encodes)
            if needed == 1, has(entry.continuation) { complete = true }
            needed = has(entry.lead2) ? 1 : has(entry.lead3) ? 2 : has(entry.lead4) ? 3 : needed > 1 && has(entry.continuation) ? needed - 1 : 0
            quoteEnd = previousQuoteLead && has(entry.quoteSecond)
            previousQuoteLead = has(entry.quoteLead)
            switch wholeNeeded {
            case 0?:
                wholeNeeded = has(entry.lead2) ? 1 : has(entry.lead3) ? 2 : has(entry.lead4) ? 3 : has(entry.standalone) ? 0 : nil
            case let remaining?:
                wholeNeeded = has(entry.wholeContinuation) ? remaining - 1 : nil
            case nil:
                break
            }
        }
        let reads = encodes && (complete || quoteEnd)
        return (reads, reads && (wholeNeeded == 0 || wholeNeeded == 1 && quoteEnd))
    }
}
