extension MojibakeRepairer {
    /// The span encoded back with one code page and decoded as UTF-8 (leniently, see ``SpanDecoder``),
    /// for a code page ``CodePageMasks`` found able to read a sequence out of it: nil when no UTF-8
    /// sequence comes out, the result is no shorter than the span, or it reads as nothing plausible.
    /// The reading is made and judged on the stack, and only a reading kept is appended to `decoded`.
    func read(_ scalars: [Unicode.Scalar], _ range: Range<Int>, page: Int, into decoded: inout [Unicode.Scalar]) -> Reading? {
        // As many characters as units at most, and one unit more than the span at most.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: range.count + 1) { buffer -> Reading? in
            guard let decoding = decode(scalars, range, page: page, into: buffer) else { return nil }
            let reading = UnsafeBufferPointer(rebasing: buffer[0..<decoding.count])
            // Scalars are trivial: nothing to deinitialize when the buffer goes.
            guard let kind = classify(reading, decoding, scalars, range) else { return nil }
            let start = decoded.count
            decoded.append(contentsOf: reading)
            return Self.reading(kind, start..<decoded.count)
        }
    }

    private static func reading(_ kind: ReadingKind, _ read: Range<Int>) -> Reading {
        switch kind {
        case .expected(let capitals): return .expected(read, capitals: capitals)
        case .intermediate: return .intermediate(read)
        case .partial: return .partial(read)
        case .foreign: return .foreign(read)
        case .weak: return .weak(read)
        }
    }

    /// The span's units for one code page, decoded into `decoded` (room for one character more than the
    /// span has); nil when the code page cannot produce a character of the span.
    func decode(
        _ scalars: [Unicode.Scalar], _ range: Range<Int>, page: Int, into decoded: UnsafeMutableBufferPointer<Unicode.Scalar>
    ) -> SpanDecoder.Decoding? {
        let next = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        let base = page * Self.reverseFlatLimit
        // Most spans are nothing but characters the page has bytes for: those are decoded as plain bytes,
        // and only a span with a stand-in (a space or question mark it took in, or U+FFFD) as units.
        var standIns = false
        let plain = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count + 1) { bytes -> SpanDecoder.Decoding? in
            // Through the buffers, with the range checked once: this loop runs for every reading of every
            // span, most of them thrown away.
            precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count)
            let missing = scalars.withUnsafeBufferPointer { scalars in
                reverseBytes.withUnsafeBufferPointer { table -> Unicode.Scalar? in
                    let pageTable = table.baseAddress! + base
                    var count = 0
                    for index in range {
                        let scalar = scalars[index]
                        let value = scalar.value
                        let byte = value < Self.reverseFlatLimit ? pageTable[Int(value)] : value == 0xFFFD ? 0 : reverse[page].byte(for: scalar) ?? 0
                        guard byte != 0 else { return scalar }
                        bytes.initializeElement(at: count, to: byte)
                        count &+= 1
                    }
                    return nil
                }
            }
            if let missing {
                standIns = missing.value == 0x20 || missing.value == 0x3F || missing.value == 0xFFFD
                return nil
            }
            var count = range.count
            // A closing ” is E2 80 9D, and 0x9D is undefined in windows-1252 and -874: scrapers drop it,
            // leaving "â€" before a space. Restore it only there.
            if count >= 2, bytes[count - 2] == 0xE2, bytes[count - 1] == 0x80, next.map({ !classes.answer(.letter, for: $0) }) ?? true {
                bytes.initializeElement(at: count, to: 0x9D)
                count += 1
            }
            return SpanDecoder.decode(bytes: UnsafeBufferPointer(rebasing: bytes[0..<count]), of: scalars, range: range, into: decoded)
        }
        guard standIns else { return plain }
        // The units live on the stack: most readings are thrown away, and this runs for every one.
        let decoding = withUnsafeTemporaryAllocation(of: SpanDecoder.Unit.self, capacity: range.count + 1) { buffer -> SpanDecoder.Decoding? in
            var count = 0
            for index in range {
                let scalar = scalars[index]
                let unit: SpanDecoder.Unit
                switch scalar.value {
                case 0x20: unit = standsInForLostByte(scalars, at: index, range, page: page) ? .space : .byte(0x20)
                case 0x3F: unit = .question
                case 0xFFFD: unit = .lost
                case let value where value < Self.reverseFlatLimit:
                    let byte = reverseBytes[base + Int(value)]
                    guard byte != 0 else { return nil }
                    unit = .byte(byte)
                default:
                    guard let byte = reverse[page].byte(for: scalar) else { return nil }
                    unit = .byte(byte)
                }
                buffer.initializeElement(at: count, to: unit)
                count += 1
            }
            // As above, and the same before a space the span took in.
            if count >= 2, buffer[count - 2].isByte(0xE2), buffer[count - 1].isByte(0x80), next.map({ !Self.isLetter($0) }) ?? true {
                buffer.initializeElement(at: count, to: .byte(0x9D))
                count += 1
            } else if count >= 3, buffer[count - 3].isByte(0xE2), buffer[count - 2].isByte(0x80), buffer[count - 1].isSpace {
                // ” is far commoner than the † E2 80 A0 would make.
                buffer.initializeElement(at: count, to: .space)
                buffer[count - 1] = .byte(0x9D)
                count += 1
            }
            // Units are a trivial enum: nothing to deinitialize when the buffer goes.
            return SpanDecoder.decode(UnsafeBufferPointer(rebasing: buffer[0..<count]), of: scalars, range: range, into: decoded)
        }
        return decoding
    }

    /// Whether the space at `index`, which the span took in because some code page's byte before it may
    /// have lost its 0xA0 (``isStandIn(_:at:)``), stands for that byte in `page`: only where this page's
    /// own bytes call for it, by the same rules. Elsewhere it is the space it looks like. Another page's
    /// lead there is a coincidence: "е" is a two-byte lead in KOI8-R, so "е „" takes the space in, but in
    /// windows-1251 it is E5, and E5 A0 84 would be "堄"; in IBM866 "те " would be E2 A5 A0, "⥠".
    func standsInForLostByte(_ scalars: [Unicode.Scalar], at index: Int, _ range: Range<Int>, page: Int) -> Bool {
        func byte(at position: Int) -> UInt8 {
            let value = scalars[position].value
            if value < Self.reverseFlatLimit { return reverseBytes[page * Self.reverseFlatLimit + Int(value)] }
            return reverse[page].byte(for: scalars[position]) ?? 0
        }
        guard index > range.lowerBound else { return false }
        let before = byte(at: index - 1)
        switch before {
        case 0xC2...0xDF:
            return SpanDecoder.restoresSpace(afterLead: before)
        case 0xE2, 0xE3:
            return spacedThreeByteLeadImages.contains(scalars[index - 1].value)
        case 0x80...0xBF:
            guard index - 2 >= range.lowerBound, (0xE0...0xEF).contains(byte(at: index - 2)) else { return false }
            return spacedThreeByteLeadImages.contains(scalars[index - 2].value) || !endsWord(scalars, at: index - 1)
        default:
            return false
        }
    }

    /// Whether a span's reading is a repair, and of which kind: nil when no UTF-8 sequence came out, the
    /// result is no shorter than the span, or it reads as nothing plausible.
    func classify(
        _ decoded: UnsafeBufferPointer<Unicode.Scalar>, _ decoding: SpanDecoder.Decoding, _ scalars: [Unicode.Scalar], _ range: Range<Int>
    ) -> ReadingKind? {
        let next = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        guard decoding.sequences + decoding.lossy > 0, decoded.count - (decoding.keptSpace ? 1 : 0) < range.count, !decoding.keptLead else { return nil }
        let previous = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
        // A two-character span read as one character, which the rules for the shortest readings look at.
        let pair = decoded.count == 1 && range.count == 2 ? (scalars[range.lowerBound], scalars[range.lowerBound + 1]) : nil
        if let pair, Self.isAmbiguous(decoded[0], span: pair, previous: previous, next: next) {
            return weakSign(decoded[0], span: pair)
        }
        // A combining mark marks the character before it, a letter, a digit or a sign ("$̶6̶3̶", "'̀"), but
        // never a space: "148 Ã\u{97} 210" is "×" in windows-1252, not U+0317 in Mac Roman.
        if let first = decoded.first, (0x300...0x36F).contains(first.value), previous.map({ $0.properties.isWhitespace }) ?? true { return nil }
        let answers = classes.answers(over: decoded)
        // Whatever else it reads as, a repair is made of characters in everyday use.
        if answers.some & ScalarClasses.Question.rare.rawValue != 0 { return nil }
        // "Ã " standing alone may be the letter itself ("Â is a letter"); at the end of a word ("voilÃ ")
        // it is a misread "à" whose 0xA0 became a space.
        if decoding.restoredSpaces == decoding.sequences, decoding.sequenceBytes == 2, decoding.lossy == 0, !(previous.map(Self.isLetter) ?? false) {
            return weak(decoded)
        }
        if decoding.kept == 0, decoding.lossy == 0, answers.every & ScalarClasses.Question.plausible.rawValue != 0 {
            if answers.every & ScalarClasses.Question.expected.rawValue != 0 {
                let capitals: Capitals =
                    answers.capitalAfterSmall ? .afterSmall : answers.some & ScalarClasses.Question.uppercase.rawValue != 0 ? .notAfterSmall : .none
                return .expected(capitals: capitals)
            }
            if decoded.contains(where: { continuationImages.contains($0.value) }) { return .intermediate }
        }
        // Any other script, or a repair that keeps part of the span: one script, and enough bytes behind it
        // not to be a coincidence (a two-byte letter of an alphabet, or a whole character of three bytes).
        guard ScriptRun.isPlausible(decoded) else { return nil }
        // A reading that takes the last small letter of a word of these languages (a letter no misreading
        // gives away) into another script is a coincidence: "dać\u{A0}– „" is Polish with a no-break space
        // before a dash, and "ć", the no-break space and the dash are E6 A0 96 in windows-1250, "栖".
        let first = scalars[range.lowerBound]
        if let previous, let read = decoded.first, isPlainOwnLetter(first), classes.answer(.lowercase, for: first),
            classes.answer(.letter, for: previous), classes.sameScript(previous, first),
            !classes.sameScript(previous, read)
        {
            return nil
        }
        // Nor is one that makes a single character of another script out of a whole word of these
        // languages' letters, none a give-away, and the sign glued to it: Ukrainian "зі™ „" is E7 B3 99 in
        // windows-1251, "糙".
        if decoded.count == 1, let read = decoded.first, !classes.sameScript(first, read), isWholeOwnWordAndSign(scalars, range) {
            return nil
        }
        let evidence = decoding.sequenceBytes + 2 * decoding.lossy + decoding.replacementCharacters
        guard evidence >= 3 || pair.map({ Self.isTwoByteLetter(decoded[0], span: $0) }) ?? false else {
            return weak(decoded) ?? pair.flatMap { weakSign(decoded[0], span: $0) }
        }
        // A reading that keeps part of the span must undo some of what made it suspicious: one that keeps
        // every give-away character explains none of them. "„дії”" in Ukrainian is "„", three letters
        // and "”", and windows-1251 reads the letters alone as E4 B3 BF, "䳿".
        if decoding.kept > 0, keepsEveryGiveAway(decoded, of: scalars[range]) { return nil }
        return decoding.kept > 0 || decoding.lossy > 0 ? .partial : .foreign
    }

    /// Whether the span starts a word of two or more letters of these languages, none a give-away, and the
    /// word ends inside the span, before a character that is no letter.
    func isWholeOwnWordAndSign(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        if range.lowerBound > 0, classes.answer(.letter, for: scalars[range.lowerBound - 1]) { return false }
        var letters = 0
        for index in range {
            let scalar = scalars[index]
            guard classes.answer(.letter, for: scalar) else { return letters >= 2 }
            guard isPlainOwnLetter(scalar) else { return false }
            letters += 1
        }
        return false
    }

    /// Whether `decoded` holds as many give-away characters as the span it was read from, and the span
    /// has one.
    func keepsEveryGiveAway(_ decoded: UnsafeBufferPointer<Unicode.Scalar>, of span: ArraySlice<Unicode.Scalar>) -> Bool {
        let before = span.reduce(0) { $0 + (isSuspicious($1) ? 1 : 0) }
        return before > 0 && decoded.reduce(0) { $0 + (isSuspicious($1) ? 1 : 0) } >= before
    }

    /// A reading too short to stand alone, kept for texts that show its code page elsewhere: common
    /// letters and punctuation, with a letter or a lost character among them (a lone "³" or "ʽ" out of two
    /// Cyrillic letters is a coincidence).
    func weak(_ decoded: UnsafeBufferPointer<Unicode.Scalar>) -> ReadingKind? {
        guard decoded.allSatisfy({ classes.answer(.neutral, for: $0) || classes.answer(.commonLetter, for: $0) }),
            decoded.contains(where: { $0.value == 0xFFFD || classes.answer(.commonLetter, for: $0) })
        else { return nil }
        return .weak
    }

    /// A sign of running text beyond ASCII ("×", "§", "°", "±", "´": Latin-1's signs) read out of a
    /// two-character span that holds a sign itself ("Ã—" for "×", Mac Roman's "¬ß" for "§"). Alone that is
    /// as likely a formula or an emoticon, so it is weak: taken only where the text has shown its code page
    /// ("148 Ã— 210 мм" in Ukrainian text misread throughout). Two letters are left alone: a lone "³" out of
    /// two Cyrillic letters is a coincidence.
    func weakSign(_ only: Unicode.Scalar, span: (Unicode.Scalar, Unicode.Scalar)) -> ReadingKind? {
        let value = only.value
        guard (0xA1...0xBF).contains(value) || value == 0xD7 || value == 0xF7, !(Self.isLetter(span.0) && Self.isLetter(span.1)) else { return nil }
        return .weak
    }

    /// One letter of an alphabet in two bytes, from a pair that looks like it: a letter, then a symbol
    /// or control that no word would put there (not a letter of Latin-1, not a no-break space). "Ä±"
    /// is Turkish ı; "ÅØ" is Norwegian and "Ä\u{A0}" a capital before a space. `only` is the one
    /// character the two-character span reads as.
    static func isTwoByteLetter(_ only: Unicode.Scalar, span: (Unicode.Scalar, Unicode.Scalar)) -> Bool {
        guard isLetter(span.0), !(0xC0...0xFF).contains(span.1.value), span.1.value != 0xA0 else { return false }
        return isCommonLetter(only)
    }

    /// Repairs that clean text produces as easily as mojibake does: a capital followed by an apostrophe
    /// ("Ã’s" is "Ã's", not "Òs"), and a no-break space inside a word in capitals ("MISUTÂ AJIKKO").
    /// Also a letter followed by a symbol ("AHÅ™", "10 Å—", "DATĂ™"), unless the repair is a letter
    /// of these languages' own ("siÄ™" is "się"). Only a two-character span that reads as one character
    /// (`only`) is ever this ambiguous.
    static func isAmbiguous(
        _ only: Unicode.Scalar, span: (Unicode.Scalar, Unicode.Scalar), previous: Unicode.Scalar?, next: Unicode.Scalar?
    ) -> Bool {
        let last = span.1
        let isASCIILower = next.map { (0x61...0x7A).contains($0.value) } ?? false
        let afterLetter = previous.map(isLetter) ?? false
        switch last.value {
        case 0x2018, 0x2019, 0xB4:
            if isASCIILower, !afterLetter, only.value < 0x250 { return true }
        case 0x2122, 0x2013, 0x2014:
            // Ã and Â, images of the commonest lead bytes, end hardly any real word; other capitals before
            // ™ or a dash may be a name ("AHÅ™", "NICIODATĂ™").
            let commonLead = span.0.value == 0xC3 || span.0.value == 0xC2
            if !(next.map(isLetter) ?? false), !isOwnLetter(only), !commonLead { return true }
        default:
            break
        }
        // A span standing alone that starts with a symbol ("√π", "¬´") is as likely a formula or an
        // emoticon as a misread letter; alone it is kept unless it reads as a one-letter Cyrillic word.
        let touchesLetter = afterLetter || (next.map(isLetter) ?? false)
        if !touchesLetter, !isLetter(span.0), !(0x400...0x45F).contains(only.value) { return true }
        let isUpper: (Unicode.Scalar?) -> Bool = { $0.map { (0x41...0x5A).contains($0.value) } ?? false }
        return only.value == 0xA0 && isUpper(previous) && isUpper(next)
    }
}
