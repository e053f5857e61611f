import IngestCore
@testable import IngestLanguage
import Testing

@Suite struct WordEvidenceCachePoolTests {
    let detector: LanguageDetector

    init() throws {
        detector = try LanguageDetector.bundled()
    }

    /// Pages of several paragraphs, from the texts that take every path of the cache, in varied orders so
    /// that a page finds some of its words left by the pages before it and not others.
    static var pages: [String] {
        let texts = WordEvidenceCacheTests.texts
        return (0..<texts.count).map { start in
            (0..<4).map { step in texts[(start + step * 3) % texts.count] }.joined(separator: "\n\n")
        } + [texts.joined(separator: "\n\n"), texts.reversed().joined(separator: " ")]
    }

    @Test("pages analysed one after another by one analyzer come out as each analysed by a fresh one")
    func pagesInTurn() {
        let analyzer = PageLanguageAnalyzer(detector: detector)
        for page in Self.pages + Self.pages.reversed() {
            #expect(analyzer.analyze(page) == PageLanguageAnalyzer(detector: detector).analyze(page), "\(page)")
        }
        #expect(analyzer.caches.idleCount == 1)
    }

    @Test("pages analysed at once from many tasks come out as each analysed by a fresh one", .timeLimit(.minutes(1)))
    func pagesAtOnce() async {
        let analyzer = PageLanguageAnalyzer(detector: detector)
        let pages = Array(repeating: Self.pages, count: 4).joined().map { $0 }
        let expected = pages.map { PageLanguageAnalyzer(detector: detector).analyze($0) }
        let found = await withTaskGroup(of: (Int, LanguageInfo).self) { group in
            for (index, page) in pages.enumerated() {
                group.addTask { (index, analyzer.analyze(page)) }
            }
            var found = [LanguageInfo?](repeating: nil, count: pages.count)
            for await (index, info) in group { found[index] = info }
            return found
        }
        #expect(found == expected)
        #expect((1...WordEvidenceCachePool.maximumIdle).contains(analyzer.caches.idleCount))
    }

    /// A copy of an analyzer shares its pool; the cache's owner check keeps another detector's evidence out.
    @Test("a copy with other weights shares the caches and still reads as a fresh analyzer with those weights")
    func copyWithOtherWeights() {
        let analyzer = PageLanguageAnalyzer(detector: detector)
        var other = analyzer
        other.detector.weights.wholeWordLetters = 3
        other.detector.weights.backoff *= 2
        for page in Self.pages {
            #expect(analyzer.analyze(page) == PageLanguageAnalyzer(detector: detector).analyze(page))
            #expect(other.analyze(page) == PageLanguageAnalyzer(detector: other.detector).analyze(page))
        }
        #expect(other.caches === analyzer.caches)
    }

    @Test("a cache handed back is lent again as it was left, and no more than the most kept wait")
    func lentAgain() {
        let pool = WordEvidenceCachePool()
        var cache = pool.borrow()
        _ = detector.evidence(of: "na i the на"[...], stoppingAt: nil, cache: &cache)
        let filled = cache.slots
        pool.giveBack(cache)
        #expect(pool.borrow().slots == filled)
        let many = (0..<(WordEvidenceCachePool.maximumIdle + 5)).map { _ in pool.borrow() }
        for cache in many { pool.giveBack(cache) }
        #expect(pool.idleCount == WordEvidenceCachePool.maximumIdle)
    }
}
