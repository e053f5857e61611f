extension MojibakeRepairer {
    /// The span encoded back with one code page and decoded as UTF-8 (leniently, see ``SpanDecoder``),
    /// for a code page ``CodePageMasks`` found able to read a sequence out of it: nil when no UTF-8
    /// sequence comes out, the result is no shorter than the span, or it reads as nothing plausible.
    /// What it reads is appended to `decoded`, and taken back off when the reading is rejected.
    func read(
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

    /// The span's units for one code page, decoded onto the end of `decoded`; nil, with nothing appended,
    /// when the code page cannot produce a character of the span.
    func decode(
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
    func classify(
        _ decoded: ArraySlice<Unicode.Scalar>, _ decoding: SpanDecoder.Decoding, _ scalars: [Unicode.Scalar], _ range: Range<Int>
    ) -> ReadingKind? {
        let next = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        guard decoding.sequences + decoding.lossy > 0, decoded.count - (decoding.keptSpace ? 1 : 0) < range.count, !decoding.keptLead else { return nil }
        let previous = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
        if Self.isAmbiguous(decoded, span: scalars[range], previous: previous, next: next) { return nil }
        // Whatever else it reads as, a repair is made of characters in everyday use.
        if decoded.contains(where: classes.isRare) { return nil }
        // "Ã " standing alone may be the letter itself ("Â is a letter"); at the end of a word ("voilÃ ")
        // it is a misread "à" whose 0xA0 became a space.
        if decoding.restoredSpaces == decoding.sequences, decoding.sequenceBytes == 2, decoding.lossy == 0, !(previous.map(Self.isLetter) ?? false) {
            return weak(decoded)
        }
        if decoding.kept == 0, decoding.lossy == 0, decoded.allSatisfy(classes.isPlausible) {
            if decoded.allSatisfy(classes.isExpected) { return .expected }
            if decoded.contains(where: { continuationImages.contains($0.value) }) { return .intermediate }
        }
        // Any other script, or a repair that keeps part of the span: one script, and enough bytes behind it
        // not to be a coincidence (a two-byte letter of an alphabet, or a whole character of three bytes).
        guard ScriptRun.isPlausible(decoded) else { return nil }
        let evidence = decoding.sequenceBytes + 2 * decoding.lossy + decoding.replacementCharacters
        guard evidence >= 3 || Self.isTwoByteLetter(decoded, span: scalars[range]) else {
            return weak(decoded)
        }
        return decoding.kept > 0 || decoding.lossy > 0 ? .partial : .foreign
    }

    /// A reading too short to stand alone, kept for texts that show its code page elsewhere: common
    /// letters and punctuation, with a letter or a lost character among them (a lone "³" or "ʽ" out of two
    /// Cyrillic letters is a coincidence).
    func weak(_ decoded: ArraySlice<Unicode.Scalar>) -> ReadingKind? {
        guard decoded.allSatisfy({ classes.isNeutral($0) || classes.isCommonLetter($0) }),
            decoded.contains(where: { $0.value == 0xFFFD || classes.isCommonLetter($0) })
        else { return nil }
        return .weak
    }

    /// One letter of an alphabet in two bytes, from a pair that looks like it: a letter, then a symbol
    /// or control that no word would put there (not a letter of Latin-1, not a no-break space). "Ä±"
    /// is Turkish ı; "ÅØ" is Norwegian and "Ä\u{A0}" a capital before a space.
    static func isTwoByteLetter(_ decoded: ArraySlice<Unicode.Scalar>, span: ArraySlice<Unicode.Scalar>) -> Bool {
        guard span.count == 2, decoded.count == 1, let first = span.first, let second = span.last, isLetter(first),
            !(0xC0...0xFF).contains(second.value), second.value != 0xA0
        else { return false }
        return isCommonLetter(decoded[decoded.startIndex])
    }

    /// Repairs that clean text produces as easily as mojibake does: a capital followed by an apostrophe
    /// ("Ã’s" is "Ã's", not "Òs"), and a no-break space inside a word in capitals ("MISUTÂ AJIKKO").
    /// Also a letter followed by a symbol ("AHÅ™", "10 Å—", "DATĂ™"), unless the repair is a letter
    /// of these languages' own ("siÄ™" is "się").
    static func isAmbiguous(
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
}
