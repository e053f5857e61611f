/// Scores one word at a time against the model's table; lives only inside
/// ``LanguageDetector/evidence(of:)``, which holds the table's bytes and the stack buffers for the whole
/// text, so the hot loop works on raw pointers with no reference counting or allocation.
struct WordScorer {
    /// One space, at most 64 letters, one space.
    static let wordCapacity = 66

    let model: LanguageModel
    let table: UnsafeRawBufferPointer
    /// ``LanguageModel/groups`` and ``LanguageModel/offsets``: where each bucket starts.
    let groups: UnsafeBufferPointer<UInt32>
    let offsets: UnsafeBufferPointer<UInt16>
    /// ``LanguageModel/codes``: what each entry's code byte stores and how long the entry is.
    let codes: UnsafeBufferPointer<UInt32>
    /// ``LanguageModel/wordFloors`` as 16 bytes, lane by lane, kept here for the hot loop.
    let wordFloors: SIMD2<UInt64>
    /// Quantised cost of each back-off to a shorter context.
    let backoff: Int
    /// The word being read: `word[1...length]`, with a space at `word[0]`.
    let word: UnsafeMutableBufferPointer<UInt32>
    /// `found[position * maxOrder + order - 1]`: the byte offset of the entry of the n-gram of that order
    /// ending at position, or -1; after them, in the same order, the start of each looked-up n-gram's bucket.
    let found: UnsafeMutableBufferPointer<Int>
    /// The keys of the n-grams being looked up, then the first word of each one's bucket, laid out as `found`.
    let scratch: UnsafeMutableBufferPointer<UInt64>

    @inline(__always)
    func start(ofBucket bucket: Int) -> Int {
        Int(groups[bucket >> LanguageModel.groupBits]) + Int(offsets[bucket])
    }

    /// The byte offset of the key's bucket in the table, or -1 when the bucket is empty.
    @inline(__always)
    func guess(_ key: UInt64) -> Int {
        let bucket = Int(key >> LanguageModel.directoryShift)
        let low = start(ofBucket: bucket)
        return low < start(ofBucket: bucket + 1) ? low : -1
    }

    /// The byte offset of the key's entry in the table, or -1 when the model does not have it. `start` is
    /// ``guess(_:)``'s bucket start; the search walks the bucket's entries, in key order, until it meets or
    /// passes the key.
    @inline(__always)
    func settle(_ key: UInt64, start: Int) -> Int {
        guard start >= 0 else { return -1 }
        let end = self.start(ofBucket: Int(key >> LanguageModel.directoryShift) + 1)
        let target = UInt32(truncatingIfNeeded: key) & LanguageModel.storedKeyMask
        var entry = start
        repeat {
            let first = table.loadUnaligned(fromByteOffset: entry, as: UInt32.self)
            let stored = first & LanguageModel.storedKeyMask
            if stored >= target { return stored == target ? entry : -1 }
            entry += Int(codes[Int(first >> 24)] >> 24)
        } while entry < end
        return -1
    }

    @inline(__always)
    func lookup(_ hash: UInt64) -> Int {
        let key = LanguageModel.key(hash)
        return settle(key, start: guess(key))
    }

    /// Every language's value of the entry at `entry`, lane `column` for that language: the stored ones, and
    /// for the others ``LanguageModel/unseen`` or the unseen-word floor, as the entry's code says. The bytes
    /// are put together in two 64-bit registers and moved into the vector once: setting vector lanes one by
    /// one went through memory and stalled on every lane.
    @inline(__always)
    func values(at entry: Int) -> SIMD16<UInt16> {
        let code = codes[Int(table.load(fromByteOffset: entry + 3, as: UInt8.self))]
        var low: UInt64 = code & LanguageModel.floorFill != 0 ? wordFloors.x : ~0
        var high: UInt64 = code & LanguageModel.floorFill != 0 ? wordFloors.y : ~0
        var mask = code & 0xFFFF
        var offset = entry + 4
        while mask != 0 {
            let lane = UInt64(mask.trailingZeroBitCount)
            let byte = UInt64(table.load(fromByteOffset: offset, as: UInt8.self))
            if lane < 8 {
                low = low & ~(0xFF << (lane * 8)) | byte << (lane * 8)
            } else {
                high = high & ~(0xFF << ((lane - 8) * 8)) | byte << ((lane - 8) * 8)
            }
            offset += 1
            mask &= mask - 1
        }
        return SIMD16<UInt16>(truncatingIfNeeded: unsafeBitCast(SIMD2<UInt64>(low, high), to: SIMD16<UInt8>.self))
    }

    /// Scores `word[1...length]`, padded with the spaces at `word[0]` and `word[length + 1]`: each letter
    /// and the word's end by the longest n-gram ending there that the language has seen, then the word as
    /// a whole, then its letters against each alphabet.
    func score(length: Int, into evidence: inout LanguageEvidence) {
        let languageCount = model.languages.count
        let maxOrder = LanguageModel.maxOrder
        let end = length + 1
        word[end] = 0x20
        evidence.words += 1
        let bank = LanguageEvidence.bank(of: WritingScript.of(word[1]))
        let characterBase = bank * LanguageModel.wordOrder * languageCount
        let wordBase = characterBase + (LanguageModel.wordOrder - 1) * languageCount
        let absentBase = bank * languageCount
        for position in 1..<end {
            let letter = word[position]
            guard letter < LanguageModel.letterMaskLimit else { continue }
            let lacking = model.lackingLetter[Int(letter)]
            guard lacking != 0 else { continue }
            for column in 0..<languageCount where lacking & (1 << column) != 0 {
                evidence.absentLetters[absentBase + column] += 1
            }
        }
        // Every n-gram of the word is looked up at once: first each one's guessed entry is read, with no
        // branch on what comes back, so the cache misses of the whole word overlap; then each is settled.
        // Looking up an n-gram whose prefix turned out unknown is wasted (the script keeps an n-gram only
        // when some language saw it often enough, and its prefix was seen at least as often), but waiting
        // for the shorter n-grams before reading the longer ones cost more: a miss per order, in sequence.
        let lookups = (end + 1) * maxOrder
        let keys = scratch.baseAddress!
        let probes = keys + lookups
        let guesses = found.baseAddress! + lookups
        for slot in 0..<lookups {
            found[slot] = -1
            guesses[slot] = -1
        }
        for start in 0...end {
            var hash = LanguageModel.fnvBasis
            for order in 1...min(maxOrder, end - start + 1) {
                let last = start + order - 1
                hash = (hash ^ UInt64(word[last])) &* LanguageModel.fnvPrime
                // The padding spaces alone are not letters.
                if order == 1 && (start == 0 || start == end) { continue }
                let slot = last * maxOrder + order - 1
                let key = LanguageModel.key(hash)
                let entry = guess(key)
                keys[slot] = key
                guesses[slot] = entry
                probes[slot] = entry >= 0 ? table.loadUnaligned(fromByteOffset: entry, as: UInt64.self) : 0
            }
        }
        for slot in 0..<lookups where guesses[slot] >= 0 {
            found[slot] = settle(keys[slot], start: guesses[slot])
        }
        evidence.trigrams += length
        for position in 2...end where found[position * maxOrder + 2] >= 0 { evidence.knownTrigrams += 1 }
        // Every language at once: lane `column` of a 16-byte vector is that language's value of the n-gram.
        // A lane takes the longest n-gram its language has seen, paying `backoff` for each order it drops;
        // a lane no n-gram resolves pays the language's floor (or, for the word's end, a fixed 30 units).
        let live = SIMD16<UInt16>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .< UInt16(languageCount)
        let unseen = SIMD16<UInt16>(repeating: UInt16(LanguageModel.unseen))
        var wordCost = SIMD16<UInt32>(repeating: 0)
        for position in 1...end {
            let longest = min(maxOrder, position + 1)
            var cost = position == end ? SIMD16<UInt16>(repeating: 30) : model.letterFloors
            cost &+= UInt16((longest - 1) * backoff)
            var pending = live
            var order = longest
            while order >= 1 {
                let entry = found[position * maxOrder + order - 1]
                if entry >= 0 {
                    let values = values(at: entry)
                    let seen = pending .& (values .!= unseen)
                    cost.replace(with: values &+ UInt16((longest - order) * backoff), where: seen)
                    pending .&= .!seen
                    if !any(pending) { break }
                }
                order -= 1
            }
            wordCost &+= SIMD16<UInt32>(truncatingIfNeeded: cost)
        }
        for column in 0..<languageCount {
            evidence.sums[characterBase + column] += Int(wordCost[column])
        }
        var hash = LanguageModel.wordBasis
        for position in 1..<end {
            hash = (hash ^ UInt64(word[position])) &* LanguageModel.fnvPrime
        }
        let entry = lookup(hash)
        if entry >= 0 {
            let values = values(at: entry)
            for column in 0..<languageCount {
                evidence.sums[wordBase + column] += Int(values[column])
            }
        }
    }
}
