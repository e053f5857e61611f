import IngestCore
@testable import IngestLanguage
import Testing

@Suite struct WordEvidenceCacheTests {
    let detector: LanguageDetector

    init() throws {
        detector = try LanguageDetector.bundled()
    }

    /// Words down every path of the cache: short and recurring ones it holds, words of 12 and 13 letters
    /// (the longest it holds, and one beyond), a run longer than 64 letters (scored in pieces), letters
    /// beyond U+FFFF, Latin look-alikes read as Cyrillic, apostrophes and both scripts in one text.
    static let texts = [
        "Клъстерът организира среща с представители на местния бизнес в Пловдив през следващата седмица.",
        "Spotkanie odbędzie się w przyszły czwartek, a na spotkanie przyjdą wszyscy mieszkańcy miasta.",
        "Делегація взяла участь у форумі в пʼятницю, для iх органамi і громадою.",
        "The workshop brought together researchers and the small companies of the region.",
        "Kлъстер МОСKВА Hовини дня",
        "przedstawiciel przedstawicie niedźwiedziami konstantynopolitańczykowianeczka",
        "𝐖𝐨𝐫𝐝 𝔄𝔟𝔠 word",
        "na na na i i i the the the на на на",
        String(repeating: "ab", count: 40),
        "Übung macht den Meister; ça va, ñandú",
    ]

    @Test("a word met again adds exactly what scoring it added, text after text", arguments: [nil, 0.5])
    func sameEvidence(_ margin: Double?) {
        var cache = WordEvidenceCache()
        for _ in 0..<3 {
            for text in Self.texts {
                let cached = detector.evidence(of: text[...], stoppingAt: margin, cache: &cache)
                #expect(cached == detector.evidence(of: text[...], stoppingAt: margin), "\(text)")
            }
        }
        #expect(detector.detect(Self.texts[0], cache: &cache) == detector.detect(Self.texts[0]))
    }

    /// How a page is read (``PageLanguageAnalyzer``): every paragraph into one reused evidence value, runs
    /// in another script detected on their own, all with the page's one cache.
    @Test("paragraphs and runs of one page read with one cache each have their own evidence")
    func pageParagraphs() {
        var cache = WordEvidenceCache()
        var evidence = LanguageEvidence(languages: detector.model.languages.count)
        for paragraph in Self.texts + Self.texts.reversed() {
            detector.evidence(of: paragraph[...], into: &evidence, cache: &cache)
            #expect(evidence == detector.evidence(of: paragraph[...]), "\(paragraph)")
            let run = paragraph.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(detector.detect(run[...], cache: &cache) == detector.detect(run[...]), "\(run)")
        }
    }

    @Test("a word met again is added from the cache, not scored again")
    func servedFromCache() {
        var cache = WordEvidenceCache()
        let text = "na na i the на"[...]
        let scored = detector.evidence(of: text, stoppingAt: nil, cache: &cache)
        // The first language's stored cost of every word held is raised by one: what the cache serves now
        // differs from what the model says.
        var held = 0
        for slot in stride(from: WordEvidenceCache.tagBytes, to: cache.slots.count, by: WordEvidenceCache.slotBytes)
        where cache.slots[slot + WordEvidenceCache.lengthOffset] != 0 {
            held += 1
            cache.slots[slot + WordEvidenceCache.costsOffset] &+= 1
        }
        #expect(held == 4)
        let served = detector.evidence(of: text, stoppingAt: nil, cache: &cache)
        #expect(served != scored)
        #expect(served.letters == scored.letters && served.words == scored.words)
    }

    @Test("more words than slots: a word replaced in its slot is scored again, with the same evidence")
    func replacedWords() {
        var cache = WordEvidenceCache()
        let letters = "abcdefghijklmnoprstuvwyz".map(String.init)
        var words: [String] = []
        for first in letters {
            for second in letters {
                for third in letters {
                    for fourth in ["a", "o"] { words.append(first + second + third + fourth) }
                }
            }
        }
        #expect(words.count > WordEvidenceCache.slotCount)
        for round in 0..<2 {
            for start in stride(from: 0, to: words.count, by: 50) {
                let text = words[start..<min(start + 50, words.count)].joined(separator: " ")
                #expect(detector.evidence(of: text[...], stoppingAt: nil, cache: &cache) == detector.evidence(of: text[...]),
                        "round \(round), words from \(start)")
            }
        }
    }

    @Test("a cache filled with other weights is emptied before a detector reads with it")
    func otherWeights() {
        var wholeWords = detector
        wholeWords.weights.wholeWordLetters = 3
        var longerBackoff = detector
        longerBackoff.weights.backoff *= 2
        var cache = WordEvidenceCache()
        let text = "na i ale на the przedstawiciel"[...]
        for reader in [detector, wholeWords, longerBackoff, detector] {
            #expect(reader.evidence(of: text, stoppingAt: nil, cache: &cache) == reader.evidence(of: text))
            #expect(reader.evidence(of: text, stoppingAt: nil, cache: &cache) == reader.evidence(of: text))
        }
        #expect(wholeWords.evidence(of: text) != detector.evidence(of: text))
        #expect(longerBackoff.evidence(of: text) != detector.evidence(of: text))
    }
}
