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

    @Test("two languages scored in one pass score as each alone, in parts as at once", arguments: 0..<samples.count)
    func twoLanguagesInOnePass(_ position: Int) throws {
        let (text, encoding) = Self.samples[position]
        let bytes = try #require(text.data(using: encoding, allowLossyConversion: true).map(Array.init))
        for candidate in StatisticalCharsetDetector.candidates where candidate.languages.count == 2 {
            let first = try #require(PairScorer.shared(encoding: candidate.encoding, language: candidate.languages[0]))
            let second = try #require(PairScorer.shared(encoding: candidate.encoding, language: candidate.languages[1]))
            var together = (PairScorer.Progress(), PairScorer.Progress())
            bytes.withUnsafeBufferPointer { buffer in
                // Two parts, split inside the text, so that the pass carries each language's last letter over.
                let middle = buffer.count / 2
                for part in [UnsafeBufferPointer(rebasing: buffer[..<middle]), UnsafeBufferPointer(rebasing: buffer[middle...])] {
                    PairScorer.score(part, first, from: &together.0, second, from: &together.1)
                }
            }
            #expect(together.0.average == first.score(bytes), "\(candidate.encoding)/\(candidate.languages[0])")
            #expect(together.1.average == second.score(bytes), "\(candidate.encoding)/\(candidate.languages[1])")
            #expect(together.0.count == together.1.count)
        }
    }

    @Test("bytes at the very start and end of a sample are kept")
    func edges() {
        #expect(StatisticalCharsetDetector.evidence([0xE0, 0x41, 0x42, 0x43, 0x44, 0xE1]) == [0xE0, 0x41, 0x20, 0x44, 0xE1])
        #expect(StatisticalCharsetDetector.evidence([0x41, 0x42]).isEmpty)
    }

    @Test("the evidence read in growing prefixes is the evidence read at once")
    func prefixes() throws {
        let bytes = try #require(Self.samples[2].0.data(using: Self.samples[2].1).map(Array.init))
        var evidence = CharsetEvidence(bytes)
        var lengths: [Int] = []
        for limit in [4, 16, 64, .max] {
            evidence.read(upTo: limit)
            lengths.append(evidence.bytes.count)
        }
        #expect(lengths == lengths.sorted())
        #expect(evidence.isComplete)
        #expect(evidence.bytes == StatisticalCharsetDetector.evidence(bytes))
        #expect(evidence.nonASCII == bytes.filter { $0 >= 0x80 }.count)
    }

    /// The evidence as first specified, one byte at a time: a non-ASCII byte adds itself and the
    /// neighbours not kept yet, a space parts separate runs, and reading stops as soon as `count` is met.
    struct ByteByByteEvidence {
        let sample: [UInt8]
        var bytes: [UInt8] = []
        var nonASCII = 0
        var position = 0
        var lastKept = -2

        mutating func read(upTo count: Int) {
            let end = sample.count
            while position < end, bytes.count < count {
                let index = position
                position += 1
                guard sample[index] >= 0x80 else { continue }
                nonASCII += 1
                let from = max(index - 1, lastKept + 1, 0)
                if from > lastKept + 1, !bytes.isEmpty { bytes.append(0x20) }
                let to = min(index + 1, end - 1)
                if from <= to { bytes.append(contentsOf: sample[from...to]) }
                lastKept = max(lastKept, to)
            }
        }
    }

    @Test("the evidence stops where reading byte by byte stops, round after round", arguments: 0..<samples.count)
    func stopsAsByteByByte(_ position: Int) throws {
        let (text, encoding) = Self.samples[position]
        let once = try #require(text.data(using: encoding, allowLossyConversion: true).map(Array.init))
        // Runs of non-ASCII at both ends, ASCII stretches longer than a word, and every round length.
        let bytes = [0xE0, 0xE1] + once + Array("  plain ASCII words in between  ".utf8) + once + [0xE2]
        for first in [1, 2, 3, 5, 8, 13, 64] {
            var evidence = CharsetEvidence(bytes)
            var reference = ByteByByteEvidence(sample: bytes)
            var limit = first
            while !evidence.isComplete {
                evidence.read(upTo: limit)
                reference.read(upTo: limit)
                #expect(evidence.bytes == reference.bytes, "round up to \(limit) from \(first)")
                #expect(evidence.nonASCII == reference.nonASCII)
                #expect(evidence.position == reference.position)
                limit += first
            }
            #expect(reference.position == bytes.count)
        }
    }

    /// Pages long enough for detection to stop early, in code pages with close relatives.
    static let longPages: [(String, String.Encoding)] = [
        ("Клъстерът взе участие в конференцията във Валенсия. ", .windowsCP1251),
        ("Zażółć gęślą jaźń, w Katowicach odbył się kongres. ", .isoLatin2),
        ("Zażółć gęślą jaźń, w Katowicach odbył się kongres. ", .windowsCP1250),
        ("Українські кластери зустрілися у Львові, щоб обговорити експорт. ", CharsetSnifferTests.koi8u),
        ("Делегация на клъстера посети Пловдив. Срещата беше полезна. ", CharsetSnifferTests.macCyrillic),
    ]

    @Test("a long page is detected as when every candidate is scored on all of it", arguments: 0..<longPages.count)
    func longPage(_ position: Int) throws {
        let (sentence, encoding) = Self.longPages[position]
        let bytes = try #require(String(repeating: sentence, count: 200).data(using: encoding).map(Array.init))
        #expect(bytes.count > StatisticalCharsetDetector.firstRound * 16)
        let detector = StatisticalCharsetDetector()
        let everyCandidateInFull = detector.ranking(bytes, hint: nil).first?.encoding
        #expect(detector.detect(bytes, hint: nil).encoding == everyCandidateInFull)
        #expect(detector.rank(bytes, hint: nil).first?.encoding == everyCandidateInFull)
    }

    @Test("candidates that decode the rest of a page alike are not scored on it")
    func readAlike() throws {
        let koi8 = try #require(StatisticalCharsetDetector.candidates.firstIndex { $0.encoding == "koi8-r" })
        let koi8u = try #require(StatisticalCharsetDetector.candidates.firstIndex { $0.encoding == "koi8-u" })
        let bulgarian = try #require("Срещата беше полезна".data(using: CharsetSnifferTests.koi8u).map(Array.init))
        #expect(StatisticalCharsetDetector.readAlike(bulgarian[...], candidates: [koi8, koi8u]))
        let ukrainian = try #require("Зустріч у Львові".data(using: CharsetSnifferTests.koi8u).map(Array.init))
        #expect(!StatisticalCharsetDetector.readAlike(ukrainian[...], candidates: [koi8, koi8u]))
    }

    /// In a Cyrillic code page the accented letters and quotes of English text become Cyrillic letters
    /// inside Latin words ("cafй", "donТt"), which real text never writes: a Latin letter beside a
    /// Cyrillic one must cost more than a letter the language's table has not seen.
    @Test("English with a few accented letters and quotes in windows-1252 decodes to itself", arguments: [
        "see caf\u{E9} here, the file is large and the disk is full so we cannot write it.",
        "Print size and permission flags for loadable segments \u{2014} see caf\u{E9} r\u{E9}sum\u{E9} for details.",
        "Eleanor\u{2019}s caf\u{E9} opens at nine; the na\u{EF}ve visitors arrive early and stay late.",
    ])
    func englishWithAccents(_ text: String) throws {
        let bytes = try #require(text.data(using: .windowsCP1252).map(Array.init))
        let detected = StatisticalCharsetDetector().detect(bytes, hint: nil).encoding
        // windows-1250 writes "é" and "—" with the same bytes, so it reads some of them alike.
        let encodings: [String: String.Encoding] = ["windows-1252": .windowsCP1252, "windows-1250": .windowsCP1250]
        let decoded = encodings[detected].flatMap { String(bytes: bytes, encoding: $0) }
        #expect(decoded == text, "read as \(detected)")
    }
}
