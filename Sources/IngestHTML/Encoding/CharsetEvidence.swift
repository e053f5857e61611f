/// The bytes of a sample that can take part in a scored letter pair: each non-ASCII byte and its
/// neighbours, with a space between separate runs (a space next to ASCII makes no scored pair, so every
/// candidate scores the evidence exactly as it scores the whole sample).
///
/// It is read in growing prefixes, so that detection can stop as soon as the answer is clear instead of
/// first copying out a whole page whose first few hundred non-ASCII bytes already decide it.
struct CharsetEvidence {
    let sample: [UInt8]
    private(set) var bytes: [UInt8] = []
    /// Non-ASCII bytes read so far: how much evidence the scores rest on.
    private(set) var nonASCII = 0
    /// Where reading stopped in the sample.
    private(set) var position = 0
    private var lastKept = -2

    init(_ sample: [UInt8]) {
        self.sample = sample
        // Room for all the evidence a page can give (each byte once, and a space per run of non-ASCII bytes
        // at most), so that growing prefixes are not moved on every round; up to 64 KB, which a large page
        // rarely needs before its answer is clear.
        bytes.reserveCapacity(Swift.min(sample.count + sample.count / 2 + 1, 1 << 16))
    }

    var isComplete: Bool { position >= sample.count }

    /// Reads on until `bytes` holds at least `count` bytes or the sample ends.
    ///
    /// Pages are mostly ASCII: it is skipped eight bytes at a time. A non-ASCII byte adds itself and the
    /// neighbours not already kept; each further byte of a run of them adds only the byte after it, so a
    /// run is added as one stretch (stopping where `count` is reached, as byte by byte). Stretches that
    /// follow on from each other (the words of a line of Cyrillic text, with the space between them kept
    /// as a neighbour) are copied together once they end: one copy per paragraph rather than per word.
    mutating func read(upTo count: Int) {
        let end = sample.count
        var position = self.position
        var lastKept = self.lastKept
        var nonASCII = self.nonASCII
        let sample = self.sample
        sample.withUnsafeBufferPointer { sample in
            guard let base = UnsafeRawPointer(sample.baseAddress) else { return }
            // The stretch of the sample kept but not yet copied to `bytes`, and what `bytes` will then hold.
            var pending = 0..<0
            var kept = bytes.count
            while position < end, kept < count {
                while position + 8 <= end,
                    base.loadUnaligned(fromByteOffset: position, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    position += 8
                }
                guard position < end else { break }
                let index = position
                position += 1
                guard sample[index] >= 0x80 else { continue }
                nonASCII += 1
                let from = Swift.max(index - 1, lastKept + 1, 0)
                if from > lastKept + 1, kept > 0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: sample[pending]))
                    bytes.append(0x20)
                    pending = from..<from
                    kept += 1
                } else if pending.isEmpty {
                    pending = from..<from
                }
                // The run goes on while bytes are non-ASCII; each of them adds one byte until `count` is met.
                var runEnd = position
                let room = Swift.max(0, count - (kept + Swift.min(index + 1, end - 1) - from + 1))
                while runEnd < end, runEnd - position < room, sample[runEnd] >= 0x80 { runEnd += 1 }
                let to = Swift.min(runEnd, end - 1)
                if from <= to {
                    // `from` follows on from the pending stretch: it is the byte after the last one kept.
                    pending = pending.lowerBound..<(to + 1)
                    kept += to - from + 1
                }
                nonASCII += runEnd - position
                position = runEnd
                lastKept = Swift.max(lastKept, to)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: sample[pending]))
        }
        self.position = position
        self.lastKept = lastKept
        self.nonASCII = nonASCII
    }
}
