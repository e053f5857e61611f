import IngestCore

extension MojibakeRepairer {
    /// Decodes UTF-8 (valid, as a String's or a checked JSON string's bytes are, so unchecked) into
    /// `scalars`, replacing what they held, and takes the census of the text in the same pass: whether any
    /// give-away character is there decides whether a UTF-8 repair is tried at all, and a repair is judged
    /// against this census.
    func load(_ bytes: UnsafeBufferPointer<UInt8>, into scalars: inout [Unicode.Scalar]) -> Census {
        // As many scalars as bytes at most: written in place into an array that long, then cut to size.
        if scalars.count < bytes.count { scalars.append(contentsOf: repeatElement("\u{0}", count: bytes.count - scalars.count)) }
        // The pointers and the census are locals of the loop, not reached through the array and the
        // captured census on every character, and a run of ASCII (most of any page) is copied eight bytes
        // at a time once one is seen.
        let (written, census) = scalars.withUnsafeMutableBufferPointer { out -> (Int, Census) in
            var census = Census()
            let count = bytes.count
            guard count > 0, let input = bytes.baseAddress, let output = out.baseAddress else { return (0, census) }
            var written = 0
            var index = 0
            while index < count {
                let lead = UInt32(input[index])
                if lead < 0x80 {
                    output[written] = Unicode.Scalar(UInt8(truncatingIfNeeded: lead))
                    written &+= 1
                    index &+= 1
                    while index &+ 8 <= count {
                        let word = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
                        guard word & 0x8080_8080_8080_8080 == 0 else { break }
                        for offset in 0..<8 {
                            output[written &+ offset] = Unicode.Scalar(input[index &+ offset])
                        }
                        written &+= 8
                        index &+= 8
                    }
                    census.count(lead, giveAway: false)
                    continue
                }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard index &+ length <= count else {
                    // Cut short: only bytes that are not UTF-8 end like this.
                    output[written] = "\u{FFFD}"
                    written &+= 1
                    break
                }
                let value: UInt32
                if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(input[index &+ 1] & 0x3F)
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(input[index &+ 1] & 0x3F) << 6 | UInt32(input[index &+ 2] & 0x3F)
                } else {
                    value =
                        (lead & 0x07) << 18 | UInt32(input[index &+ 1] & 0x3F) << 12 | UInt32(input[index &+ 2] & 0x3F) << 6
                        | UInt32(input[index &+ 3] & 0x3F)
                }
                index &+= length
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                output[written] = scalar
                written &+= 1
                census.count(value, giveAway: isSuspicious(scalar))
            }
            return (written, census)
        }
        scalars.removeLast(scalars.count - written)
        return census
    }

    /// Scalars to a String, their UTF-8 written straight into the string's storage once its length is
    /// known, through a pointer: the length was counted, so no write needs checking.
    static func string(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        let length = scalars.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var offset = 0
            for scalar in scalars { offset = UTF8ScalarWriter.write(scalar.value, into: buffer, at: offset) }
            return offset
        }
    }
}
