/// Whether bytes are UTF-8, and whether they need to be (pure ASCII reads the same in every encoding
/// strip handles).
enum UTF8Validation {
    enum Verdict: Equatable {
        case ascii
        case valid
        /// Invalid, with how many valid multi-byte sequences and invalid bytes were seen.
        case invalid(validSequences: Int, invalidBytes: Int)
    }

    /// - Parameter ratio: what the caller asks of an invalid page, at most: whether its valid sequences
    ///   number at least `ratio` times its invalid bytes (`.max`: nothing beyond its being invalid). The
    ///   counts are exact whenever that can still be so; otherwise counting stops where the answer is no.
    static func check(_ bytes: [UInt8], validPerInvalid ratio: Int = 1) -> Verdict {
        bytes.withUnsafeBufferPointer { buffer in
            // Pages are mostly ASCII markup: skip it eight bytes at a time, and only walk the rest.
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return .ascii }
            var index = 0
            while index + 8 <= buffer.count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            while index < buffer.count, buffer[index] < 0x80 { index += 1 }
            if index == buffer.count { return .ascii }
            return check(buffer, from: index, base: base, ratio: ratio)
        }
    }

    /// The same check as over any collection, for a page in memory: the ASCII between non-ASCII
    /// characters (markup, spaces, digits) is skipped eight bytes at a time there too.
    ///
    /// Counting stops once the invalid bytes, `ratio` times over, outnumber every valid sequence the page
    /// could still hold (those seen, and one per two bytes left): a legacy-encoded page is then known to
    /// be no UTF-8 the caller would accept without walking all of it, and a caller that only asks whether a
    /// page is UTF-8 at all stops at its first invalid byte. Callers compare the two counts only in ways
    /// that this cannot change.
    private static func check(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, base: UnsafeRawPointer, ratio: Int)
        -> Verdict
    {
        var validSequences = 0
        var invalidBytes = 0
        var index = start
        let count = buffer.count
        // Where the bytes are of neither shape a block reads at once, they are read one by one up to here.
        var bytewiseUntil = start
        scan: while index < count {
            if index >= bytewiseUntil, index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let block = Block(word)
                if let sequences = block.validSequences {
                    validSequences += sequences.count
                    index += sequences.length
                    continue
                }
                if let (invalid, length) = block.invalidBytes,
                    !settled(invalid: invalidBytes + invalid, valid: validSequences, left: count - index - length, ratio: ratio)
                {
                    // Reading on byte by byte would count the same: none of these was the one that settles.
                    invalidBytes += invalid
                    index += length
                    continue
                }
                // Text of neither shape (ibm866's letters are continuation bytes) tends to go on so.
                bytewiseUntil = index + 32
            }
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                while index + 8 <= count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                continue
            }
            // Two-byte sequences (Cyrillic, most Polish letters) are most of a non-ASCII page: one step each.
            if lead >= 0xC2, lead <= 0xDF, index + 1 < count, buffer[index + 1] & 0xC0 == 0x80 {
                validSequences += 1
                index += 2
                continue
            }
            index += 1
            // A byte that starts no sequence, or a two-byte lead without its continuation, is one invalid
            // byte: most of the non-ASCII bytes of a legacy page, which is walked until it is plainly not UTF-8.
            if lead <= 0xDF || lead > 0xF4 {
                invalidBytes += 1
                if settled(invalid: invalidBytes, valid: validSequences, left: count - index, ratio: ratio) { break scan }
                continue
            }
            let (length, minSecond, maxSecond): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (length, minSecond, maxSecond) = (1, 0x80, 0xBF)
            case 0xE0: (length, minSecond, maxSecond) = (2, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, minSecond, maxSecond) = (2, 0x80, 0xBF)
            case 0xED: (length, minSecond, maxSecond) = (2, 0x80, 0x9F)
            case 0xF0: (length, minSecond, maxSecond) = (3, 0x90, 0xBF)
            case 0xF1...0xF3: (length, minSecond, maxSecond) = (3, 0x80, 0xBF)
            case 0xF4: (length, minSecond, maxSecond) = (3, 0x80, 0x8F)
            default:
                invalidBytes += 1
                if settled(invalid: invalidBytes, valid: validSequences, left: count - index, ratio: ratio) { break scan }
                continue
            }
            var ok = true
            for position in 0..<length {
                guard index < count else {
                    ok = false
                    break
                }
                let next = buffer[index]
                let low: UInt8 = position == 0 ? minSecond : 0x80
                let high: UInt8 = position == 0 ? maxSecond : 0xBF
                // A byte that cannot continue the sequence is read again as the start of the next one.
                if next < low || next > high {
                    ok = false
                    break
                }
                index += 1
            }
            if ok {
                validSequences += 1
            } else {
                invalidBytes += 1
                if settled(invalid: invalidBytes, valid: validSequences, left: count - index, ratio: ratio) { break scan }
            }
        }
        if invalidBytes > 0 { return .invalid(validSequences: validSequences, invalidBytes: invalidBytes) }
        return validSequences == 0 ? .ascii : .valid
    }

    /// Eight bytes read at once, for the two shapes most of a page's non-ASCII text takes: two-byte
    /// sequences (Cyrillic and most Polish letters in UTF-8) and, on a legacy page, bytes none of which
    /// continues a sequence. Bit 7 of each byte of the masks says whether the byte is of that kind.
    private struct Block {
        /// Bytes 10xxxxxx, which can only continue a sequence.
        let continuations: UInt64
        /// Bytes 110xxxxx from C2 on, which start a two-byte sequence.
        let twoByteLeads: UInt64
        /// Bytes beyond ASCII.
        let nonASCII: UInt64
        /// Bytes C0 and C1, which start no sequence, and bytes from E0 on, which start a longer one.
        let others: UInt64

        private static let high: UInt64 = 0x8080_8080_8080_8080
        private static let lastByte: UInt64 = 0x80 << 56

        init(_ word: UInt64) {
            let bit6 = (word << 1) & Self.high
            let bit5 = (word << 2) & Self.high
            nonASCII = word & Self.high
            continuations = nonASCII & ~bit6
            let leads = nonASCII & bit6 & ~bit5
            // C0 and C1 are the leads whose bits 1-4 are all clear.
            let payload = word & 0x1E1E_1E1E_1E1E_1E1E
            let nonzeroPayload = (((payload & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | payload) & Self.high
            twoByteLeads = leads & nonzeroPayload
            others = (leads & ~nonzeroPayload) | (nonASCII & bit6 & bit5)
        }

        /// How many bytes a mask marks: one multiply adds up the eight bytes' bits (the build targets no
        /// population-count instruction, and the portable count takes a dozen steps).
        private static func count(_ mask: UInt64) -> Int {
            Int(((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
        }

        /// When the bytes are ASCII and whole two-byte sequences, the last lead's continuation possibly in
        /// the next block: how many sequences end here, and how many bytes they and the ASCII take.
        var validSequences: (count: Int, length: Int)? {
            guard others == 0, continuations == twoByteLeads << 8 else { return nil }
            let count = Self.count(twoByteLeads)
            return twoByteLeads & Self.lastByte == 0 ? (count, 8) : (count - 1, 7)
        }

        /// When no byte after the first continues a sequence, every non-ASCII byte before the last is one
        /// invalid byte, as is the last unless it is ASCII: how many there are, and how many bytes they and
        /// the ASCII take (the last non-ASCII byte is left to the next block, which sees what follows it).
        var invalidBytes: (count: Int, length: Int)? {
            guard continuations & ~0x80 == 0, nonASCII != 0 else { return nil }
            let count = Self.count(nonASCII)
            return nonASCII & Self.lastByte == 0 ? (count, 8) : (count - 1, 7)
        }
    }

    /// Whether `invalid` bytes, `ratio` times over, outnumber the valid sequences seen and every one that
    /// `left` more bytes could hold.
    @inline(__always)
    private static func settled(invalid: Int, valid: Int, left: Int, ratio: Int) -> Bool {
        let (scaled, overflow) = invalid.multipliedReportingOverflow(by: ratio)
        return overflow || scaled > valid + left / 2
    }

    static func check(_ bytes: some Collection<UInt8>) -> Verdict {
        var validSequences = 0
        var invalidBytes = 0
        var iterator = bytes.makeIterator()
        var pending: UInt8? = nil
        while let lead = pending ?? iterator.next() {
            pending = nil
            if lead < 0x80 { continue }
            let (count, minSecond, maxSecond): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (count, minSecond, maxSecond) = (1, 0x80, 0xBF)
            case 0xE0: (count, minSecond, maxSecond) = (2, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (count, minSecond, maxSecond) = (2, 0x80, 0xBF)
            case 0xED: (count, minSecond, maxSecond) = (2, 0x80, 0x9F)
            case 0xF0: (count, minSecond, maxSecond) = (3, 0x90, 0xBF)
            case 0xF1...0xF3: (count, minSecond, maxSecond) = (3, 0x80, 0xBF)
            case 0xF4: (count, minSecond, maxSecond) = (3, 0x80, 0x8F)
            default:
                invalidBytes += 1
                continue
            }
            var ok = true
            for index in 0..<count {
                guard let next = iterator.next() else {
                    ok = false
                    break
                }
                let low: UInt8 = index == 0 ? minSecond : 0x80
                let high: UInt8 = index == 0 ? maxSecond : 0xBF
                if next < low || next > high {
                    ok = false
                    pending = next
                    break
                }
            }
            if ok { validSequences += 1 } else { invalidBytes += 1 }
        }
        if invalidBytes > 0 { return .invalid(validSequences: validSequences, invalidBytes: invalidBytes) }
        return validSequences == 0 ? .ascii : .valid
    }
}
