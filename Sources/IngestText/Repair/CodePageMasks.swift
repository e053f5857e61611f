/// For each character, which of the repairer's code pages can produce it, and which of them turn it into
/// a UTF-8 lead byte or a continuation byte, as bit sets with one bit per code page.
///
/// A span is worth decoding with a code page only when that page produces every character of it and
/// turns some character into a lead byte followed by a continuation byte (or by a stand-in for one: a
/// space, question mark or U+FFFD). Checking that for all code pages at once, in one pass over the span
/// with a few AND and OR operations per character, rejects nearly every code page before any bytes are
/// built; most spans of clean text are rejected by all of them.
struct CodePageMasks: Sendable {
    /// Bit set of code pages, bit `i` for `pages[i]`.
    typealias Pages = UInt32

    /// Masks for one character.
    struct Entry: Sendable {
        /// Pages that produce the character.
        var encodes: Pages
        /// Pages that turn it into a lead byte, 0xC2–0xF4.
        var lead: Pages
        /// Pages that turn it into a continuation byte, 0x80–0xBF, or read it as a stand-in for one.
        var continuation: Pages
    }

    private let pages: [CodePageReverseMap]
    /// Entries for every scalar below `flatLimit`, where all but two of the code pages' characters live.
    private let flat: [Entry]
    private let all: Pages
    private static let flatLimit: UInt32 = 0x2600

    init(_ pages: [CodePageReverseMap]) {
        precondition(pages.count <= Pages.bitWidth)
        self.pages = pages
        let all: Pages = pages.isEmpty ? 0 : Pages.max >> (Pages.bitWidth - pages.count)
        self.all = all
        flat = (0..<Self.flatLimit).map { value in
            Unicode.Scalar(value).map { Self.entry(for: $0, pages: pages, all: all) } ?? Entry(encodes: 0, lead: 0, continuation: 0)
        }
    }

    /// The masks the repairer's span reading implies: a space or question mark inside a span stands for a
    /// continuation byte in every code page, and so does U+FFFD (a byte the misreading lost).
    private static func entry(for scalar: Unicode.Scalar, pages: [CodePageReverseMap], all: Pages) -> Entry {
        switch scalar.value {
        case 0x20, 0x3F, 0xFFFD:
            return Entry(encodes: all, lead: 0, continuation: all)
        case 0..<0x80:
            // Spans hold no other ASCII; were one there, no page would read the span as repairable bytes.
            return Entry(encodes: 0, lead: 0, continuation: 0)
        default:
            var entry = Entry(encodes: 0, lead: 0, continuation: 0)
            for (index, page) in pages.enumerated() {
                guard let byte = page.byte(for: scalar) else { continue }
                let bit: Pages = 1 << index
                entry.encodes |= bit
                if byte >= 0xC2, byte <= 0xF4 { entry.lead |= bit }
                if byte >= 0x80, byte <= 0xBF { entry.continuation |= bit }
            }
            return entry
        }
    }

    @inline(__always)
    func entry(_ scalar: Unicode.Scalar) -> Entry {
        scalar.value < Self.flatLimit ? flat[Int(scalar.value)] : Self.entry(for: scalar, pages: pages, all: all)
    }

    /// Code pages that produce every character of `scalars[range]` and turn it into bytes with at least
    /// one lead byte followed by a continuation byte or a stand-in for one: the only pages whose reading
    /// of the span can yield a UTF-8 sequence.
    func candidates(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Pages {
        var encodes = all
        var pairs: Pages = 0
        var previousLead: Pages = 0
        for index in range {
            let entry = entry(scalars[index])
            encodes &= entry.encodes
            pairs |= previousLead & entry.continuation
            previousLead = entry.lead
        }
        return encodes & pairs
    }
}
