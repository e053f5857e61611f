import IngestText
/// Detects the encoding of undeclared or mis-declared pages among the ones Bulgarian, Polish, Ukrainian
/// and English sites use: UTF-8, windows-1251, KOI8-U, KOI8-R, ISO-8859-5, IBM866, x-mac-cyrillic,
/// windows-1250, ISO-8859-2 and windows-1252.
///
/// Each candidate decoding is scored by how well its letter pairs fit the languages that encoding is
/// used for, plus a penalty for characters real text does not contain (C1 controls, box drawing, stray
/// symbols). Only pairs touching a non-ASCII character are scored: ASCII reads the same in every
/// candidate. The page's country-code domain tilts close calls.
public struct StatisticalCharsetDetector: CharsetDetecting {
    struct Candidate {
        var encoding: String
        var languages: [String]
        /// Tie-breaker: the more common encoding wins when two decode the bytes identically.
        var prior: Int
    }

    static let candidates: [Candidate] = [
        Candidate(encoding: "windows-1251", languages: ["bg", "uk"], prior: 6),
        Candidate(encoding: "koi8-u", languages: ["uk", "bg"], prior: 5),
        Candidate(encoding: "koi8-r", languages: ["bg", "uk"], prior: 4),
        Candidate(encoding: "iso-8859-5", languages: ["bg", "uk"], prior: 3),
        Candidate(encoding: "ibm866", languages: ["bg", "uk"], prior: 2),
        Candidate(encoding: "x-mac-cyrillic", languages: ["bg", "uk"], prior: 1),
        Candidate(encoding: "windows-1250", languages: ["pl"], prior: 6),
        Candidate(encoding: "iso-8859-2", languages: ["pl"], prior: 5),
        Candidate(encoding: "windows-1252", languages: ["en", "pl"], prior: 4),
    ]

    /// 0.5 for a tie, rising with the lead over the runner-up; two decimals, so records stay stable.
    static func confidence(margin: Double) -> Double {
        (min(0.99, 0.5 + margin / 200) * 100).rounded() / 100
    }

    /// Valid UTF-8 sequences per invalid byte that make a page UTF-8 with a few broken bytes.
    static let mostlyUTF8 = 8

    /// Non-ASCII bytes needed before a declaration can be overruled.
    static let minimumEvidenceBytes = 8

    /// How much of the input is sampled: detection needs text, not all of a 20 MB page.
    static let sampleBytes = 256 << 10

    /// The first `sampleBytes` of a page: the page itself, not a copy, when it is no longer.
    static func sample(_ bytes: [UInt8]) -> [UInt8] {
        bytes.count <= sampleBytes ? bytes : Array(bytes.prefix(sampleBytes))
    }

    /// Whether `bytes` hold at least `count` non-ASCII bytes; stops counting there.
    static func hasNonASCII(_ bytes: [UInt8], atLeast count: Int) -> Bool {
        var seen = 0
        for byte in bytes where byte >= 0x80 {
            seen += 1
            if seen >= count { return true }
        }
        return seen >= count
    }

    /// The scorers of each candidate, one per language it is used for, in `candidates` order; built once
    /// per process, and only for the pairs detection reads.
    static let scorers: [[PairScorer]] = candidates.map { candidate in
        candidate.languages.compactMap { PairScorer(encoding: candidate.encoding, language: $0) }
    }

    /// Every (candidate, scorer) pair `rank` scores, grouped by candidate in `candidates` order.
    static let entries: [(candidate: Int, scorer: PairScorer)] = scorers.enumerated().flatMap { position, scorers in
        scorers.map { (position, $0) }
    }

    /// What each candidate decodes each byte to, to tell when the candidates still in the running read the
    /// rest of a page alike.
    static let readings: [[Unicode.Scalar]] = candidates.map { PairScorer.decoding($0.encoding) ?? [] }

    public init() {}

    public func detect(_ bytes: [UInt8], hint: String?) -> (encoding: String, confidence: Double) {
        let sample = Self.sample(bytes)
        switch UTF8Validation.check(sample, validPerInvalid: Self.mostlyUTF8) {
        case .ascii: return ("utf-8", 1)
        case .valid: return ("utf-8", 0.99)
        case .invalid(let valid, let invalid) where valid >= Self.mostlyUTF8 * max(1, invalid): return ("utf-8", 0.6)
        case .invalid: break
        }
        let ranked = rank(sample, hint: hint)
        guard let best = ranked.first else { return ("windows-1252", 0.1) }
        let margin = ranked.count > 1 ? best.score - ranked[1].score : 100
        return (best.encoding, Self.confidence(margin: margin))
    }

    /// A declaration is overruled when another candidate reads the bytes better by a clear margin per pair,
    /// or by a small but steady margin over much text: two related code pages (KOI8-R and KOI8-U, windows-1250
    /// and ISO-8859-2, windows-1251 and x-mac-cyrillic) decode most bytes alike, so a wrong declaration among
    /// them shows only on the letters they disagree on, and the per-pair average barely moves. The margin is
    /// the language fit alone: neither the ccTLD hint nor the priors may overrule what a page declares.
    public func overrule(declared: String, bytes: [UInt8], hint: String?) -> (encoding: String, confidence: Double)? {
        let sample = Self.sample(bytes)
        // A handful of non-ASCII bytes is too little evidence to call a declaration a lie.
        guard Self.hasNonASCII(sample, atLeast: Self.minimumEvidenceBytes) else { return nil }
        let ranked = rank(sample, hint: hint)
        guard let best = ranked.first, best.encoding != declared,
            let declaredFit = ranked.first(where: { $0.encoding == declared })
        else { return nil }
        let margin = best.fit - declaredFit.fit
        let total = margin * Double(declaredFit.evidence)
        guard margin > Self.overruleMargin || (margin >= Self.overruleSteadyMargin && total >= Self.overruleTotal) else {
            return nil
        }
        return (best.encoding, Self.confidence(margin: margin))
    }

    /// Per-pair lead (100 · log10 units) that overrules a declaration on any amount of evidence.
    static let overruleMargin = 50.0
    /// The smallest per-pair lead that counts as steady, when summed over the evidence, rather than noise.
    static let overruleSteadyMargin = 2.0
    /// Lead summed over the non-ASCII bytes (100 · log10 units: 15 orders of magnitude in likelihood)
    /// that overrules a declaration.
    static let overruleTotal = 1500.0

    /// Every candidate with its score, best first: what `ingest charset --scores` shows. Every candidate is
    /// scored on all the evidence here, where detection stops once the answer is clear.
    public func ranking(_ bytes: [UInt8], hint: String?) -> [(encoding: String, score: Double)] {
        rank(Self.sample(bytes), hint: hint, exhaustive: true).map { ($0.encoding, $0.score) }
    }

    /// One candidate's result.
    struct Ranked {
        var encoding: String
        /// How well the decoding fits its best language: average score per scored pair (100 · log10 units).
        var fit: Double
        /// `fit` with the prior and the ccTLD hint added: what candidates are ranked by.
        var score: Double
        /// The non-ASCII bytes `fit` rests on: fewer than the sample holds when the candidate was dropped early.
        var evidence: Int
    }

    /// Candidates best first.
    ///
    /// Every (candidate, language) pair is scored on the first few dozen bytes of evidence; the evidence
    /// then grows fourfold per round, and only the pairs still within reach of the leader are scored again.
    /// A pair is out of reach when it trails by a wide margin per scored pair, or by a smaller one summed over
    /// so many non-ASCII bytes that it does not come back (how related code pages part). Scoring stops when
    /// one candidate is left, or when those left decode the rest of the sample alike, so that more text
    /// cannot change their order. `exhaustive` scores everything on all the evidence.
    func rank(_ sample: [UInt8], hint: String?, exhaustive: Bool = false) -> [Ranked] {
        let tld = Self.countryDomain(hint)
        let candidates = Self.candidates
        let entries = Self.entries
        // One record per entry, in one allocation: detection runs once per page.
        var scoring = [Scoring](repeating: Scoring(), count: entries.count)
        var evidence = CharsetEvidence(sample)
        var limit = exhaustive ? Int.max : Self.firstRound
        // Every entry still in the running has been scored on the evidence up to here; each round scores
        // them on what it adds only.
        var scored = 0
        while true {
            evidence.read(upTo: limit)
            let nonASCII = evidence.nonASCII
            evidence.bytes.withUnsafeBufferPointer { bytes in
                let added = UnsafeBufferPointer(rebasing: bytes[scored...])
                var entry = 0
                while entry < scoring.count {
                    let next = entry + 1
                    guard scoring[entry].alive else {
                        entry = next
                        continue
                    }
                    // Two languages of one candidate still in the running are scored in one pass.
                    if next < scoring.count, scoring[next].alive, entries[next].candidate == entries[entry].candidate {
                        var first = scoring[entry].progress
                        var second = scoring[next].progress
                        PairScorer.score(added, entries[entry].scorer, from: &first, entries[next].scorer, from: &second)
                        scoring[entry].record(first, scoredOn: nonASCII)
                        scoring[next].record(second, scoredOn: nonASCII)
                        entry += 2
                    } else {
                        entries[entry].scorer.score(added, from: &scoring[entry].progress)
                        scoring[entry].record(scoring[entry].progress, scoredOn: nonASCII)
                        entry = next
                    }
                }
            }
            scored = evidence.bytes.count
            if evidence.isComplete { break }
            var leader = -Double.infinity
            for entry in scoring where entry.alive { leader = max(leader, entry.fit) }
            let amount = Double(nonASCII)
            // Entries come grouped by candidate, so this lists each candidate left once, in order.
            var left: [Int] = []
            for entry in scoring.indices where scoring[entry].alive {
                let behind = leader - scoring[entry].fit
                if behind > Self.reach || behind * amount >= Self.decisiveTotal {
                    scoring[entry].alive = false
                } else if left.last != entries[entry].candidate {
                    left.append(entries[entry].candidate)
                }
            }
            if left.count <= 1 || Self.readAlike(sample[evidence.position...], candidates: left) { break }
            limit = limit.multipliedReportingOverflow(by: 4).overflow ? Int.max : limit * 4
        }
        var ranked: [Ranked] = candidates.map { candidate in
            Ranked(encoding: candidate.encoding, fit: -10_000, score: -10_000, evidence: 0)
        }
        for (entry, (candidate, _)) in entries.enumerated() where scoring[entry].fit > ranked[candidate].fit {
            ranked[candidate].fit = scoring[entry].fit
            ranked[candidate].evidence = scoring[entry].scoredOn
        }
        for position in ranked.indices {
            ranked[position].score =
                ranked[position].fit + Double(candidates[position].prior) / 10
                + Self.hintBonus(candidates[position].encoding, tld: tld)
        }
        // Best first, candidates that tie in their order above, as a stable sort leaves them: an insertion
        // sort of the nine in place, where `sorted` copied them into a new array on every page.
        for position in ranked.indices.dropFirst() {
            let current = ranked[position]
            var slot = position
            while slot > 0, ranked[slot - 1].score < current.score {
                ranked[slot] = ranked[slot - 1]
                slot -= 1
            }
            ranked[slot] = current
        }
        return ranked
    }

    /// Where one (candidate, language) entry stands in `rank`.
    struct Scoring {
        var progress = PairScorer.Progress()
        /// Average score per scored pair so far (100 · log10 units).
        var fit = -10_000.0
        /// The non-ASCII bytes read when the entry was last scored.
        var scoredOn = 0
        /// Whether it is still within reach of the leader.
        var alive = true

        mutating func record(_ progress: PairScorer.Progress, scoredOn nonASCII: Int) {
            self.progress = progress
            fit = progress.average ?? -10_000
            scoredOn = nonASCII
        }
    }

    /// Bytes of evidence every candidate is scored on before any is left out.
    static let firstRound = 64

    /// How far behind the leader, per scored pair, a candidate may be and still be scored on more text.
    static let reach = 120.0

    /// How far behind the leader, summed over the non-ASCII bytes read, a candidate may be and still be
    /// scored on more text (100 · log10 units).
    static let decisiveTotal = 4000.0

    /// Whether the candidates decode every non-ASCII byte of `rest` to the same character.
    static func readAlike(_ rest: ArraySlice<UInt8>, candidates: [Int]) -> Bool {
        guard let first = candidates.first, candidates.allSatisfy({ readings[$0].count == 256 }) else { return false }
        var differing = ByteSet()
        for other in candidates.dropFirst() { differing.formUnion(disagreements[first][other]) }
        if differing.isEmpty { return true }
        return rest.withUnsafeBufferPointer { buffer in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return true }
            // Eight bytes at a time: skipped whole when all ASCII, else each looked up.
            var index = 0
            while index + 8 <= buffer.count {
                if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    for byte in buffer[index..<index + 8] where differing.contains(byte) { return false }
                }
                index += 8
            }
            for byte in buffer[index...] where differing.contains(byte) { return false }
            return true
        }
    }

    /// Per pair of candidates, the non-ASCII bytes they decode to different characters: `readAlike` then
    /// tests a byte with one bit instead of comparing every candidate's reading of it.
    static let disagreements: [[ByteSet]] = readings.map { reading in
        readings.map { other in
            var set = ByteSet()
            if reading.count == 256, other.count == 256 {
                for byte in 0x80..<256 where reading[byte] != other[byte] { set.insert(UInt8(byte)) }
            }
            return set
        }
    }

    /// The evidence of a whole sample (see ``CharsetEvidence``).
    static func evidence(_ sample: [UInt8]) -> [UInt8] {
        var evidence = CharsetEvidence(sample)
        evidence.read(upTo: .max)
        return evidence.bytes
    }

    private static func countryDomain(_ hint: String?) -> String? {
        guard let hint, let host = SiteKey.host(of: hint) else { return nil }
        return host.split(separator: ".").last.map(String.init)
    }

    private static func hintBonus(_ encoding: String, tld: String?) -> Double {
        switch (tld, encoding) {
        case ("bg", "windows-1251"): 15
        case ("ua", "windows-1251"), ("ua", "koi8-u"): 10
        case ("pl", "windows-1250"), ("pl", "iso-8859-2"): 10
        default: 0
        }
    }
}
