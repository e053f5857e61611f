import Foundation

/// Identifies the language of a text among a set of candidates: character n-grams (1–5) and words scored
/// Naive Bayes style, plus a charge for each letter a candidate's alphabet lacks.
///
/// A value: copy it freely; every copy shares the one loaded ``LanguageModel``.
public struct LanguageDetector: Sendable {
    public static let defaultCandidates = ["bg", "pl", "uk", "en", "ru", "mk", "sr", "be", "cs", "sk"]
    public static let defaultMinimumConfidence = 0.5

    public let model: LanguageModel
    /// Model columns of the candidates, in the order given.
    let candidateColumns: [Int]
    /// Below this share of the probability the answer is `und`.
    public var minimumConfidence: Double
    public var weights = DetectionWeights()

    public init(
        model: LanguageModel, candidates: [String] = defaultCandidates,
        minimumConfidence: Double = defaultMinimumConfidence
    ) throws(LanguageModelError) {
        guard !candidates.isEmpty else { throw LanguageModelError("no candidate languages given") }
        var columns: [Int] = []
        for code in candidates {
            guard let column = model.index(of: code) else {
                throw LanguageModelError(
                    "the language model has no '\(code)'; it knows \(model.languages.joined(separator: ", "))")
            }
            if !columns.contains(column) { columns.append(column) }
        }
        self.model = model
        self.candidateColumns = columns
        self.minimumConfidence = minimumConfidence
    }

    /// A detector on the model shipped with this module.
    public static func bundled(
        candidates: [String] = defaultCandidates, minimumConfidence: Double = defaultMinimumConfidence
    ) throws(LanguageModelError) -> LanguageDetector {
        let model = try LanguageModel.bundled.get()
        return try LanguageDetector(model: model, candidates: candidates, minimumConfidence: minimumConfidence)
    }

    public var candidates: [String] { candidateColumns.map { model.languages[$0] } }

    public func detect(_ text: String) -> LanguageGuess {
        decide(evidence(of: text[...]))
    }

    public func detect(_ text: Substring) -> LanguageGuess {
        decide(evidence(of: text))
    }

    /// Reads the text once, word by word, and sums what every letter, word and alphabet says.
    public func evidence(of text: Substring) -> LanguageEvidence {
        var evidence = LanguageEvidence(languages: model.languages.count)
        // One space, at most 64 letters, one space: longer runs are scored in pieces.
        var word = [UInt32](repeating: 0x20, count: 66)
        var found = [Int32](repeating: -1, count: 66 * LanguageModel.maxOrder)
        var length = 0
        var pendingApostrophe = false
        for scalar in text.unicodeScalars {
            if let letter = LetterFolding.lowercaseLetter(scalar) {
                if pendingApostrophe {
                    pendingApostrophe = false
                    if length < 63 {
                        length += 1
                        word[length] = LetterFolding.apostrophe
                    }
                }
                if length == 64 {
                    score(&word, length: length, found: &found, into: &evidence)
                    length = 0
                }
                length += 1
                word[length] = letter
                evidence.letters += 1
                evidence.scriptLetters[WritingScript.of(letter).rawValue] += 1
            } else if LetterFolding.isCombiningMark(scalar.value) {
                continue
            } else if length > 0 && !pendingApostrophe && LetterFolding.isApostrophe(scalar.value) {
                pendingApostrophe = true
            } else if length > 0 {
                pendingApostrophe = false
                score(&word, length: length, found: &found, into: &evidence)
                length = 0
            }
        }
        if length > 0 { score(&word, length: length, found: &found, into: &evidence) }
        return evidence
    }

    /// Scores `word[1...length]`, padded with the spaces at `word[0]` and `word[length + 1]`: each letter
    /// and the word's end by the longest n-gram ending there that the language has seen, then the word as
    /// a whole, then its letters against each alphabet.
    private func score(_ word: inout [UInt32], length: Int, found: inout [Int32], into evidence: inout LanguageEvidence) {
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
        let keys = model.slotKeys
        let slotRows = model.slotRows
        let rows = model.rows
        let mask = model.slotMask
        @inline(__always) func row(for hash: UInt64) -> Int32 {
            let key = hash >> LanguageModel.keyShift
            var slot = LanguageModel.slot(key, mask: mask)
            while true {
                let row = slotRows[slot]
                if row < 0 || keys[slot] == key { return row }
                slot = (slot + 1) & mask
            }
        }
        // found[position * maxOrder + order - 1]: the row of the n-gram of that order ending at position.
        for index in 0..<((end + 1) * maxOrder) { found[index] = -1 }
        for start in 0...end {
            var hash = LanguageModel.fnvBasis
            for order in 1...maxOrder {
                let position = start + order - 1
                if position > end { break }
                hash = (hash ^ UInt64(word[position])) &* LanguageModel.fnvPrime
                if order == 1 && (position == 0 || position == end) { continue }
                let entry = row(for: hash)
                found[position * maxOrder + order - 1] = entry
                if order == 3 {
                    evidence.trigrams += 1
                    if entry >= 0 { evidence.knownTrigrams += 1 }
                }
            }
        }
        let backoff = Int((weights.backoff / model.step).rounded())
        for position in 1...end {
            let longest = min(maxOrder, position + 1)
            for column in 0..<languageCount {
                var cost = -1
                var order = longest
                while order >= 1 {
                    let entry = found[position * maxOrder + order - 1]
                    if entry >= 0 {
                        let value = rows[Int(entry) * languageCount + column]
                        if value != LanguageModel.unseen {
                            cost = Int(value) + (longest - order) * backoff
                            break
                        }
                    }
                    order -= 1
                }
                if cost < 0 {
                    // Not even the letter alone: a letter the language never uses, or an ending it never has.
                    cost = (position == end ? 30 : Int(model.floors[column * LanguageModel.wordOrder])) + (longest - 1) * backoff
                }
                evidence.sums[characterBase + column] += cost
            }
        }
        var hash = LanguageModel.wordBasis
        for position in 1..<end {
            hash = (hash ^ UInt64(word[position])) &* LanguageModel.fnvPrime
        }
        let entry = row(for: hash)
        if entry >= 0 {
            let offset = Int(entry) * languageCount
            for column in 0..<languageCount {
                evidence.sums[wordBase + column] += Int(rows[offset + column])
            }
        }
    }

    /// Log-likelihood of each candidate, in candidate order, from the words of the given script.
    func logLikelihoods(_ evidence: LanguageEvidence, script: WritingScript) -> [Double] {
        let languageCount = model.languages.count
        let bank = LanguageEvidence.bank(of: script)
        let bankBase = bank * LanguageModel.wordOrder * languageCount
        return candidateColumns.map { column in
            var cost = weights.characters * Double(evidence.sums[bankBase + column])
            cost += weights.words * Double(evidence.sums[bankBase + (LanguageModel.wordOrder - 1) * languageCount + column])
            return -cost * model.step - weights.absentLetter * Double(evidence.absentLetters[bank * languageCount + column])
        }
    }

    /// Turns summed evidence into an answer. `und` when there are no letters, when the letters are in a
    /// script none of the candidates is written in, when most trigrams are unknown to every language
    /// (gibberish), or when the best candidate's share is below ``minimumConfidence``.
    public func decide(_ evidence: LanguageEvidence) -> LanguageGuess {
        let script = evidence.dominantScript
        let likelihoods = logLikelihoods(evidence, script: script ?? .other)
        let best = likelihoods.max() ?? 0
        var shares = likelihoods.map { exp(($0 - best) / weights.temperature) }
        let total = shares.reduce(0, +)
        for index in shares.indices { shares[index] /= total }
        var candidates = zip(candidateColumns, shares).map {
            LanguageScore(language: model.languages[$0.0], score: $0.1)
        }
        candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.language < $1.language) }
        guard let top = candidates.first, evidence.letters >= 2, script == .latin || script == .cyrillic else {
            return LanguageGuess(code: LanguageGuess.undetermined, confidence: 0, script: script?.code, candidates: candidates)
        }
        let gibberish = evidence.trigrams >= 4 && evidence.knownTrigrams * 3 < evidence.trigrams
        if gibberish || top.score < minimumConfidence {
            return LanguageGuess(
                code: LanguageGuess.undetermined, confidence: gibberish ? 0 : top.score, script: script?.code,
                candidates: candidates)
        }
        return LanguageGuess(code: top.language, confidence: top.score, script: script?.code, candidates: candidates)
    }
}
