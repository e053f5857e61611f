public import IngestCore

/// Undoes mojibake: UTF-8 text that was decoded with a single-byte code page ("Iaศ™i" for "Iași",
/// "Ð¡Ð¾Ñ„Ð¸Ñ" for "София", "â€œ" for "“"), once or twice over.
///
/// Only broken spans are touched. A span is a run of non-ASCII characters; it is repaired when encoding
/// it back with one code page yields bytes that are valid UTF-8 and read as letters and ordinary
/// punctuation. Clean text in these languages practically never survives that round trip, which is what
/// keeps repair from harming text that was already right.
public struct MojibakeRepairer: Sendable {
    /// Code pages tried, most common misreading first; then windows-1257 for Baltic text and IBM437 for
    /// text that went through a DOS or Windows console, which no other of them reads back.
    public static let codePages = PairScorer.encodings + ["windows-1257", "ibm437"]

    /// Passes over the text: mojibake of mojibake needs two.
    public static let maximumPasses = 3

    private let reverse: [CodePageReverseMap]
    private let masks: CodePageMasks
    /// Legacy text read with the wrong legacy code page, re-read whole.
    private let legacy: LegacyMisreadingRepair
    /// What the code pages make of UTF-8 continuation bytes (0x80–0xBF): a repair that still holds one is
    /// half of a double misreading, with the second half left for the next pass.
    private let continuationImages: ScalarSet
    /// What the code pages make of UTF-8 lead bytes (0xC2–0xF4): a space or question mark right after one
    /// may stand for a byte the text lost, so the span is extended over it.
    private let leadImages: ScalarSet
    private let spaceLeadImages: ScalarSet
    private let threeByteLeadImages: ScalarSet
    /// Images of E2 and E3, the three-byte leads of punctuation, symbols and CJK, whose second byte is
    /// often 0xA0 ("â € " for the blank U+2800); Cyrillic letters left out.
    private let spacedThreeByteLeadImages: ScalarSet
    /// Code pages that decode 0x80–0x9F as the C1 controls themselves (the ISO-8859 ones): a span with a
    /// C1 control is more likely theirs than a windows-* page's.
    private let nativeControls: [Bool]
    /// The characters ``isSuspicious(_:)`` is true for.
    private let giveAways: ScalarSet

    public init() {
        // windows-874 leaves most of 0x80–0x9F undefined; decoders in the wild fill them from windows-1252.
        reverse = Self.codePages.compactMap { CodePageReverseMap(codePage: $0, undefinedFrom: $0 == "windows-874" ? "windows-1252" : nil) }
        masks = CodePageMasks(reverse)
        legacy = LegacyMisreadingRepair(reverse: reverse)
        let tables = Self.codePages.compactMap(CodePageReverseMap.scalars(of:))
        continuationImages = ScalarSet(tables.flatMap { $0[0x80...0xBF].map(\.value) })
        leadImages = ScalarSet(tables.flatMap { $0[0xC2...0xF4].map(\.value) })
        spaceLeadImages = ScalarSet(tables.flatMap { table in (0xC2...0xDF).filter { SpanDecoder.restoresSpace(afterLead: UInt8($0)) }.map { table[$0].value } })
        threeByteLeadImages = ScalarSet(tables.flatMap { $0[0xE0...0xEF].map(\.value) })
        // "в" and "г" (E2 and E3 in windows-1251) end ordinary Cyrillic words.
        spacedThreeByteLeadImages = ScalarSet(tables.flatMap { $0[0xE2...0xE3].map(\.value) }.filter { !(0x400...0x4FF).contains($0) })
        giveAways = ScalarSet(Self.giveAwayCharacters)
        nativeControls = reverse.map { map in CodePageReverseMap.scalars(of: map.name).map { $0[0x85].value == 0x85 } ?? false }
    }

    /// What a repair is judged by, counted in one pass over the text.
    private struct Census {
        /// Give-away characters.
        var giveAways = 0
        /// C1 controls.
        var controls = 0
        /// Runs of non-ASCII characters with a give-away character among them.
        var giveAwayRuns = 0
    }

    private func census(_ scalars: [Unicode.Scalar]) -> Census {
        var census = Census()
        var counted = false
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                counted = false
                continue
            }
            if value <= 0x9F { census.controls += 1 }
            if isSuspicious(scalar) {
                census.giveAways += 1
                if !counted { census.giveAwayRuns += 1 }
                counted = true
            }
        }
        return census
    }

    public struct Result: Sendable, Equatable {
        public var text: String
        public var repairs: [EncodingRepair]
    }

    /// Legacy text read with the wrong legacy code page, as (read as, really, languages of the real one).
    public static var legacyConfusions: [(readAs: String, actual: String, languages: [String])] { LegacyMisreadingRepair.confusions }

    public func repair(_ text: String) -> Result {
        // Most text is ASCII or clean: neither kind of repair can apply without a byte beyond ASCII, and a
        // UTF-8 misreading always leaves a give-away character.
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return Result(text: text, repairs: []) }
        let scalars = Self.scalars(text)
        if scalars.contains(where: { isSuspicious($0) }) {
            let utf8Repair = repairUTF8Misreadings(scalars)
            if var repairs = utf8Repair.repairs, let before = utf8Repair.before {
                // A few spans of legacy Cyrillic text can pass for UTF-8 ("вҐ¬" for an arrow); when most spans
                // were left as they were, a re-reading of the whole text that fits the language comes first.
                let repairedSpans = repairs.reduce(0) { $0 + $1.spans }
                if 2 * repairedSpans < before.giveAwayRuns, let reread = legacy.repair(scalars) {
                    return reread
                }
                guard let controls = C1ControlRepair.repair(utf8Repair.scalars) else {
                    return Result(text: Self.string(utf8Repair.scalars), repairs: repairs)
                }
                repairs.append(EncodingRepair(chain: C1ControlRepair.chain, spans: controls.count))
                return Result(text: Self.string(controls.scalars), repairs: repairs)
            }
        }
        if let reread = legacy.repair(scalars) { return reread }
        // windows-1252 read as ISO-8859-1 last: C1 controls are also what windows-1250 text read as
        // ISO-8859-2 shows, which the legacy re-reading undoes whole.
        if let controls = C1ControlRepair.repair(scalars) {
            return Result(text: Self.string(controls.scalars), repairs: [EncodingRepair(chain: C1ControlRepair.chain, spans: controls.count)])
        }
        return Result(text: text, repairs: [])
    }

    /// Letters, told apart without a Unicode property lookup for the scripts these pages are written in.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x400...0x481, 0x48A...0x52F: return true
        case 0..<0x80, 0x80...0xBF, 0xD7, 0xF7, 0x2000...0x2BFF: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// The text with its UTF-8 misreadings undone, and the repairs; nil repairs when nothing was undone.
    /// With repairs comes the census of the text as it was.
    private func repairUTF8Misreadings(
        _ scalars: [Unicode.Scalar]
    ) -> (scalars: [Unicode.Scalar], repairs: [EncodingRepair]?, before: Census?) {
        var current = scalars
        var spansByChain: [String: Int] = [:]
        var chainOrder: [String] = []
        for passNumber in 0..<Self.maximumPasses {
            let (repaired, counts) = pass(current, first: passNumber == 0)
            guard !counts.isEmpty else { break }
            current = repaired
            for (chain, spans) in counts {
                if spansByChain[chain] == nil { chainOrder.append(chain) }
                spansByChain[chain, default: 0] += spans
            }
        }
        // A repair that left more give-away characters than it removed went half way; keep the input.
        // Every UTF-8 repair shortens the text; one that leaves as many give-away characters as there were
        // can only have turned them into letters that look like give-aways (Ñ, Ð), not added any.
        guard !chainOrder.isEmpty else { return (scalars, nil, nil) }
        let before = census(scalars)
        let after = census(current)
        guard after.controls <= before.controls, after.giveAways <= before.giveAways,
            current.count < scalars.count || after.giveAways < before.giveAways
        else {
            return (scalars, nil, nil)
        }
        return (current, chainOrder.map { EncodingRepair(chain: "utf-8 read as \($0)", spans: spansByChain[$0] ?? 0) }, before)
    }

    /// A span of non-ASCII characters and what it decodes to, once repaired (a range of the pass's
    /// buffer of readings).
    private struct Span {
        var range: Range<Int>
        var fixed: Range<Int>? = nil
        /// Index of the code page that repaired it.
        var page: Int? = nil
    }

    /// What one code page makes of a span, from best to worst: each holds where the characters it reads
    /// sit in the pass's buffer of readings, so keeping a reading allocates nothing.
    private enum Reading {
        /// Letters and punctuation of the four languages.
        case expected(Range<Int>)
        /// What the first of two misreadings leaves (Latin-1 symbols, C1 controls), kept for the next
        /// pass; the whole repair is rolled back if that pass cannot finish it.
        case intermediate(Range<Int>)
        /// A repair that keeps some characters of the span (correct text next to the mojibake) or marks
        /// a lost byte with U+FFFD, reading as one script.
        case partial(Range<Int>)
        /// Letters, marks and symbols of one other script (Greek, Hebrew, ❤), for spans long enough to be
        /// a whole character of it.
        case foreign(Range<Int>)
        /// Plausible, but resting on too few bytes to be taken unless the text has shown elsewhere that
        /// this code page broke it.
        case weak(Range<Int>)
    }

    /// One pass. Every code page votes with the spans it reads as the four languages, so "Ä…" goes to
    /// windows-1250 rather than windows-1252 when "Ăł" nearby fits only windows-1250. Spans with a
    /// give-away character are repaired with the best-voted code page that reads them; then, once the text
    /// has shown which code pages broke it, spans without one (short words such as "Рё" for "и") are
    /// repaired with those only.
    private func pass(_ scalars: [Unicode.Scalar], first: Bool) -> ([Unicode.Scalar], [(String, Int)]) {
        var spans: [Span] = []
        // Spans are separated by ASCII: at most half as many as characters, plus one; a short text's
        // worth is reserved at once, and a long page grows from there.
        spans.reserveCapacity(min(scalars.count / 2 + 1, 256))
        // What each code page reads out of each span, span by span in one array (`pages` entries a span),
        // and whether any page read the span at all.
        var readings: [Reading?] = []
        let pages = reverse.count
        var suspicious: [Bool] = []
        suspicious.reserveCapacity(min(scalars.count / 2 + 1, 256))
        var votes = [Int](repeating: 0, count: reverse.count)
        var index = 0
        while index < scalars.count {
            guard scalars[index].value >= 0x80 else {
                index += 1
                continue
            }
            let range = index..<spanEnd(scalars, from: index, extended: first)
            spans.append(Span(range: range))
            suspicious.append(range.count >= 2 && scalars[range].contains(where: { isSuspicious($0) }))
            index = range.upperBound
        }
        // After a first repair the text has shown it was misread twice, and what is left of the second
        // misreading may hold no give-away character ("ktĂłrej" once "ktÄ‚Å‚rej" is undone once).
        guard suspicious.contains(true) || !first else { return (scalars, []) }
        // Made with the first reading: most second passes read nothing.
        var readable: [Bool] = []
        // Every reading kept is appended here; rejected ones are taken back off the end.
        var decoded: [Unicode.Scalar] = []
        for (position, span) in spans.enumerated() {
            let range = span.range
            guard range.count >= 2 else { continue }
            // Only the code pages that can read a UTF-8 sequence out of the span are tried at all.
            let candidates = masks.candidates(scalars, range)
            guard candidates != 0 else { continue }
            let previous = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
            if decoded.capacity == 0 { decoded.reserveCapacity(2 * scalars.count) }
            var hasControl: Bool? = nil
            for page in reverse.indices where candidates & (1 << page) != 0 {
                guard let reading = read(scalars, range, with: reverse[page], into: &decoded) else { continue }
                if readings.isEmpty {
                    readings = [Reading?](repeating: nil, count: spans.count * pages)
                    readable = [Bool](repeating: false, count: spans.count)
                }
                readings[position * pages + page] = reading
                readable[position] = true
                if hasControl == nil { hasControl = scalars[range].contains(where: { (0x80...0x9F).contains($0.value) }) }
                if case .expected(let read) = reading { votes[page] += Self.fitsCase(decoded[read], after: previous) ? 2 : 1 }
                if hasControl == true, nativeControls[page] { votes[page] += 1 }
            }
        }
        // No code page read any span: the common end of a second pass.
        guard !readings.isEmpty else { return (scalars, []) }
        let order = reverse.indices.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }
        func chooseExpected(_ position: Int, among order: [Int], after previous: Unicode.Scalar?) -> (Range<Int>, Int)? {
            var anyCase: (Range<Int>, Int)? = nil
            for page in order {
                guard case .expected(let read)? = readings[position * pages + page] else { continue }
                if Self.fitsCase(decoded[read], after: previous) { return (read, page) }
                if anyCase == nil { anyCase = (read, page) }
            }
            return anyCase
        }
        func choose(_ position: Int, among order: [Int], after previous: Unicode.Scalar?) -> (Range<Int>, Int)? {
            if let expected = chooseExpected(position, among: order, after: previous) { return expected }
            let base = position * pages
            for page in order { if case .intermediate(let read)? = readings[base + page] { return (read, page) } }
            for page in order { if case .foreign(let read)? = readings[base + page] { return (read, page) } }
            for page in order { if case .partial(let read)? = readings[base + page] { return (read, page) } }
            return nil
        }
        var evidence: CodePageMasks.Pages = 0
        for position in spans.indices where readable[position] && (suspicious[position] || !first) {
            let range = spans[position].range
            let previous = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
            let candidate =
                suspicious[position]
                ? choose(position, among: order, after: previous) : chooseExpected(position, among: order, after: previous)
            if let (fixed, page) = candidate {
                spans[position].fixed = fixed
                spans[position].page = page
                evidence |= 1 << page
            }
        }
        guard evidence != 0 else { return (scalars, []) }
        let trusted = order.filter { evidence & (1 << $0) != 0 }
        for position in spans.indices where spans[position].fixed == nil && readable[position] {
            for page in trusted {
                switch readings[position * pages + page] {
                case .expected(let read)?, .intermediate(let read)?, .partial(let read)?, .weak(let read)?:
                    spans[position].fixed = read
                    spans[position].page = page
                default:
                    continue
                }
                break
            }
        }
        // One short span amid other non-ASCII text that reads fine is too little to go on: "DrÃ¥ber" next
        // to a correct "–" may be a name as much as a misread "Dråber".
        if first, spans.count > 1 {
            var repaired = 0
            var lastRepaired = 0..<0
            for span in spans where span.fixed != nil {
                repaired += 1
                lastRepaired = span.range
            }
            if repaired == 1, lastRepaired.count == 2 { return (scalars, []) }
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var counts = [Int](repeating: 0, count: reverse.count)
        var pageOrder: [Int] = []
        var cursor = 0
        for span in spans {
            out.append(contentsOf: scalars[cursor..<span.range.lowerBound])
            if let fixed = span.fixed, let page = span.page {
                out.append(contentsOf: decoded[fixed])
                if counts[page] == 0 { pageOrder.append(page) }
                counts[page] += 1
            } else {
                out.append(contentsOf: scalars[span.range])
            }
            cursor = span.range.upperBound
        }
        out.append(contentsOf: scalars[cursor...])
        return (out, pageOrder.map { (reverse[$0].name, counts[$0]) })
    }

    /// A capital right after a small letter ("cafÊ") is what the wrong one of two close code pages gives
    /// (windows-1250 and ISO-8859-2 read "ĂŠ" as Ê and é).
    private static func fitsCase(_ decoded: ArraySlice<Unicode.Scalar>, after previous: Unicode.Scalar?) -> Bool {
        guard let previous, isLowercase(previous) else { return true }
        return !decoded.contains(where: isUppercase)
    }

    /// Case without a Unicode property lookup for ASCII, Latin-1 and basic Cyrillic.
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF, 0x430...0x45F: return true
        case 0..<0xDF, 0x400...0x42F: return false
        default: return scalar.properties.isLowercase
        }
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x400...0x42F: return true
        case 0..<0xC0, 0xDF...0xFF, 0x430...0x45F: return false
        default: return scalar.properties.isUppercase
        }
    }

    /// The scalars of a String, decoded straight from its UTF-8 into an array (the String is valid UTF-8,
    /// so no check is needed), in place of two passes through its scalar view.
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            // As many scalars as bytes at most: one pass, and an array a little larger than it needs to be.
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
                var index = 0
                var written = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        buffer.initializeElement(at: written, to: Unicode.Scalar(byte))
                        written += 1
                        index += 1
                        continue
                    }
                    let lead = UInt32(byte)
                    var value: UInt32
                    var length: Int
                    if lead < 0xE0 {
                        (value, length) = (lead & 0x1F, 2)
                    } else if lead < 0xF0 {
                        (value, length) = (lead & 0x0F, 3)
                    } else {
                        (value, length) = (lead & 0x07, 4)
                    }
                    for offset in 1..<length where index + offset < bytes.count {
                        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    }
                    buffer.initializeElement(at: written, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    written += 1
                    index += length
                }
                initialized = written
            }
        }
    }

    /// Scalars to a String, their UTF-8 written straight into the string's storage once its length is known.
    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var length = 0
        for scalar in scalars {
            let value = scalar.value
            length += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            for scalar in scalars {
                written = UTF8ScalarWriter.write(scalar.value, into: buffer, at: written)
            }
            return written
        }
    }

    /// Where the span starting at `start` ends: a run of non-ASCII characters, extended over a single
    /// space or question mark right after the image of a UTF-8 lead byte, where the text may have lost a
    /// byte ("Ã " for "à", "â€?" for "”"), and on over the run that follows it.
    /// Only the first pass extends spans: what it repaired is real text, whose spaces are spaces.
    private func spanEnd(_ scalars: [Unicode.Scalar], from start: Int, extended: Bool) -> Int {
        var end = start
        while end < scalars.count {
            let value = scalars[end].value
            if value >= 0x80 {
                end += 1
            } else if extended, end > start, isStandIn(scalars, at: end) {
                end += 1
                guard end < scalars.count, scalars[end].value >= 0x80 else { break }
            } else {
                break
            }
        }
        return end
    }

    /// A space right after the image of a lead byte whose 0xA0 character is common (or of a three-byte
    /// lead and one continuation), or a question mark right after any image of a lead or continuation
    /// byte; a run of question marks is punctuation.
    private func isStandIn(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let previous = scalars[index - 1].value
        switch scalars[index].value {
        case 0x20:
            if spaceLeadImages.contains(previous) || spacedThreeByteLeadImages.contains(previous) { return true }
            return index >= 2 && continuationImages.contains(previous) && threeByteLeadImages.contains(scalars[index - 2].value)
        case 0x3F:
            guard leadImages.contains(previous) || continuationImages.contains(previous) else { return false }
            return index + 1 >= scalars.count || scalars[index + 1].value != 0x3F
        default:
            return false
        }
    }

    /// The span encoded back with one code page and decoded as UTF-8 (leniently, see ``SpanDecoder``),
    /// for a code page ``CodePageMasks`` found able to read a sequence out of it: nil when no UTF-8
    /// sequence comes out, the result is no shorter than the span, or it reads as nothing plausible.
    /// What it reads is appended to `decoded`, and taken back off when the reading is rejected.
    private func read(
        _ scalars: [Unicode.Scalar], _ range: Range<Int>, with map: CodePageReverseMap, into decoded: inout [Unicode.Scalar]
    ) -> Reading? {
        let start = decoded.count
        guard let decoding = decode(scalars, range, with: map, into: &decoded) else { return nil }
        let read = start..<decoded.count
        let kind = classify(decoded[read], decoding, scalars, range)
        guard let kind else {
            decoded.removeSubrange(read)
            return nil
        }
        switch kind {
        case .expected: return .expected(read)
        case .intermediate: return .intermediate(read)
        case .partial: return .partial(read)
        case .foreign: return .foreign(read)
        case .weak: return .weak(read)
        }
    }

    /// The kinds of ``Reading``.
    private enum ReadingKind {
        case expected, intermediate, partial, foreign, weak
    }

    /// The span's units for one code page, decoded onto the end of `decoded`; nil, with nothing appended,
    /// when the code page cannot produce a character of the span.
    private func decode(
        _ scalars: [Unicode.Scalar], _ range: Range<Int>, with map: CodePageReverseMap, into decoded: inout [Unicode.Scalar]
    ) -> SpanDecoder.Decoding? {
        let next = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        // The units live on the stack: most readings are thrown away, and this runs for every one.
        let decoding = withUnsafeTemporaryAllocation(of: SpanDecoder.Unit.self, capacity: range.count + 1) { buffer -> SpanDecoder.Decoding? in
            var count = 0
            for scalar in scalars[range] {
                let unit: SpanDecoder.Unit
                switch scalar.value {
                case 0x20: unit = .space
                case 0x3F: unit = .question
                case 0xFFFD: unit = .lost
                default:
                    guard let byte = map.byte(for: scalar) else { return nil }
                    unit = .byte(byte)
                }
                buffer.initializeElement(at: count, to: unit)
                count += 1
            }
            // A closing ” is E2 80 9D, and 0x9D is undefined in windows-1252 and -874: scrapers drop it,
            // leaving "â€" before a space. Restore it only there.
            if count >= 2, buffer[count - 2] == .byte(0xE2), buffer[count - 1] == .byte(0x80), next.map({ !Self.isLetter($0) }) ?? true {
                buffer.initializeElement(at: count, to: .byte(0x9D))
                count += 1
            } else if count >= 3, buffer[count - 3] == .byte(0xE2), buffer[count - 2] == .byte(0x80), buffer[count - 1] == .space {
                // The same before a space the span took in: ” is far commoner than the † E2 80 A0 would make.
                buffer.initializeElement(at: count, to: .space)
                buffer[count - 1] = .byte(0x9D)
                count += 1
            }
            // Units are a trivial enum: nothing to deinitialize when the buffer goes.
            return SpanDecoder.decode(UnsafeBufferPointer(rebasing: buffer[0..<count]), of: scalars, range: range, into: &decoded)
        }
        return decoding
    }

    /// Whether a span's reading is a repair, and of which kind: nil when no UTF-8 sequence came out, the
    /// result is no shorter than the span, or it reads as nothing plausible.
    private func classify(
        _ decoded: ArraySlice<Unicode.Scalar>, _ decoding: SpanDecoder.Decoding, _ scalars: [Unicode.Scalar], _ range: Range<Int>
    ) -> ReadingKind? {
        let next = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        guard decoding.sequences + decoding.lossy > 0, decoded.count - (decoding.keptSpace ? 1 : 0) < range.count, !decoding.keptLead else { return nil }
        let previous = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
        if Self.isAmbiguous(decoded, span: scalars[range], previous: previous, next: next) { return nil }
        // "Ã " standing alone may be the letter itself ("Â is a letter"); at the end of a word ("voilÃ ")
        // it is a misread "à" whose 0xA0 became a space.
        if decoding.restoredSpaces == decoding.sequences, decoding.sequenceBytes == 2, decoding.lossy == 0, !(previous.map(Self.isLetter) ?? false) {
            return Self.weak(decoded)
        }
        if decoding.kept == 0, decoding.lossy == 0, Self.isPlausible(decoded) {
            if decoded.allSatisfy(Self.isExpected) { return .expected }
            if decoded.contains(where: { continuationImages.contains($0.value) }) { return .intermediate }
        }
        // Any other script, or a repair that keeps part of the span: one script, and enough bytes behind it
        // not to be a coincidence (a two-byte letter of an alphabet, or a whole character of three bytes).
        guard ScriptRun.isPlausible(decoded) else { return nil }
        let evidence = decoding.sequenceBytes + 2 * decoding.lossy + decoding.replacementCharacters
        guard evidence >= 3 || Self.isTwoByteLetter(decoded, span: scalars[range]) else {
            return Self.weak(decoded)
        }
        return decoding.kept > 0 || decoding.lossy > 0 ? .partial : .foreign
    }

    /// A reading too short to stand alone, kept for texts that show its code page elsewhere: common
    /// letters and punctuation, with a letter or a lost character among them (a lone "³" or "ʽ" out of two
    /// Cyrillic letters is a coincidence).
    private static func weak(_ decoded: ArraySlice<Unicode.Scalar>) -> ReadingKind? {
        guard decoded.allSatisfy({ ScriptRun.isNeutral($0) || isCommonLetter($0) }),
            decoded.contains(where: { $0.value == 0xFFFD || isCommonLetter($0) })
        else { return nil }
        return .weak
    }

    /// One letter of an alphabet in two bytes, from a pair that looks like it: a letter, then a symbol
    /// or control that no word would put there (not a letter of Latin-1, not a no-break space). "Ä±"
    /// is Turkish ı; "ÅØ" is Norwegian and "Ä\u{A0}" a capital before a space.
    private static func isTwoByteLetter(_ decoded: ArraySlice<Unicode.Scalar>, span: ArraySlice<Unicode.Scalar>) -> Bool {
        guard span.count == 2, decoded.count == 1, let first = span.first, let second = span.last, isLetter(first),
            !(0xC0...0xFF).contains(second.value), second.value != 0xA0
        else { return false }
        return isCommonLetter(decoded[decoded.startIndex])
    }

    /// Letters (and combining marks) of the Latin, Greek and Cyrillic alphabets in everyday use, without
    /// the phonetic, archaic and minority-language ones that a coincidence produces as easily ("ſ", "ɮ").
    private static func isCommonLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x17E, 0x218...0x21B, 0x300...0x36F, 0x386...0x3CE: return true
        // Cyrillic of Bulgarian, Ukrainian and Russian; the Serbian and Macedonian letters are what
        // misread Cyrillic text is full of.
        case 0x401, 0x404, 0x406, 0x407, 0x410...0x44F, 0x451, 0x454, 0x456, 0x457, 0x490, 0x491: return true
        default: return false
        }
    }

    /// Repairs that clean text produces as easily as mojibake does: a capital followed by an apostrophe
    /// ("Ã’s" is "Ã's", not "Òs"), and a no-break space inside a word in capitals ("MISUTÂ AJIKKO").
    /// Also a letter followed by a symbol ("AHÅ™", "10 Å—", "DATĂ™"), unless the repair is a letter
    /// of these languages' own ("siÄ™" is "się").
    private static func isAmbiguous(
        _ decoded: ArraySlice<Unicode.Scalar>, span: ArraySlice<Unicode.Scalar>, previous: Unicode.Scalar?, next: Unicode.Scalar?
    ) -> Bool {
        guard decoded.count == 1, span.count == 2, let last = span.last else { return false }
        let only = decoded[decoded.startIndex]
        let isASCIILower = next.map { (0x61...0x7A).contains($0.value) } ?? false
        let afterLetter = previous.map(isLetter) ?? false
        if [0x2018, 0x2019, 0xB4].contains(last.value), isASCIILower, !afterLetter, only.value < 0x250 { return true }
        // Ã and Â, images of the commonest lead bytes, end hardly any real word; other capitals before ™
        // or a dash may be a name ("AHÅ™", "NICIODATĂ™").
        let commonLead = [0xC3, 0xC2].contains(span[span.startIndex].value)
        if [0x2122, 0x2013, 0x2014].contains(last.value), !(next.map(isLetter) ?? false), !isOwnLetter(only), !commonLead { return true }
        // A span standing alone that starts with a symbol ("√π", "¬´") is as likely a formula or an
        // emoticon as a misread letter; alone it is kept unless it reads as a one-letter Cyrillic word.
        let touchesLetter = (previous.map(isLetter) ?? false) || (next.map(isLetter) ?? false)
        if !touchesLetter, !isLetter(span[span.startIndex]), !(0x400...0x45F).contains(only.value) { return true }
        let isUpper: (Unicode.Scalar?) -> Bool = { $0.map { (0x41...0x5A).contains($0.value) } ?? false }
        return only.value == 0xA0 && isUpper(previous) && isUpper(next)
    }

    /// Letters of Bulgarian, Polish, Ukrainian and Romanian beyond ASCII.
    private static func isOwnLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x400...0x45F, 0x490, 0x491, 0x104...0x107, 0x118, 0x119, 0x141...0x144, 0x15A, 0x15B, 0x179...0x17C, 0xD3, 0xF3,
            0x102, 0x103, 0xC2, 0xE2, 0xCE, 0xEE, 0x218...0x21B, 0x15E, 0x15F, 0x162, 0x163:
            return true
        default:
            return false
        }
    }

    /// Letters, marks and symbols of any script, for a repair into a script other than these pages' own.
    private static func isForeignPlausible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0xA0, 0xE000...0xF8FF, 0xFFF0...0xFFFF: return false
        case 0x200D, 0xFE0F, 0x20E3: return true
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .nonspacingMark,
                .spacingMark, .otherSymbol, .mathSymbol, .currencySymbol, .otherPunctuation, .decimalNumber,
                .initialPunctuation, .finalPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .spaceSeparator:
                return true
            default: return false
            }
        }
    }

    /// Characters at home in Bulgarian, Polish, Ukrainian or English text (and Romanian names): a
    /// repair made of them is preferred over one that yields, say, Turkish ş.
    static func isExpected(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0xA0...0xFF, 0x400...0x45F, 0x490, 0x491, 0x104...0x107, 0x118, 0x119, 0x141...0x144, 0x15A, 0x15B,
            0x179...0x17C, 0x102, 0x103, 0x218...0x21B, 0x2010...0x2026, 0x20AC, 0x2116, 0x2122:
            return true
        default:
            return false
        }
    }

    /// A repair must read as letters of the Latin or Cyrillic alphabets,
    /// marks and ordinary punctuation.
    static func isPlausible(_ decoded: ArraySlice<Unicode.Scalar>) -> Bool {
        decoded.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x80: return true
            case 0xC0...0x24F, 0x1E00...0x1EFF, 0x400...0x45F, 0x490...0x491: return isLetter(scalar)
            case 0x300...0x36F: return true
            // C1 controls, Latin-1 symbols and the windows-1252 extras are what the first of two
            // misreadings leaves; the next pass takes them away, or the whole repair is rolled back.
            case 0x80...0xBF, 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC, 0x2020, 0x2021, 0x2022: return true
            case 0xA0, 0xAB, 0xBB, 0xB0, 0xA9, 0xAE, 0x2010...0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2116, 0x2122: return true
            default: return false
            }
        }
    }

    /// Characters that give mojibake away: a span of clean text in these languages has none. C1 controls,
    /// Latin-1 symbols, the windows-1252 extras (€ ™ š œ…), Cyrillic letters no Bulgarian, Ukrainian or
    /// Russian word uses (љ ў ђ…), box drawing, and Thai (what windows-874 makes of UTF-8).
    ///
    /// Every character is checked, often several times, so the answer is read from a bitmap made once
    /// per repairer from ``isSuspiciousByRange(_:)``, which an instance holds: a table in a static
    /// property would cost a call to check its one-time initialisation on every character.
    @inline(__always)
    func isSuspicious(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII and the Cyrillic alphabet, most of any text, without touching the table.
        if value < 0x80 || (0x410...0x44F).contains(value) { return false }
        return giveAways.contains(value)
    }

    /// Every give-away character: the ranges below, of which only U+FB01 and U+FB02 lie beyond U+2600.
    static let giveAwayCharacters: [UInt32] = ((0..<0x2600) + [0xFB01, 0xFB02]).filter { value in
        Unicode.Scalar(value).map(isSuspiciousByRange) ?? false
    }

    private static func isSuspiciousByRange(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F, 0xA1...0xAA, 0xAC...0xAF, 0xB1...0xBA, 0xBC...0xBF, 0xC2...0xC5, 0xD0, 0xD1, 0xDE, 0xE2, 0xE3:
            return true
        case 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC, 0x2020, 0x2021, 0x2030, 0x2039, 0x203A,
            0x20AC, 0x2122, 0x201A, 0x201E:
            return true
        case 0x402, 0x403, 0x405, 0x408...0x40B, 0x40C, 0x40E, 0x40F, 0x452, 0x453, 0x455, 0x458...0x45B, 0x45C, 0x45E, 0x45F:
            return true
        case 0x2500...0x259F, 0x0E00...0x0E7F, 0x139, 0x13A, 0x2200...0x22FF, 0x25CA, 0xFB01, 0xFB02, 0x131, 0x2D8...0x2DD, 0x3A9, 0x3C0:
            return true
        default:
            return false
        }
    }
}
