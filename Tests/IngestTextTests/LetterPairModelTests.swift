import Testing

@testable import IngestText

/// The letter-pair tables are read from their UTF-8 bytes at start-up; they must come out as reading the
/// table's `xy:score` entries one by one does.
@Suite struct LetterPairModelTests {
    static let tables: [(code: String, table: String)] = [
        ("bg", LetterPairs.bg), ("pl", LetterPairs.pl), ("uk", LetterPairs.uk), ("en", LetterPairs.en),
        ("ru", LetterPairs.ru), ("be", LetterPairs.be), ("sr", LetterPairs.sr), ("mk", LetterPairs.mk),
    ]

    @Test("each language's alphabet and pair matrix are the entries of its table", arguments: 0..<tables.count)
    func matchesEntries(_ position: Int) throws {
        let (code, table) = Self.tables[position]
        let language = try #require(LetterPairModel.language(code))
        var scores: [String: Int16] = [:]
        var letters = Set<UInt32>()
        for entry in table.split(separator: " ") {
            let scalars = Array(entry.unicodeScalars)
            guard scalars.count >= 4, scalars[2] == ":", let score = Int16(String(String.UnicodeScalarView(scalars[3...])))
            else { continue }
            scores[String(String.UnicodeScalarView(scalars[..<2]))] = score
            letters.formUnion([scalars[0].value, scalars[1].value])
        }
        letters.remove(LetterPairModel.boundary)
        #expect(language.alphabet == [LetterPairModel.boundary] + letters.sorted())
        // Each symbol is found where the alphabet has it, through the direct table or beyond it, and no other.
        for (position, symbol) in language.alphabet.enumerated() { #expect(language.index(of: symbol) == position) }
        for absent: UInt32 in [0x41, 0x7FF, 0x2603, 0x1F600] { #expect(language.index(of: absent) == nil) }
        let width = language.alphabet.count
        #expect(language.matrix.count == width * width)
        var mismatches: [String] = []
        for (first, firstSymbol) in language.alphabet.enumerated() {
            for (second, secondSymbol) in language.alphabet.enumerated() {
                let pair = String(String.UnicodeScalarView([firstSymbol, secondSymbol].compactMap(Unicode.Scalar.init)))
                let expected = scores[pair] ?? Int16(PairScorer.unseenPair)
                if language.matrix[first * width + second] != expected { mismatches.append(pair) }
            }
        }
        #expect(mismatches.isEmpty, "\(code): \(mismatches.prefix(10))")
        #expect(scores.count > 100, "\(code): the table has entries")
    }
}
