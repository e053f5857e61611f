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

    /// Non-ASCII bytes needed before a declaration can be overruled.
    static let minimumEvidenceBytes = 8

    /// How much of the input is sampled: detection needs text, not all of a 20 MB page.
    static let sampleBytes = 256 << 10

    public init() {}

    public func detect(_ bytes: [UInt8], hint: String?) -> (encoding: String, confidence: Double) {
        let sample = Array(bytes.prefix(Self.sampleBytes))
        switch UTF8Validation.check(sample) {
        case .ascii: return ("utf-8", 1)
        case .valid: return ("utf-8", 0.99)
        case .invalid(let valid, let invalid) where valid >= 8 * max(1, invalid): return ("utf-8", 0.6)
        case .invalid: break
        }
        let ranked = rank(sample, hint: hint)
        guard let best = ranked.first else { return ("windows-1252", 0.1) }
        let margin = ranked.count > 1 ? best.score - ranked[1].score : 100
        return (best.encoding, Self.confidence(margin: margin))
    }

    public func overrule(declared: String, bytes: [UInt8], hint: String?) -> (encoding: String, confidence: Double)? {
        let sample = Array(bytes.prefix(Self.sampleBytes))
        // A handful of non-ASCII bytes is too little evidence to call a declaration a lie.
        guard sample.lazy.filter({ $0 >= 0x80 }).count >= Self.minimumEvidenceBytes else { return nil }
        let ranked = rank(sample, hint: hint)
        guard let best = ranked.first, best.encoding != declared,
            let declaredScore = ranked.first(where: { $0.encoding == declared })?.score,
            best.score - declaredScore > 50
        else { return nil }
        return (best.encoding, Self.confidence(margin: best.score - declaredScore))
    }

    /// Every candidate with its score, best first: what `ingest charset --scores` shows.
    public func ranking(_ bytes: [UInt8], hint: String?) -> [(encoding: String, score: Double)] {
        rank(Array(bytes.prefix(Self.sampleBytes)), hint: hint)
    }

    /// Candidates by score per scored pair (100 · log10 units), best first.
    ///
    /// Only the bytes next to a non-ASCII byte can score, so the rest is dropped first (Polish and English
    /// text shrinks to a tenth). Every candidate is scored on the first few kilobytes of what remains; only
    /// those within reach of the leader are scored on the rest, since a candidate that far behind on that
    /// much text does not come back.
    func rank(_ sample: [UInt8], hint: String?) -> [(encoding: String, score: Double)] {
        let tld = Self.countryDomain(hint)
        let evidence = Self.evidence(sample)
        let probe = evidence.count > Self.probeBytes ? Array(evidence.prefix(Self.probeBytes)) : evidence
        func score(_ candidate: Candidate, _ bytes: [UInt8]) -> Double {
            let fit = candidate.languages.compactMap { PairScorer.shared(encoding: candidate.encoding, language: $0)?.score(bytes) }.max() ?? -10_000
            return fit + Double(candidate.prior) / 10 + Self.hintBonus(candidate.encoding, tld: tld)
        }
        var ranked = Self.candidates.map { (encoding: $0.encoding, score: score($0, probe)) }
        if probe.count < evidence.count, let leader = ranked.map(\.score).max() {
            for (position, candidate) in Self.candidates.enumerated() where ranked[position].score >= leader - Self.reach {
                ranked[position].score = score(candidate, evidence)
            }
        }
        return ranked.sorted { $0.score > $1.score }
    }

    /// How much evidence every candidate is scored on before the trailing ones are left out.
    static let probeBytes = 2048

    /// How far behind the leader, per scored pair, a candidate may be after the probe and still be scored
    /// on the rest.
    static let reach = 120.0

    /// The bytes that can take part in a scored pair (each non-ASCII byte and its neighbours), with a
    /// space between separate runs: a space next to ASCII makes no scored pair, so the score is the same.
    static func evidence(_ sample: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sample.count / 2)
        var lastKept = -2
        for index in sample.indices where sample[index] >= 0x80 {
            let from = max(index - 1, lastKept + 1, 0)
            if from > lastKept + 1, !out.isEmpty { out.append(0x20) }
            let to = min(index + 1, sample.count - 1)
            if from <= to { out.append(contentsOf: sample[from...to]) }
            lastKept = max(lastKept, to)
        }
        return out
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
