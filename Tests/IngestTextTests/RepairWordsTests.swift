@testable import IngestText
import Testing

/// The word lists the repair ships, and how the repair reads words to look them up.
@Suite struct RepairWordsTests {
    @Test("the shipped list is sorted by code point, one word in small letters a line")
    func shippedListIsSorted() {
        let words = RepairWords.bulgarianAndUkrainian.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(words.count > 10_000)
        #expect(zip(words, words.dropFirst()).allSatisfy { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) })
        #expect(words.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() })
        let list = SortedWordList(lines: RepairWords.bulgarianAndUkrainian)
        #expect(words.allSatisfy { list.contains(Array($0.utf8)) })
    }

    @Test("the small letter worked out from the Cyrillic block's layout is Unicode's, and signs are no letters")
    func smallLettersAreUnicodes() {
        for value in UInt32(0x400)...0x4FF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let expected = scalar.properties.isAlphabetic && scalar.properties.lowercaseMapping.unicodeScalars.count == 1
                ? scalar.properties.lowercaseMapping.unicodeScalars.first?.value : nil
            #expect(LegacyMisreadingRepair.smallCyrillicLetter(value) == expected, "U+\(String(value, radix: 16))")
        }
    }
}
