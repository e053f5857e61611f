/// Decodes a span of mojibake, encoded back to the bytes it was read from, as UTF-8 the way it reaches
/// pages in the wild rather than the way a strict decoder wants it.
///
/// Three kinds of damage are undone, because scrapers and editors leave them behind far more often than
/// a span of clean text happens to fit them:
/// - a byte the misreading code page had no character for was dropped or became "?" or U+FFFD: the
///   sequence it belonged to becomes U+FFFD, which says honestly that a character was lost;
/// - the 0xA0 continuation byte was shown as a no-break space and then turned into a plain one ("Ã " for
///   "à"): it is taken back;
/// - characters beyond U+FFFF were written as two UTF-16 halves, each encoded as three bytes (CESU-8,
///   "í\u{A0}½í¸\u{8D}" for 😍): the halves are joined.
///
/// Bytes that start no sequence keep the character that stood there, so a span that mixes correct text
/// with mojibake ("’Ã©" in "l’Ã©galité") gets only its broken part replaced.
struct SpanDecoder {
    /// A unit of a span: a byte, or a stand-in for one that may have been lost or altered.
    enum Unit: Equatable {
        case byte(UInt8)
        /// An ASCII space after a lead byte: possibly a no-break space (0xA0) that lost its nature.
        case space
        /// An ASCII question mark after a lead byte: possibly what an encoder wrote for a byte it lacked.
        case question
        /// U+FFFD: a byte that the misreading could not decode.
        case lost

        // Asked by pattern rather than `==`, which the compiler leaves a call per comparison.
        var isSpace: Bool {
            if case .space = self { return true }
            return false
        }

        var isQuestion: Bool {
            if case .question = self { return true }
            return false
        }

        var isLost: Bool {
            if case .lost = self { return true }
            return false
        }

        func isByte(_ value: UInt8) -> Bool {
            if case .byte(let byte) = self { return byte == value }
            return false
        }
    }

    struct Decoding {
        /// Characters written to the caller's buffer.
        var count = 0
        /// Complete UTF-8 sequences decoded.
        var sequences = 0
        /// Sequences that had a byte lost, now U+FFFD.
        var lossy = 0
        /// Lossy sequences completed by a U+FFFD the text already had: firmer than a question mark.
        var replacementCharacters = 0
        /// Sequences completed by taking a plain space back as 0xA0.
        var restoredSpaces = 0
        /// Non-ASCII characters kept because they start no sequence.
        var kept = 0
        /// A kept character that is the image of a lead byte: an unfinished sequence.
        var keptLead = false
        /// A space kept after "à" whose 0xA0 was dropped: the one way decoding adds a character.
        var keptSpace = false
        /// UTF-8 bytes of the decoded sequences, a measure of how much evidence the repair rests on.
        var sequenceBytes = 0
    }

    /// Lead bytes of two-byte sequences whose 0xA0 continuation is a common character (à, no-break space,
    /// Š, Π, Р, ٠), the ones where a lost 0xA0 is worth taking back.
    static func restoresSpace(afterLead lead: UInt8) -> Bool {
        switch lead {
        case 0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9: return true
        default: return false
        }
    }

    /// Portuguese contractions of "à": "Ã s" is "às" (the space was the 0xA0), where "Ã le" is "à le" (the
    /// 0xA0 was dropped and the space is a word break).
    private static let contractions: [[UInt8]] = ["s", "quele", "queles", "quela", "quelas", "quilo", "quilos"].map { Array($0.utf8) }

    /// Whether the word starting at `start` is one of the contractions, ended by something other than an
    /// apostrophe ("s'éloigner" is a French word, not "às").
    private static func startsContraction(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var end = start
        while end < scalars.count, (0x61...0x7A).contains(scalars[end].value) { end += 1 }
        guard end > start else { return false }
        if end < scalars.count, [0x27, 0x2019].contains(scalars[end].value) || MojibakeRepairer.isLetter(scalars[end]) { return false }
        let word = scalars[start..<end].map { UInt8($0.value) }
        return contractions.contains(word)
    }

    /// Decodes `units`, which stand for `scalars[range]`, writing the characters to `decoded`, which has
    /// room for as many as there are units (no unit yields more than one character but the space kept
    /// after "à", which follows a sequence of two); `scalars` is the whole text, for context. The caller's
    /// buffer lives on the stack: most readings are rejected, and neither an array of their own nor
    /// appending to a shared one pays for that.
    static func decode(
        _ units: UnsafeBufferPointer<Unit>, of scalars: [Unicode.Scalar], range: Range<Int>, into decoded: UnsafeMutableBufferPointer<Unicode.Scalar>
    ) -> Decoding {
        var out = Decoding()
        var written = 0
        func write(_ scalar: Unicode.Scalar) {
            decoded[written] = scalar
            written += 1
        }
        var index = 0
        while index < units.count {
            if case .byte(let lead) = units[index], lead >= 0xC2, lead <= 0xF4,
                let (scalar, length, lost) = sequence(units, at: index, lead: lead),
                !(lead != 0xC2 && units[index + length - 1].isSpace && index + length == units.count && followsCapital(scalars, range))
            {
                if lost {
                    write("\u{FFFD}")
                    out.lossy += 1
                    if units[index..<index + length].contains(where: \.isLost) { out.replacementCharacters += 1 }
                } else {
                    if units[index..<index + length].contains(where: \.isSpace) { out.restoredSpaces += 1 }
                    write(scalar)
                    out.sequences += 1
                    out.sequenceBytes += length
                    // "Ã " before a word: the 0xA0 was dropped and the space is the word break, unless the
                    // word is a contraction of "à".
                    if length == 2, units[index + 1].isSpace, index + 2 == units.count, range.upperBound < scalars.count,
                        MojibakeRepairer.isLetter(scalars[range.upperBound]), lead == 0xC3,
                        !startsContraction(scalars, at: range.upperBound)
                    {
                        write(" ")
                        out.keptSpace = true
                    }
                }
                index += length
                continue
            }
            switch units[index] {
            case .space: write(" ")
            case .question: write("?")
            case .lost: write("\u{FFFD}")
            case .byte(let byte):
                let original = scalars[range.lowerBound + index]
                write(original)
                if original.value >= 0x80 {
                    out.kept += 1
                    // Before a space or question mark the span took in, the lead is just the end of a word.
                    let standsBeforeStandIn = index + 1 < units.count && (units[index + 1].isSpace || units[index + 1].isQuestion)
                    if byte >= 0xC2, byte <= 0xF4, !standsBeforeStandIn { out.keptLead = true }
                }
            }
            index += 1
        }
        out.count = written
        return out
    }

    /// ``decode(_:of:range:into:)`` for a span without stand-ins, every unit a byte: the same decoding,
    /// without the cases only stand-ins give rise to.
    static func decode(
        bytes: UnsafeBufferPointer<UInt8>, of scalars: [Unicode.Scalar], range: Range<Int>, into decoded: UnsafeMutableBufferPointer<Unicode.Scalar>
    ) -> Decoding {
        var out = Decoding()
        var written = 0
        var index = 0
        let count = bytes.count
        // Wrapping arithmetic: every count stays below the span's length.
        while index < count {
            let lead = bytes[index]
            // Two-byte sequences, nearly all of what misread Cyrillic and Latin letters hold, are decoded
            // here; every value they give (U+0080–U+07FF) is a scalar.
            if lead >= 0xC2, lead < 0xE0, index &+ 1 < count, bytes[index &+ 1] & 0xC0 == 0x80,
                let scalar = Unicode.Scalar(UInt32(lead & 0x1F) &<< 6 | UInt32(bytes[index &+ 1] & 0x3F))
            {
                decoded[written] = scalar
                written &+= 1
                out.sequences &+= 1
                out.sequenceBytes &+= 2
                index &+= 2
                continue
            }
            if lead >= 0xE0, lead <= 0xF4, let (scalar, length) = sequence(bytes, at: index, lead: lead) {
                decoded[written] = scalar
                written &+= 1
                out.sequences &+= 1
                out.sequenceBytes &+= length
                index &+= length
                continue
            }
            let original = scalars[range.lowerBound &+ index]
            decoded[written] = original
            written &+= 1
            if original.value >= 0x80 {
                out.kept &+= 1
                if lead >= 0xC2, lead <= 0xF4 { out.keptLead = true }
            }
            index &+= 1
        }
        out.count = written
        return out
    }

    /// The sequence of three or four plain bytes starting at `index` (a lead from E0 on; two-byte
    /// sequences are read in the caller's loop): its scalar and its length in bytes.
    private static func sequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> (Unicode.Scalar, Int)? {
        let length = lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let second = bytes[index + 1]
        switch lead {
        case 0xE0 where second < 0xA0, 0xF0 where second < 0x90, 0xF4 where second > 0x8F:
            return nil
        case 0xED where second >= 0xA0:
            // The high half of a surrogate pair: only valid joined with a low half.
            guard second <= 0xAF, index + 6 <= bytes.count, bytes[index + 3] == 0xED, (0xB0...0xBF).contains(bytes[index + 4]),
                (0x80...0xBF).contains(bytes[index + 5])
            else { return nil }
            let low = 0xD000 | UInt32(bytes[index + 4] & 0x3F) << 6 | UInt32(bytes[index + 5] & 0x3F)
            let combined = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(combined).map { ($0, 6) }
        default:
            return Unicode.Scalar(value).map { ($0, length) }
        }
    }

    /// A capital right after the span: "S Ã O" is a word spaced out in capitals, not "à" (a no-break
    /// space, C2 A0, is as likely before a capital as anywhere).
    private static func followsCapital(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        range.upperBound < scalars.count && MojibakeRepairer.isUppercase(scalars[range.upperBound])
    }

    /// The sequence starting at `index`: its scalar, its length in units, and whether a byte of it was lost.
    private static func sequence(_ units: UnsafeBufferPointer<Unit>, at index: Int, lead: UInt8) -> (Unicode.Scalar, Int, Bool)? {
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= units.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        var substitutes = 0
        var lost = false
        var second: UInt8 = 0
        for offset in 1..<length {
            var byte: UInt8
            switch units[index + offset] {
            case .byte(let b) where (0x80...0xBF).contains(b):
                byte = b
            case .space:
                // Only one altered byte per sequence, and in a two-byte sequence only after a lead whose
                // 0xA0 character is common.
                guard substitutes == 0, length > 2 || restoresSpace(afterLead: lead) else { return nil }
                substitutes += 1
                byte = 0xA0
            case .question:
                guard substitutes == 0, length > 2 || lead == 0xC2 || lead == 0xC3 else { return nil }
                substitutes += 1
                lost = true
                byte = 0x80
            case .lost:
                substitutes += 1
                lost = true
                byte = 0x80
            default:
                return nil
            }
            if offset == 1 { second = byte }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // A sequence made of nothing but its lead and stand-ins is too little to go on.
        if lost { return substitutes < length - 1 || length == 2 ? ("\u{FFFD}", length, true) : nil }
        switch lead {
        case 0xE0 where second < 0xA0, 0xF0 where second < 0x90, 0xF4 where second > 0x8F:
            return nil
        case 0xED where second >= 0xA0:
            // The high half of a surrogate pair: only valid joined with a low half.
            guard second <= 0xAF, index + 6 <= units.count, units[index + 3].isByte(0xED),
                case .byte(let lowSecond) = units[index + 4], (0xB0...0xBF).contains(lowSecond),
                case .byte(let lowThird) = units[index + 5], (0x80...0xBF).contains(lowThird)
            else { return nil }
            let low = 0xD000 | UInt32(lowSecond & 0x3F) << 6 | UInt32(lowThird & 0x3F)
            let combined = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(combined).map { ($0, 6, false) }
        default:
            return Unicode.Scalar(value).map { ($0, length, false) }
        }
    }
}
