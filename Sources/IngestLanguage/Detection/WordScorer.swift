/// Scores one word at a time against the model's table; lives only inside
/// ``LanguageDetector/evidence(of:)``, which holds the table's bytes and the stack buffers for the whole
/// text, so the hot loop works on raw pointers with no reference counting or allocation.
struct WordScorer {
    /// One space, at most 64 letters, one space.
    static let wordCapacity = 66

    let model: LanguageModel
    let table: UnsafeRawBufferPointer
    let directory: UnsafeBufferPointer<UInt32>
    /// Bytes per entry.
    let stride: Int
    /// Quantised cost of each back-off to a shorter context.
    let backoff: Int
    /// Words of at most this many letters that the model knows are scored by their word entry in place of
    /// their letters (``DetectionWeights/wholeWordLetters``).
    let wholeWordLetters: Int
    /// The word being read: `word[1...length]`, with a space at `word[0]`.
    let word: UnsafeMutableBufferPointer<UInt32>
    /// `found[position * maxOrder + order - 1]`: where the values of the n-gram of that order ending at
    /// position are, or -1; after them, in the same order, the guessed entries of the n-grams looked up.
    let found: UnsafeMutableBufferPointer<Int>
    /// The keys of the n-grams being looked up, then the first word of each one's guessed entry, laid out
    /// as `found`.
    let scratch: UnsafeMutableBufferPointer<UInt64>
    /// The slots of the reader's ``WordEvidenceCache``, or nil when it keeps none.
    let cache: UnsafeMutableRawPointer?

    /// The entry where the search for a key starts, guessed from the key's bits within its directory
    /// range, or -1 when the range is empty.
    @inline(__always)
    func guess(_ key: UInt64) -> Int {
        let bucket = Int(key >> LanguageModel.directoryShift)
        let low = Int(directory[bucket])
        let count = UInt64(Int(directory[bucket + 1]) - low)
        guard count > 0 else { return -1 }
        let rest = key & ((1 << LanguageModel.directoryShift) - 1)
        return low + Int((rest &* count) >> LanguageModel.directoryShift)
    }

    @inline(__always)
    func key(at entry: Int) -> UInt64 {
        table.loadUnaligned(fromByteOffset: entry * stride, as: UInt64.self) & LanguageModel.keyMask
    }

    /// The byte offset of the key's values in the table, or -1 when the model does not have it. `start` is
    /// ``guess(_:)``'s entry and `first` the first word of that entry, already read; the search walks from
    /// there towards the key, within the key's directory range.
    @inline(__always)
    func settle(_ key: UInt64, start: Int, first: UInt64) -> Int {
        guard start >= 0 else { return -1 }
        var entry = start
        var stored = first & LanguageModel.keyMask
        if stored < key {
            let end = Int(directory[Int(key >> LanguageModel.directoryShift) + 1])
            repeat {
                entry += 1
                guard entry < end else { return -1 }
                stored = self.key(at: entry)
            } while stored < key
        } else if stored > key {
            let low = Int(directory[Int(key >> LanguageModel.directoryShift)])
            repeat {
                guard entry > low else { return -1 }
                entry -= 1
                stored = self.key(at: entry)
            } while stored > key
        }
        return stored == key ? entry * stride + LanguageModel.valueOffset : -1
    }

    @inline(__always)
    func lookup(_ hash: UInt64) -> Int {
        let key = LanguageModel.key(hash)
        let start = guess(key)
        return settle(key, start: start, first: start >= 0 ? self.key(at: start) : 0)
    }

    /// Scores `word[1...length]`, padded with the spaces at `word[0]` and `word[length + 1]`: each letter
    /// and the word's end by the longest n-gram ending there that the language has seen, then the word as
    /// a whole, then its letters against each alphabet. A word the cache holds adds what it stored.
    func score(length: Int, into evidence: inout LanguageEvidence) {
        let end = length + 1
        word[end] = 0x20
        var hash = LanguageModel.wordBasis
        for position in 1..<end {
            hash = (hash ^ UInt64(word[position])) &* LanguageModel.fnvPrime
        }
        let bank = LanguageEvidence.bank(of: WritingScript.of(word[1]))
        let slot = cache.flatMap { WordEvidenceCache.Slot(in: $0, hash: hash, word: word, length: length) }
        if let slot, slot.holds(word, length: length) {
            add(slot.evidence, length: length, bank: bank, into: &evidence)
            return
        }
        let scored = lookUp(length: length, hash: hash)
        add(scored, length: length, bank: bank, into: &evidence)
        slot?.store(scored, word: word, length: length)
    }

    private func add(_ scored: WordEvidence, length: Int, bank: Int, into evidence: inout LanguageEvidence) {
        let languageCount = model.languages.count
        let characterBase = bank * LanguageModel.wordOrder * languageCount
        let wordBase = characterBase + (LanguageModel.wordOrder - 1) * languageCount
        let absentBase = bank * languageCount
        evidence.words += 1
        evidence.trigrams += length
        evidence.knownTrigrams += scored.knownTrigrams
        for column in 0..<languageCount {
            evidence.absentLetters[absentBase + column] += Int(scored.absent[column])
            evidence.sums[characterBase + column] += Int(scored.costs[column])
        }
        if let values = scored.wordValues {
            for column in 0..<languageCount {
                evidence.sums[wordBase + column] += Int(values[column])
            }
        }
    }

    /// Looks every n-gram of the word and the word itself up in the model. `hash` is the word's hash.
    private func lookUp(length: Int, hash: UInt64) -> WordEvidence {
        let languageCount = model.languages.count
        let maxOrder = LanguageModel.maxOrder
        let end = length + 1
        var absent = SIMD16<UInt8>()
        for position in 1..<end {
            let letter = word[position]
            guard letter < LanguageModel.letterMaskLimit else { continue }
            let lacking = model.lackingLetter[Int(letter)]
            guard lacking != 0 else { continue }
            for column in 0..<languageCount where lacking & (1 << column) != 0 {
                absent[column] &+= 1
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
                probes[slot] = entry >= 0 ? table.loadUnaligned(fromByteOffset: entry * stride, as: UInt64.self) : 0
            }
        }
        for slot in 0..<lookups where guesses[slot] >= 0 {
            found[slot] = settle(keys[slot], start: guesses[slot], first: probes[slot])
        }
        var knownTrigrams = 0
        for position in 2...end where found[position * maxOrder + 2] >= 0 { knownTrigrams += 1 }
        // Every language at once: lane `column` of a 16-byte vector is that language's value of the n-gram.
        // A lane takes the longest n-gram its language has seen, paying `backoff` for each order it drops;
        // a lane no n-gram resolves pays the language's floor (or, for the word's end, a fixed 30 units).
        let live = SIMD16<UInt16>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .< UInt16(languageCount)
        let unseen = SIMD16<UInt16>(repeating: UInt16(LanguageModel.unseen))
        let tableBase = table.baseAddress!
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
                    let values = SIMD16<UInt16>(
                        truncatingIfNeeded: tableBase.loadUnaligned(fromByteOffset: entry, as: SIMD16<UInt8>.self))
                    let seen = pending .& (values .!= unseen)
                    cost.replace(with: values &+ UInt16((longest - order) * backoff), where: seen)
                    pending .&= .!seen
                    if !any(pending) { break }
                }
                order -= 1
            }
            wordCost &+= SIMD16<UInt32>(truncatingIfNeeded: cost)
        }
        let entry = lookup(hash)
        // A short word's letters and its boundaries fit in one n-gram, so the letter chain is the word's own
        // frequency again, counted over the dictionary stems too, which dilute it: the word entry, from
        // running text alone, stands in for it.
        let wordValues = entry >= 0 ? table.loadUnaligned(fromByteOffset: entry, as: SIMD16<UInt8>.self) : nil
        var costs = wordCost
        if let wordValues, length <= wholeWordLetters {
            costs = SIMD16<UInt32>(truncatingIfNeeded: wordValues)
        }
        return WordEvidence(costs: costs, wordValues: wordValues, absent: absent, knownTrigrams: knownTrigrams)
    }
}
