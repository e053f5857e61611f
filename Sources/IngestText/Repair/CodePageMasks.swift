/// For each character, which of the repairer's code pages can produce it, and which of them turn it into
/// a UTF-8 lead byte or a continuation byte, as bit sets with one bit per code page.
///
/// A span is worth decoding with a code page only when that page produces every character of it and
/// turns some run of characters into a whole UTF-8 sequence: a lead byte followed by as many
/// continuation bytes as it calls for (or stand-ins for them: a space, question mark or U+FFFD), or the
/// "E2 80" a closing quote leaves at the end of a span once its last byte is lost. Checking that for all
/// code pages at once, in one pass over the span with a few AND and OR operations per character, rejects
/// nearly every code page before any bytes are built; most spans of clean text are rejected by all of
/// them.
struct CodePageMasks: Sendable {
    /// Bit set of code pages, bit `i` for `pages[i]`.
    typealias Pages = UInt16

    /// Masks for one character.
    struct Entry: Sendable, Equatable {
        /// Pages that produce the character.
        var encodes: Pages
        /// Pages that turn it into the lead byte of a two-byte sequence, 0xC2–0xDF.
        var lead2: Pages = 0
        /// Pages that turn it into the lead byte of a three-byte sequence, 0xE0–0xEF.
        var lead3: Pages = 0
        /// Pages that turn it into the lead byte of a four-byte sequence, 0xF0–0xF4.
        var lead4: Pages = 0
        /// Pages that turn it into a continuation byte, 0x80–0xBF, or read it as a stand-in for one.
        var continuation: Pages = 0
        /// Pages that turn it into 0xE2, and into 0x80: the first two bytes of a closing quote.
        var quoteLead: Pages = 0
        var quoteSecond: Pages = 0
        /// Pages where it may stand between sequences without being kept as it is: the space and question
        /// mark a span took in.
        var standalone: Pages = 0
        /// ``continuation`` without U+FFFD, which makes a sequence lossy.
        var wholeContinuation: Pages = 0
    }

    /// What ``candidates(_:_:)`` finds for a span.
    struct SpanPages {
        /// Pages whose reading of the span holds a UTF-8 sequence.
        var candidates: Pages
        /// Those of them whose bytes are nothing but whole UTF-8 sequences (continuation bytes may be
        /// spaces), with spaces and question marks between them: the only pages whose reading keeps no
        /// character of the span and loses no byte, as a reading of letters and punctuation must.
        var whole: Pages
    }

    private let pages: [CodePageReverseMap]
    /// Entries for every scalar below `flatLimit`, where all but three of the code pages' characters live.
    private let flat: [Entry]
    private let all: Pages
    static let flatLimit = CodePageReverseMap.flatLimit

    init(_ pages: [CodePageReverseMap]) {
        precondition(pages.count <= Pages.bitWidth)
        self.pages = pages
        let all: Pages = pages.isEmpty ? 0 : Pages.max >> (Pages.bitWidth - pages.count)
        self.all = all
        // Made from each page's own table of bytes, a read per character and page, rather than by asking
        // every page about every character: this runs at every start-up.
        var flat = [Entry](repeating: Entry(encodes: 0), count: Int(Self.flatLimit))
        for (index, page) in pages.enumerated() {
            let bit: Pages = 1 << index
            page.flat.withUnsafeBufferPointer { bytes in
                // Spans hold no ASCII but the space and question mark, which every page reads the same way.
                for value in 0x80..<Int(Self.flatLimit) where bytes[value] != 0 { Self.add(bytes[value], as: bit, to: &flat[value]) }
            }
        }
        for value in [0x20, 0x3F] { flat[value] = Self.entry(for: Unicode.Scalar(UInt8(value)), pages: pages, all: all) }
        self.flat = flat
    }

    /// The masks the repairer's span reading implies: a space or question mark inside a span stands for a
    /// continuation byte in every code page, and so does U+FFFD (a byte the misreading lost). Asked of
    /// characters beyond the flat table; the table must hold the same answers below it.
    static func entry(for scalar: Unicode.Scalar, pages: [CodePageReverseMap], all: Pages) -> Entry {
        switch scalar.value {
        case 0x20, 0x3F:
            return Entry(encodes: all, continuation: all, standalone: all, wholeContinuation: all)
        case 0xFFFD:
            return Entry(encodes: all, continuation: all)
        case 0..<0x80:
            // Spans hold no other ASCII; were one there, no page would read the span as repairable bytes.
            return Entry(encodes: 0)
        default:
            var entry = Entry(encodes: 0)
            for (index, page) in pages.enumerated() {
                guard let byte = page.byte(for: scalar) else { continue }
                add(byte, as: 1 << index, to: &entry)
            }
            return entry
        }
    }

    /// Adds what `byte` makes of a character in the page of `bit`.
    private static func add(_ byte: UInt8, as bit: Pages, to entry: inout Entry) {
        entry.encodes |= bit
        switch byte {
        case 0x80...0xBF:
            entry.continuation |= bit
            entry.wholeContinuation |= bit
        case 0xC2...0xDF: entry.lead2 |= bit
        case 0xE0...0xEF: entry.lead3 |= bit
        case 0xF0...0xF4: entry.lead4 |= bit
        default: break
        }
        if byte == 0xE2 { entry.quoteLead |= bit }
        if byte == 0x80 { entry.quoteSecond |= bit }
    }

    @inline(__always)
    func entry(_ scalar: Unicode.Scalar) -> Entry {
        scalar.value < Self.flatLimit ? flat[Int(scalar.value)] : Self.entry(for: scalar, pages: pages, all: all)
    }

    /// Code pages that produce every character of `scalars[range]` and turn it into bytes with at least
    /// one whole UTF-8 sequence (its continuation bytes may be stand-ins), or that end in the first two
    /// bytes of a closing quote: the only pages whose reading of the span can yield a UTF-8 sequence.
    /// For each page, the pass follows how many continuation bytes the bytes so far still call for.
    ///
    /// In the same pass it follows, for each page, whether the bytes so far are whole sequences one after
    /// the other: a reading that keeps a character or loses a byte is never one of letters and
    /// punctuation, so the pages that fail this need not be decoded for a span that can only be taken as
    /// such.
    func candidates(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> SpanPages {
        precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count)
        var encodes = all
        var complete: Pages = 0
        // Pages where one, two or three more continuation bytes finish a sequence.
        var needs1: Pages = 0
        var needs2: Pages = 0
        var needs3: Pages = 0
        var previousQuoteLead: Pages = 0
        var quoteEnd: Pages = 0
        // Pages whose bytes so far are whole sequences, and those where the bytes so far are whole
        // sequences and the start of one that calls for one, two or three more continuation bytes.
        var between = all
        var within1: Pages = 0
        var within2: Pages = 0
        var within3: Pages = 0
        // Through the buffers: one bounds check per span, not two per character.
        flat.withUnsafeBufferPointer { flat in
            scalars.withUnsafeBufferPointer { scalars in
                for index in range {
                    let value = scalars[index].value
                    let entry = value < Self.flatLimit ? flat[Int(value)] : Self.entry(for: scalars[index], pages: pages, all: all)
                    encodes &= entry.encodes
                    complete |= needs1 & entry.continuation
                    needs1 = needs2 & entry.continuation | entry.lead2
                    needs2 = needs3 & entry.continuation | entry.lead3
                    needs3 = entry.lead4
                    quoteEnd = previousQuoteLead & entry.quoteSecond
                    previousQuoteLead = entry.quoteLead
                    let whole = entry.wholeContinuation
                    let wasBetween = between
                    between = within1 & whole | wasBetween & entry.standalone
                    within1 = within2 & whole | wasBetween & entry.lead2
                    within2 = within3 & whole | wasBetween & entry.lead3
                    within3 = wasBetween & entry.lead4
                }
            }
        }
        let candidates = encodes & (complete | quoteEnd)
        // A closing quote whose last byte was lost ends in the first two bytes of its sequence.
        return SpanPages(candidates: candidates, whole: candidates & (between | within1 & quoteEnd))
    }
}
