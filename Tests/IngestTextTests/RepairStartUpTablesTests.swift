import Testing

@testable import IngestText

/// The repairer's tables are made at every start-up from each code page's own table of bytes, not by
/// asking every page about every character. Each must hold what the slow way answers, character by
/// character, or repairs would change with how the tables happen to be built.
@Suite struct RepairStartUpTablesTests {
    let repairer = MojibakeRepairer()

    @Test("every code page maps each character it decodes a byte to back to that byte")
    func reverseMapsRoundTrip() throws {
        for map in repairer.reverse {
            let scalars = try #require(CodePageReverseMap.scalars(of: map.name))
            // Bytes decoding to the same character as a later byte give way to it, as the map keeps the last.
            var last: [Unicode.Scalar: Int] = [:]
            for byte in 0x80...0xFF where scalars[byte] != "\u{FFFD}" { last[scalars[byte]] = byte }
            for (scalar, byte) in last {
                #expect(map.byte(for: scalar) == UInt8(byte), "\(map.name): U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test("macintosh's characters beyond the flat table are found, and no other page has any")
    func charactersBeyondTheFlatTable() throws {
        for map in repairer.reverse {
            let scalars = try #require(CodePageReverseMap.scalars(of: map.name))
            let beyond = (0x80...0xFF).filter { scalars[$0].value >= CodePageReverseMap.flatLimit && scalars[$0] != "\u{FFFD}" }
            #expect(beyond == (map.name == "macintosh" ? [0xDE, 0xDF, 0xF0] : []), "\(map.name)")
            for byte in beyond { #expect(map.byte(for: scalars[byte]) == UInt8(byte)) }
        }
    }

    @Test("the bytes of all pages in one array are each page's answer for each character below the limit")
    func reverseBytesMatchMaps() {
        let limit = MojibakeRepairer.reverseFlatLimit
        #expect(repairer.reverseBytes.count == repairer.reverse.count * limit)
        for (page, map) in repairer.reverse.enumerated() {
            let mismatches = (0..<UInt32(limit)).filter { value in
                let expected = Unicode.Scalar(value).flatMap(map.byte(for:)) ?? 0
                return repairer.reverseBytes[page * limit + Int(value)] != expected
            }
            #expect(mismatches.isEmpty, "\(map.name): \(mismatches.prefix(5).map { String($0, radix: 16) })")
        }
    }

    @Test("the code-page masks below the limit are what asking every page about the character gives")
    func masksMatchEveryPagesAnswer() {
        let pages = repairer.reverse
        let all = CodePageMasks.Pages.max >> (CodePageMasks.Pages.bitWidth - pages.count)
        let mismatches = (0..<CodePageMasks.flatLimit).compactMap(Unicode.Scalar.init).filter { scalar in
            repairer.masks.entry(scalar) != CodePageMasks.entry(for: scalar, pages: pages, all: all)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { String($0.value, radix: 16) })")
        // Not vacuous: the space stands in for a continuation byte in every page, "Ð" is a lead in several.
        #expect(repairer.masks.entry(" ").continuation == all)
        #expect(repairer.masks.entry("Ð").lead2 != 0)
    }

    @Test("the legacy census's table is what classifying each character the slow way gives")
    func legacyClassesMatchSlowClassification() {
        let readAs = LegacyMisreadingRepair.confusions.map(\.readAs).reduce(into: [String]()) { names, name in
            if !names.contains(name) { names.append(name) }
        }
        let maps = readAs.compactMap { name in repairer.reverse.first { $0.name == name } }
        #expect(maps.count == readAs.count)
        let classes = LegacyMisreadingRepair.CharacterClasses(readAs: maps, scalarClasses: ScalarClasses())
        let inTable = Array(0..<UInt32(0x530)) + Array(UInt32(0x2000)..<0x2600)
        let mismatches = inTable.compactMap(Unicode.Scalar.init).filter { scalar in
            classes.classes(of: scalar) != LegacyMisreadingRepair.CharacterClasses.classify(scalar, maps)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { String($0.value, radix: 16) })")
        #expect(classes.classes(of: "—") & LegacyMisreadingRepair.CharacterClasses.oddSymbol == 0)
        #expect(classes.classes(of: "¤") & LegacyMisreadingRepair.CharacterClasses.oddSymbol != 0)
    }

    @Test("the shared letter-pair scorers score as scorers made on their own do", arguments: PairScorer.encodings)
    func sharedScorersMatchOwnOnes(_ encoding: String) throws {
        // Every byte after every other, then text: each byte's class and each pair's step is scored.
        var bytes: [UInt8] = []
        for first in 0x20...0xFF { for second in [0x20, 0x61, 0xB3, 0xE0, 0xF3, first] { bytes += [UInt8(first), UInt8(second)] } }
        bytes += Array("Zażółć gęślą jaźń; Съединение прави силата. ".utf8)
        for language in PairScorer.languages {
            let shared = try #require(PairScorer.shared(encoding: encoding, language: language))
            let own = try #require(PairScorer(encoding: encoding, language: language))
            #expect(shared.score(bytes) == own.score(bytes), "\(encoding) as \(language)")
        }
        // The Cyrillic neighbours are scored only in the encodings that read Cyrillic.
        let readsCyrillic = try #require(PairScorer.decoding(encoding)).contains { (0x400...0x4FF).contains($0.value) }
        for language in PairScorer.cyrillicNeighbours {
            let shared = PairScorer.shared(encoding: encoding, language: language)
            #expect((shared != nil) == readsCyrillic, "\(encoding) as \(language)")
            if let shared {
                let own = try #require(PairScorer(encoding: encoding, language: language))
                #expect(shared.score(bytes) == own.score(bytes), "\(encoding) as \(language)")
            }
        }
    }

    /// The give-away characters are listed as ranges; a range out of order or overlapping another would
    /// be a slip in the list, and the characters the repair turns on must be in it.
    @Test("the give-away ranges ascend without overlapping, and hold what misreadings show")
    func giveAwayRangesAreOrdered() {
        let ranges = MojibakeRepairer.giveAwayRanges
        #expect(ranges.allSatisfy { $0.first <= $0.last })
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.last + 1 < $1.first })
        for giveAway: Unicode.Scalar in ["\u{85}", "Ð", "Ñ", "€", "™", "š", "ђ", "ў", "╕", "ศ", "ﬁ"] {
            #expect(repairer.isSuspicious(giveAway), "U+\(String(giveAway.value, radix: 16))")
        }
        for plain: Unicode.Scalar in ["a", "ą", "ł", "ж", "ї", "ґ", "ё", "«", "—", "“", "№"] {
            #expect(!repairer.isSuspicious(plain), "U+\(String(plain.value, radix: 16))")
        }
    }

    /// Each language's steps, as the definition gives them one class pair at a time: a byte beyond ASCII that
    /// is no letter costs 120 alone, an implausible one 500, and a byte makes a scored pair with the one
    /// before unless both are ASCII or neither is a letter. The scorers of every encoding share these tables,
    /// so a wrong step would move every detection and every legacy re-reading.
    @Test("each language's step table is the definition's, class pair by class pair", arguments: ["bg", "pl", "uk", "en", "ru", "be", "sr", "mk"])
    func stepTablesFollowTheDefinition(_ code: String) throws {
        let language = try #require(LetterPairModel.language(code))
        let letters = language.alphabet.count
        let symbols = letters + 2
        let isCyrillic = language.alphabet.map { (0x400...0x52F).contains($0) } + [false, true]
        func pair(_ first: Int, _ second: Int) -> Int {
            if first != 0, second != 0, isCyrillic[first] != isCyrillic[second] { return PairScorer.mixedScriptPair }
            if first >= letters || second >= letters { return PairScorer.unseenPair }
            return Int(language.matrix[first * letters + second])
        }
        func symbol(_ `class`: Int) -> Int { `class` < symbols ? `class` : `class` < 2 * symbols ? `class` - symbols : 0 }
        let width = 2 * symbols + 1
        let steps = PairScorer.steps(language)
        #expect(steps.count == width * width)
        var mismatches: [String] = []
        for first in 0..<width {
            for second in 0..<width {
                var score = second == symbols ? -120 : second == 2 * symbols ? -500 : 0
                var count = score != 0 ? 1 : 0
                if first >= symbols || second >= symbols, symbol(first) != 0 || symbol(second) != 0 {
                    score += pair(symbol(first), symbol(second))
                    count += 1
                }
                if steps[first * width + second] != Int64(score) << 32 | Int64(count) { mismatches.append("\(first),\(second)") }
            }
        }
        #expect(mismatches.isEmpty, "\(code): \(mismatches.prefix(10))")
        // Not vacuous: some pairs score, and some classes cost alone.
        #expect(steps.contains { $0 >> 32 < -500 })
    }

    /// The census's second pass skips every character outside "§"..."»"; each sign it asks about, and the
    /// soft hyphen, must lie inside.
    @Test("the signs out of place lie where the census's second pass looks")
    func signsLieInTheirRange() {
        let range = LegacyMisreadingRepair.signsFirst...LegacyMisreadingRepair.signsLast
        let signs = (UInt32(0)..<0x2600).filter { LegacyMisreadingRepair.isSymbolNeverInsideWords($0) } + [0xAD]
        #expect(signs.allSatisfy(range.contains))
        #expect(signs.contains(range.lowerBound) && signs.contains(range.upperBound))
    }
}
