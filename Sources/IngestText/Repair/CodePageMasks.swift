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
    /// Entries for every scalar below `flatLimit`, where all but three of the code pages' characters live,
    /// in the form ``candidates(_:_:)`` reads.
    private let flat: [Lanes]
    private let all: Pages
    static let flatLimit = CodePageReverseMap.flatLimit

    init(_ pages: [CodePageReverseMap]) {
        precondition(pages.count <= Pages.bitWidth)
        // Four page sets to a word (``Lanes``).
        precondition(4 * Pages.bitWidth == UInt64.bitWidth)
        self.pages = pages
        let all: Pages = pages.isEmpty ? 0 : Pages.max >> (Pages.bitWidth - pages.count)
        self.all = all
        // Made from the characters each page has a byte for, rather than by asking every page about every
        // character: this runs at every start-up. The packed form is filled in place, with no table of
        // unpacked entries first: that was 175 KB more to write, and 39 more page faults, in every process
        // that repairs.
        var flat = [Lanes](repeating: Lanes(Entry(encodes: 0)), count: Int(Self.flatLimit))
        for (index, page) in pages.enumerated() {
            let bit: Pages = 1 << index
            // Spans hold no ASCII but the space and question mark, which every page reads the same way.
            for character in page.flatCharacters where character >= 0x80 {
                flat[Int(character)].add(page.flat[Int(character)], as: bit)
            }
        }
        for value in [0x20, 0x3F] { flat[value] = Lanes(Self.entry(for: Unicode.Scalar(UInt8(value)), pages: pages, all: all)) }
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
    static func add(_ byte: UInt8, as bit: Pages, to entry: inout Entry) {
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
        scalar.value < Self.flatLimit ? flat[Int(scalar.value)].entry : Self.entry(for: scalar, pages: pages, all: all)
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
        // The state is held in lanes (see ``Lanes``), lane 0 the lowest 16 bits; lanes a result does not
        // read may hold anything.
        var encodes = UInt64(all)
        var complete: UInt64 = 0
        // Pages where one, two or three more continuation bytes finish a sequence, in lanes 0, 1 and 2.
        var needs: UInt64 = 0
        var previousMarks: UInt64 = 0
        var quoteEnd: UInt64 = 0
        // Lane 0: pages whose bytes so far are whole sequences; lanes 1, 2 and 3: pages where the bytes
        // so far are whole sequences and the start of one that calls for one, two or three more
        // continuation bytes.
        var progress = UInt64(all)
        // Through the buffers: one bounds check per span, not two per character.
        flat.withUnsafeBufferPointer { flat in
            scalars.withUnsafeBufferPointer { scalars in
                for index in range {
                    let value = scalars[index].value
                    let lanes = value < Self.flatLimit ? flat[Int(value)] : Lanes(Self.entry(for: scalars[index], pages: pages, all: all))
                    let continuation = (lanes.marks &>> 48) &* Lanes.everyLane
                    let whole = (lanes.leads &>> 48) &* Lanes.everyLane
                    encodes &= lanes.marks
                    complete |= needs & continuation
                    needs = (needs &>> 16) & continuation | lanes.leads & Lanes.lowThreeLanes
                    quoteEnd = (previousMarks &>> 16) & (lanes.marks &>> 32)
                    previousMarks = lanes.marks
                    progress = (progress &>> 16) & whole | (progress & Lanes.lowLane) &* Lanes.everyLane & lanes.fromWhole
                }
            }
        }
        let candidates = Pages(truncatingIfNeeded: encodes & (complete | quoteEnd))
        let between = Pages(truncatingIfNeeded: progress)
        let within1 = Pages(truncatingIfNeeded: progress &>> 16)
        let quoteEnds = Pages(truncatingIfNeeded: quoteEnd)
        // A closing quote whose last byte was lost ends in the first two bytes of its sequence.
        return SpanPages(candidates: candidates, whole: candidates & (between | within1 & quoteEnds))
    }
}
