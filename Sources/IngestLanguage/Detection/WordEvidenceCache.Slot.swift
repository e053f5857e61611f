extension WordEvidenceCache {
    /// One word's place in the cache: its tag and its slot, read and written in place.
    struct Slot {
        let tag: UnsafeMutablePointer<UInt32>
        let entry: UnsafeMutableRawPointer
        /// The top half of the word's hash.
        let expectedTag: UInt32

        /// The slot of `word[1...length]` in the tags and slots at `cache`; nil for a word the cache never
        /// holds: one too long, or with a letter beyond 16 bits.
        init?(in cache: UnsafeMutableRawPointer, hash: UInt64, word: UnsafeMutableBufferPointer<UInt32>, length: Int) {
            guard length <= WordEvidenceCache.maximumLetters else { return nil }
            for position in 1...length where word[position] > 0xFFFF { return nil }
            let index = Int(truncatingIfNeeded: (hash ^ hash >> 29) & UInt64(WordEvidenceCache.slotCount - 1))
            tag = cache.assumingMemoryBound(to: UInt32.self) + index
            entry = cache + WordEvidenceCache.tagBytes + index * WordEvidenceCache.slotBytes
            expectedTag = UInt32(truncatingIfNeeded: hash >> 32)
        }

        /// Whether the slot holds this word. A tag that differs answers without reading the slot.
        func holds(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int) -> Bool {
            guard tag.pointee == expectedTag, entry.load(fromByteOffset: lengthOffset, as: UInt8.self) == UInt8(length) else {
                return false
            }
            for position in 1...length
            where entry.load(fromByteOffset: (position - 1) * 2, as: UInt16.self) != UInt16(truncatingIfNeeded: word[position]) {
                return false
            }
            return true
        }

        /// What the slot's word says.
        var evidence: WordScorer.WordEvidence {
            let hasWord = entry.load(fromByteOffset: hasWordOffset, as: UInt8.self) != 0
            return WordScorer.WordEvidence(
                costs: SIMD16<UInt32>(truncatingIfNeeded: entry.loadUnaligned(fromByteOffset: costsOffset, as: SIMD16<UInt16>.self)),
                wordValues: hasWord ? entry.loadUnaligned(fromByteOffset: wordValuesOffset, as: SIMD16<UInt8>.self) : nil,
                absent: entry.loadUnaligned(fromByteOffset: absentOffset, as: SIMD16<UInt8>.self),
                knownTrigrams: Int(entry.load(fromByteOffset: knownTrigramsOffset, as: UInt8.self)))
        }

        /// Puts the word and what it says in the slot, in place of the word there; a word whose cost does
        /// not fit 16 bits is left out.
        func store(_ evidence: WordScorer.WordEvidence, word: UnsafeMutableBufferPointer<UInt32>, length: Int) {
            guard evidence.costs.max() <= UInt32(UInt16.max) else { return }
            for position in 1...length {
                entry.storeBytes(of: UInt16(truncatingIfNeeded: word[position]), toByteOffset: (position - 1) * 2, as: UInt16.self)
            }
            entry.storeBytes(of: UInt8(length), toByteOffset: lengthOffset, as: UInt8.self)
            entry.storeBytes(of: UInt8(evidence.knownTrigrams), toByteOffset: knownTrigramsOffset, as: UInt8.self)
            entry.storeBytes(of: evidence.wordValues == nil ? 0 : 1, toByteOffset: hasWordOffset, as: UInt8.self)
            entry.storeBytes(of: SIMD16<UInt16>(truncatingIfNeeded: evidence.costs), toByteOffset: costsOffset, as: SIMD16<UInt16>.self)
            entry.storeBytes(of: evidence.wordValues ?? SIMD16<UInt8>(), toByteOffset: wordValuesOffset, as: SIMD16<UInt8>.self)
            entry.storeBytes(of: evidence.absent, toByteOffset: absentOffset, as: SIMD16<UInt8>.self)
            tag.pointee = expectedTag
        }
    }
}
