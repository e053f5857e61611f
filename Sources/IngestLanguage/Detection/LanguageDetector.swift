import Foundation
import IngestCore

/// Identifies the language of a text among a set of candidates: character n-grams (1–5) and words scored
/// Naive Bayes style, plus a charge for each letter a candidate's alphabet lacks.
///
/// A value: copy it freely; every copy shares the one loaded ``LanguageModel``.
public struct LanguageDetector: Sendable {
    public static let defaultCandidates = ["bg", "pl", "uk", "en", "ru", "mk", "sr", "be", "cs", "sk"]
    /// The default candidates that are decoys: languages a page is recognised in so that it is not called
    /// the nearest of the pipeline's own languages (bg, pl, uk, en), rather than languages it serves.
    public static let defaultDecoys = ["ru", "mk", "sr", "be", "cs", "sk"]
    public static let defaultMinimumConfidence = 0.5

    public let model: LanguageModel
    /// Model columns of the candidates, in the order given.
    let candidateColumns: [Int]
    /// Per candidate, in the same order, whether it is a decoy: a decoy pays
    /// ``DetectionWeights/ownLanguagePrior``.
    let decoyCandidates: [Bool]
    /// Per candidate, in the same order, -ln of the share of its text in any one script: ln 2 for Serbian,
    /// 0 for a language written in one (``DetectionWeights/sharesPriorAmongScripts``).
    let scriptShareCosts: [Double]
    /// English's model column, when the model has English. English writes its pronoun I as a capital, and
    /// its training sentences have 3 lower-case "i" among 10,258: a word that is a lone lower-case "i" is
    /// Polish, Czech, Slovak or Serbian "and", and is counted as a letter English lacks. Case is otherwise
    /// folded away before the model is read, so this is the one word whose case is evidence.
    let englishColumn: Int?
    /// Below this share of the probability the answer is `und`.
    public var minimumConfidence: Double
    public var weights = DetectionWeights()

    /// `decoys` says which of the candidates are decoys; codes among them that are not candidates are
    /// ignored, so the default fits any set of candidates.
    public init(
        model: LanguageModel, candidates: [String] = defaultCandidates, decoys: [String] = defaultDecoys,
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
        var decoyColumns: Set<Int> = []
        for code in decoys {
            guard let column = model.index(of: code) else {
                throw LanguageModelError(
                    "the language model has no decoy '\(code)'; it knows \(model.languages.joined(separator: ", "))")
            }
            decoyColumns.insert(column)
        }
        self.model = model
        self.candidateColumns = columns
        self.decoyCandidates = columns.map { decoyColumns.contains($0) }
        self.scriptShareCosts = columns.map { log(Double(model.scriptCounts[$0])) }
        self.englishColumn = model.index(of: "en")
        self.minimumConfidence = minimumConfidence
    }

    /// A detector on the model shipped with this module.
    public static func bundled(
        candidates: [String] = defaultCandidates, decoys: [String] = defaultDecoys,
        minimumConfidence: Double = defaultMinimumConfidence
    ) throws(LanguageModelError) -> LanguageDetector {
        let model = try LanguageModel.bundled.get()
        return try LanguageDetector(model: model, candidates: candidates, decoys: decoys, minimumConfidence: minimumConfidence)
    }

    public var candidates: [String] { candidateColumns.map { model.languages[$0] } }

    /// The candidates that are decoys, in candidate order.
    public var decoys: [String] {
        zip(candidateColumns, decoyCandidates).filter(\.1).map { model.languages[$0.0] }
    }

    /// The text's language. Reading stops once the best candidate leads the next by
    /// ``DetectionWeights/decisiveMargin``, so a long text costs little more than its first sentence.
    public func detect(_ text: String) -> LanguageGuess {
        decide(evidence(of: text[...], stoppingAt: weights.decisiveMargin))
    }

    public func detect(_ text: Substring) -> LanguageGuess {
        decide(evidence(of: text, stoppingAt: weights.decisiveMargin))
    }

    /// The text's language, as ``detect(_:)-(String)`` finds it; the words `cache` holds from the texts
    /// read with it before are not looked up again, and this text's words are added to it.
    public func detect(_ text: String, cache: inout WordEvidenceCache) -> LanguageGuess {
        decide(evidence(of: text[...], stoppingAt: weights.decisiveMargin, cache: &cache))
    }

    /// ``detect(_:cache:)-(String,_)`` on a part of a longer text.
    public func detect(_ text: Substring, cache: inout WordEvidenceCache) -> LanguageGuess {
        decide(evidence(of: text, stoppingAt: weights.decisiveMargin, cache: &cache))
    }

    /// ``evidence(of:stoppingAt:)``, read with `cache`.
    func evidence(of text: Substring, stoppingAt margin: Double?, cache: inout WordEvidenceCache) -> LanguageEvidence {
        var evidence = LanguageEvidence(languages: model.languages.count)
        cache.withSlots(for: cacheOwner) { slots in
            read(text, into: &evidence, stoppingAt: margin, cache: slots)
        }
        return evidence
    }

    private var cacheOwner: WordEvidenceCache.Owner {
        WordEvidenceCache.Owner(model: model, backoff: backoff, wholeWordLetters: weights.wholeWordLetters)
    }

    /// ``DetectionWeights/backoff`` in the model's quantisation units.
    private var backoff: Int {
        Int((weights.backoff / model.step).rounded())
    }

    /// Reads the text once, word by word, and sums what every letter, word and alphabet says.
    public func evidence(of text: Substring) -> LanguageEvidence {
        evidence(of: text, stoppingAt: nil)
    }

    /// The evidence of the text, or of its first words once the best candidate leads the next by `margin`
    /// (-ln P) on them.
    func evidence(of text: Substring, stoppingAt margin: Double?) -> LanguageEvidence {
        var evidence = LanguageEvidence(languages: model.languages.count)
        read(text, into: &evidence, stoppingAt: margin)
        return evidence
    }

    /// The evidence of the whole text in `evidence`, which is emptied first and keeps its storage.
    func evidence(of text: Substring, into evidence: inout LanguageEvidence) {
        evidence.reset()
        read(text, into: &evidence, stoppingAt: nil)
    }

    /// ``evidence(of:into:)``, read with `cache`.
    func evidence(of text: Substring, into evidence: inout LanguageEvidence, cache: inout WordEvidenceCache) {
        evidence.reset()
        cache.withSlots(for: cacheOwner) { slots in
            read(text, into: &evidence, stoppingAt: nil, cache: slots)
        }
    }

    /// Adds the text's evidence, or that of its first words up to `margin`, to `evidence`, leaving out
    /// addresses, handles and tags (``NonLanguageText``).
    private func read(
        _ text: Substring, into evidence: inout LanguageEvidence, stoppingAt margin: Double?, cache: UnsafeMutableRawPointer? = nil
    ) {
        if NonLanguageText.mayOccur(in: text) {
            let languageText = NonLanguageText.removed(from: text)
            readWords(languageText[...], into: &evidence, stoppingAt: margin, cache: cache)
        } else {
            readWords(text, into: &evidence, stoppingAt: margin, cache: cache)
        }
    }

    private func readWords(
        _ text: Substring, into evidence: inout LanguageEvidence, stoppingAt margin: Double?, cache: UnsafeMutableRawPointer?
    ) {
        let backoff = self.backoff
        // The scorer's buffers live on the stack, so a text costs no allocation beyond its evidence.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: WordScorer.wordCapacity) { word in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * WordScorer.wordCapacity * LanguageModel.maxOrder) { found in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * WordScorer.wordCapacity * LanguageModel.maxOrder) { scratch in
                    model.table.withUnsafeBytes { table in
                        model.directory.withUnsafeBufferPointer { directory in
                            let scorer = WordScorer(
                                model: model, table: table, directory: directory, stride: model.slotWords * 8,
                                backoff: backoff, wholeWordLetters: weights.wholeWordLetters, word: word, found: found,
                                scratch: scratch, cache: cache)
                            read(text, with: scorer, into: &evidence, stoppingAt: margin)
                        }
                    }
                }
            }
        }
    }

    /// Splits the text into words of lower-case letters and hands each to the scorer, stopping early when
    /// the margin is given and reached.
    private func read(
        _ text: Substring, with scorer: WordScorer, into evidence: inout LanguageEvidence, stoppingAt margin: Double?
    ) {
        let word = scorer.word
        // One space, at most 64 letters, one space: longer runs are scored in pieces.
        word.initialize(repeating: 0x20)
        var length = 0
        var pendingApostrophe = false
        // Whether the word so far is one lower-case "i" as written (see ``englishColumn``).
        var loneSmallI = false
        // The word's Cyrillic and ASCII letters, whether it has a letter that is neither Cyrillic nor a
        // Latin look-alike, and which of its letters were ASCII capitals (bit `position - 1`).
        var cyrillicLetters = 0
        var asciiLetters = 0
        var untwinned = false
        var asciiCapitals: UInt64 = 0
        func scoreWord() {
            if loneSmallI, length == 1, let englishColumn {
                evidence.absentLetters[LanguageEvidence.bank(of: .latin) * model.languages.count + englishColumn] += 1
            }
            if CyrillicLookAlike.readsAsCyrillic(cyrillicLetters: cyrillicLetters, latinLetters: asciiLetters, everyLatinLetterTwinned: !untwinned) {
                readLookAlikesAsCyrillic()
            }
            cyrillicLetters = 0
            asciiLetters = 0
            untwinned = false
            asciiCapitals = 0
            scorer.score(length: length, into: &evidence)
        }
        // A Cyrillic word with Latin look-alikes in it is read as the Cyrillic word it stands for, as the
        // repair stage writes it and as the model's sentences were cleaned.
        func readLookAlikesAsCyrillic() {
            for position in 1...length where (0x61...0x7A).contains(word[position]) {
                let capital = asciiCapitals & (1 << UInt64(position - 1)) != 0
                let twin = CyrillicLookAlike.cyrillic(forASCII: capital ? word[position] - 0x20 : word[position])
                word[position] = LetterFolding.lowercaseLetter(Unicode.Scalar(twin)!) ?? twin
                evidence.scriptLetters[WritingScript.latin.rawValue] -= 1
                evidence.scriptLetters[WritingScript.cyrillic.rawValue] += 1
            }
        }
        for scalar in text.unicodeScalars {
            if let letter = LetterFolding.lowercaseLetter(scalar) {
                loneSmallI = length == 0 && scalar.value == 0x69
                if pendingApostrophe {
                    pendingApostrophe = false
                    if length < 63 {
                        length += 1
                        word[length] = LetterFolding.apostrophe
                    }
                }
                if length == 64 {
                    scoreWord()
                    length = 0
                }
                length += 1
                word[length] = letter
                let value = scalar.value
                if value < 0x80 {
                    asciiLetters += 1
                    if CyrillicLookAlike.cyrillic(forASCII: value) == 0 {
                        untwinned = true
                    } else if value < 0x61 {
                        asciiCapitals |= 1 << UInt64(length - 1)
                    }
                } else if (0x0400...0x04FF).contains(value) {
                    cyrillicLetters += 1
                } else {
                    untwinned = true
                }
                evidence.letters += 1
                evidence.scriptLetters[WritingScript.of(letter).rawValue] += 1
            } else if LetterFolding.isCombiningMark(scalar.value) {
                continue
            } else if length > 0 && !pendingApostrophe && LetterFolding.isApostrophe(scalar.value) {
                pendingApostrophe = true
            } else if length > 0 {
                pendingApostrophe = false
                scoreWord()
                length = 0
                if let margin, lead(in: evidence) >= margin { return }
            }
        }
        if length > 0 { scoreWord() }
    }

    /// How far (-ln P) the best candidate is ahead of the next on the evidence of the main script so far;
    /// 0 while there is nothing to judge. Allocation-free: it runs after every word.
    func lead(in evidence: LanguageEvidence) -> Double {
        guard evidence.letters >= 2, let script = evidence.dominantScript, script == .latin || script == .cyrillic else {
            return 0
        }
        let languageCount = model.languages.count
        let bank = LanguageEvidence.bank(of: script)
        let bankBase = bank * LanguageModel.wordOrder * languageCount
        let wordBase = bankBase + (LanguageModel.wordOrder - 1) * languageCount
        var best = -Double.infinity
        var second = -Double.infinity
        for (candidate, column) in candidateColumns.enumerated() {
            let cost = weights.characters * Double(evidence.sums[bankBase + column])
                + weights.words * Double(evidence.sums[wordBase + column])
            let likelihood = -cost * model.step - weights.absentLetter * Double(evidence.absentLetters[bank * languageCount + column])
                - priorCost(of: candidate)
            if likelihood > best {
                second = best
                best = likelihood
            } else if likelihood > second {
                second = likelihood
            }
        }
        return second == -.infinity ? 0 : best - second
    }

    /// What a candidate's priors cost it, on the untempered scale its likelihoods are summed in, so that each
    /// prior is worth exactly its nats once tempered: ``DetectionWeights/ownLanguagePrior`` for a decoy, and
    /// the share of a language written in several scripts (``DetectionWeights/sharesPriorAmongScripts``).
    @inline(__always)
    func priorCost(of candidate: Int) -> Double {
        var nats = decoyCandidates[candidate] ? weights.ownLanguagePrior : 0
        if weights.sharesPriorAmongScripts { nats += scriptShareCosts[candidate] }
        return nats * weights.temperature
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
    /// (gibberish), when the letters fit none of the candidates (``DetectionWeights/foreignTextCost``), or
    /// when the best candidate's share is below ``minimumConfidence``.
    /// Each candidate's share is its tempered likelihood times its prior: a decoy's prior is
    /// ``DetectionWeights/ownLanguagePrior`` nats below an own language's, and the `favoured` candidate's
    /// (a paragraph's page language) ``DetectionWeights/pageLanguagePrior`` nats above every other's.
    public func decide(_ evidence: LanguageEvidence, favouring favoured: String? = nil) -> LanguageGuess {
        decide(judge(evidence), favouring: favoured)
    }

    /// The evidence weighed, before any page prior.
    public func judge(_ evidence: LanguageEvidence) -> Judgement {
        let script = evidence.dominantScript
        let likelihoods = logLikelihoods(evidence, script: script ?? .other)
        let letters = evidence.scriptLetters[(script ?? .other).rawValue]
        return Judgement(
            likelihoods: likelihoods.indices.map { likelihoods[$0] - priorCost(of: $0) },
            script: script,
            judgeable: evidence.letters >= 2 && (script == .latin || script == .cyrillic),
            gibberish: evidence.trigrams >= 4 && evidence.knownTrigrams * 3 < evidence.trigrams,
            letters: letters,
            letterCost: cheapestLetterCost(evidence, script: script, letters: letters))
    }

    /// What a letter of the main script costs the candidate it costs least; nil without letters in Latin or
    /// Cyrillic, the scripts the candidates are written in. Allocation-free: it runs for every text.
    func cheapestLetterCost(_ evidence: LanguageEvidence, script: WritingScript?, letters: Int) -> Double? {
        guard let script, script == .latin || script == .cyrillic, letters > 0 else { return nil }
        let bankBase = LanguageEvidence.bank(of: script) * LanguageModel.wordOrder * model.languages.count
        var cheapest = Int.max
        for column in candidateColumns { cheapest = min(cheapest, evidence.sums[bankBase + column]) }
        return Double(cheapest) * model.step / Double(letters)
    }

    /// Whether the letters of the main script cost every candidate more a letter than text in that candidate
    /// does (``DetectionWeights/foreignTextCost``). The letters alone decide: a language outside the
    /// candidates shares many words with them ("in", "a", "to"), and its letters show it on every word.
    func fitsNoCandidate(_ judgement: Judgement) -> Bool {
        guard let cost = weights.foreignTextCost, let letterCost = judgement.letterCost,
            judgement.letters >= weights.foreignTextMinimumLetters
        else { return false }
        return letterCost > cost + weights.foreignTextSpread / Double(judgement.letters).squareRoot()
    }

    /// Whether a text shows on its own that it is in a candidate, as a paragraph of a page that fits none
    /// must: enough letters to be judged (``DetectionWeights/foreignTextMinimumLetters``), costing the
    /// cheapest candidate no more a letter than ``DetectionWeights/foreignTextCost``, with no allowance for
    /// shortness. Not the negation of ``fitsNoCandidate(_:)``: between the two lies text neither test settles.
    func showsACandidateOnItsOwn(_ judgement: Judgement) -> Bool {
        guard let cost = weights.foreignTextCost, let letterCost = judgement.letterCost else { return true }
        return judgement.letters >= weights.foreignTextMinimumLetters && letterCost <= cost
    }

    /// ``decide(_:favouring:)`` from evidence already weighed.
    public func decide(_ judgement: Judgement, favouring favoured: String? = nil) -> LanguageGuess {
        var posteriors = judgement.likelihoods
        if let favoured, let column = model.index(of: favoured), let candidate = candidateColumns.firstIndex(of: column) {
            posteriors[candidate] += weights.pageLanguagePrior * weights.temperature
        }
        let best = posteriors.max() ?? 0
        var shares = posteriors.map { exp(($0 - best) / weights.temperature) }
        let total = shares.reduce(0, +)
        for index in shares.indices { shares[index] /= total }
        // Best first. Candidates whose evidence is exactly the same (a short word two languages write
        // and use alike, such as "жители" in Bulgarian and Russian, or "травы" in Russian and Belarusian) are
        // ranked by the pipeline's priorities: its own languages before the decoys, then the order it gave.
        let ranking = shares.indices.sorted { first, second in
            if shares[first] != shares[second] { return shares[first] > shares[second] }
            if decoyCandidates[first] != decoyCandidates[second] { return !decoyCandidates[first] }
            return first < second
        }
        let candidates = ranking.map { LanguageScore(language: model.languages[candidateColumns[$0]], score: shares[$0]) }
        let script = judgement.script?.code
        guard let top = candidates.first, judgement.judgeable else {
            return LanguageGuess(code: LanguageGuess.undetermined, confidence: 0, script: script, candidates: candidates)
        }
        let inNoCandidate = judgement.gibberish || fitsNoCandidate(judgement)
        if inNoCandidate || top.score < minimumConfidence {
            return LanguageGuess(
                code: LanguageGuess.undetermined, confidence: inNoCandidate ? 0 : top.score, script: script,
                candidates: candidates)
        }
        return LanguageGuess(code: top.language, confidence: top.score, script: script, candidates: candidates)
    }
}
