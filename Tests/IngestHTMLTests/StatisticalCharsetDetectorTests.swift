import Foundation
import IngestText
import Testing

@testable import IngestHTML

/// Detection scores only the bytes that can take part in a scored pair; dropping the rest must not
/// change any score.
@Suite struct StatisticalCharsetDetectorTests {
    static let samples: [(String, String.Encoding)] = [
        ("Zażółć gęślą jaźń. W Katowicach odbył się 8. Kongres Klastrów Polskich, 7–8 listopada 2022 r.", .windowsCP1250),
        ("Ńúáčňčĺňî ńĺ ďđîâĺäĺ âúâ Âŕëĺíńč˙", .windowsCP1250),
        ("Клъстерът взе участие в конференцията във Валенсия, Испания, 8-9 ноември 2017 г.", .windowsCP1251),
        ("Plain English text with one café and nothing else of note, repeated to fill a line or two.", .windowsCP1252),
    ]

    @Test("the evidence scores exactly as the whole sample", arguments: 0..<samples.count)
    func evidenceKeepsScores(_ position: Int) throws {
        let (text, encoding) = Self.samples[position]
        let bytes = try #require(text.data(using: encoding, allowLossyConversion: true).map(Array.init))
        let evidence = StatisticalCharsetDetector.evidence(bytes)
        #expect(evidence.count <= bytes.count)
        for candidate in StatisticalCharsetDetector.candidates {
            for language in candidate.languages {
                let scorer = try #require(PairScorer.shared(encoding: candidate.encoding, language: language))
                #expect(scorer.score(evidence) == scorer.score(bytes), "\(candidate.encoding)/\(language)")
            }
        }
    }

    @Test("bytes at the very start and end of a sample are kept")
    func edges() {
        #expect(StatisticalCharsetDetector.evidence([0xE0, 0x41, 0x42, 0x43, 0x44, 0xE1]) == [0xE0, 0x41, 0x20, 0x44, 0xE1])
        #expect(StatisticalCharsetDetector.evidence([0x41, 0x42]).isEmpty)
    }

    @Test("a long page is detected the same with and without the probe's shortcut", arguments: [
        ("Клъстерът взе участие в конференцията във Валенсия. ", String.Encoding.windowsCP1251),
        ("Zażółć gęślą jaźń, w Katowicach odbył się kongres. ", String.Encoding.isoLatin2),
    ])
    func longPage(_ sentence: String, _ encoding: String.Encoding) throws {
        let bytes = try #require(String(repeating: sentence, count: 200).data(using: encoding).map(Array.init))
        #expect(bytes.count > StatisticalCharsetDetector.probeBytes * 2)
        let everyCandidateInFull = StatisticalCharsetDetector.candidates.max { first, second in
            func fit(_ candidate: StatisticalCharsetDetector.Candidate) -> Double {
                (candidate.languages.compactMap { PairScorer.shared(encoding: candidate.encoding, language: $0)?.score(bytes) }.max() ?? -10_000)
                    + Double(candidate.prior) / 10
            }
            return fit(first) < fit(second)
        }
        #expect(StatisticalCharsetDetector().detect(bytes, hint: nil).encoding == everyCandidateInFull?.encoding)
    }
}
