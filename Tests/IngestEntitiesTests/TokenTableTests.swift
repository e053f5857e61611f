import Foundation
@testable import IngestEntities
import IngestTestSupport
import Testing

/// The tokenizer's per-scalar table and the scalar look-ups built on it give the same answers as the
/// `String` operations they stand in for, on every word of the fixture pages and on every letter the
/// table covers, so a faster look-up can never change what the recognisers find.
@Suite struct TokenTableTests {
    /// Words from the fixture pages (markup included: it is text too) and every letter of the table,
    /// alone and capitalised inside a word.
    static let texts: [String] = {
        var texts = FixturePaths.pageNames().compactMap { try? String(decoding: FixturePaths.bytes(ofPage: $0), as: UTF8.self) }
        var letters = String.UnicodeScalarView()
        for value in 0..<ScalarTable.limit {
            guard let scalar = Unicode.Scalar(value), Tokenizer.isLetter(scalar) else { continue }
            letters.append(contentsOf: [" ", scalar, "a", scalar, " ", "x", scalar, "’", "s"] as [Unicode.Scalar])
        }
        texts.append(String(letters))
        texts.append("Wrze\u{015B}nia, wrzes\u{0301}nia, Ѐ\u{0301}, п'ять, пʼять, П’ЯТЬ, İstanbul, ΣΟΦΊΑ, Łódź, Iaşi, Iași, Ǆemal")
        return texts
    }()

    static func words() -> [(list: TokenList, index: Int)] {
        texts.flatMap { text in
            let list = Tokenizer().tokens(of: Array(text.unicodeScalars))
            return list.indices.filter { list[$0].kind == .word }.map { (list, $0) }
        }
    }

    /// Whether a word has a capital the tokenizer counts: the letter right after an apostrophe or a
    /// hyphen is not counted ("f-Y" stays as written).
    static func hasCountedCapital(_ text: String) -> Bool {
        var afterJoiner = false
        for scalar in text.unicodeScalars {
            if !afterJoiner, Tokenizer.isLetter(scalar), Tokenizer.isUpper(scalar) { return true }
            afterJoiner = Tokenizer.isJoiner(scalar)
        }
        return false
    }

    @Test("a word's lower case is String.lowercased() of it whenever it has a capital")
    func lowerCase() {
        for (list, index) in Self.words() {
            let text = list.text(index)
            #expect(Array(text.unicodeScalars) == Array(list.scalars[list[index].start..<list[index].end]))
            let expected = Self.hasCountedCapital(text) ? text.lowercased() : text
            #expect(Array(list.lower(index).unicodeScalars) == Array(expected.unicodeScalars), "\(text)")
        }
    }

    @Test("a word's gazetteer key through the table is Gazetteer.fold of it")
    func folding() {
        var buffer: [UInt32] = []
        for (list, index) in Self.words() {
            let key = Gazetteer.key(list, index, buffer: &buffer)
            #expect(Array(key.unicodeScalars) == Array(Gazetteer.fold(list.text(index)).unicodeScalars), "\(list.text(index))")
        }
    }

    @Test("stems and endings found by scalars agree with hasPrefix and hasSuffix")
    func stemsAndEndings() {
        for (list, index) in Self.words() {
            let lower = list.lower(index)
            #expect(PersonVocabulary.isRole(list, index) == PersonVocabulary.isRole(lower), "\(lower)")
            #expect(QuantityVocabulary.unit(of: list, index) == QuantityVocabulary.unit(of: lower), "\(lower)")
            #expect(OrganisationLexicon.isEventWord(list, index) == OrganisationLexicon.isEventWord(lower), "\(lower)")
            for language in ["bg", "pl", "uk", "en"] {
                #expect(
                    OrganisationLexicon.isAdjective(list, index, language: language) == OrganisationLexicon.isAdjective(lower, language: language),
                    "\(lower)")
            }
        }
    }

    @Test("word sets found by scalars agree with Set<String> of the lower-cased word")
    func wordSets() {
        let sets: [WordSet] = [
            DateVocabulary.yearWords, DateVocabulary.yearAbbreviations, DateVocabulary.englishOrdinals, DateVocabulary.hyphenOrdinals,
            DateVocabulary.rangeWords, DateVocabulary.rangeOpeners, DateVocabulary.yearPrepositions, QuantityVocabulary.stops,
            PersonVocabulary.titles, OrganisationLexicon.connectors, OrganisationLexicon.bulgarianLinks,
        ]
        var vocabulary = sets.flatMap(\.words)
        vocabulary += vocabulary.map { $0.uppercased() } + ["Wrzes\u{0301}nia", "І", "ДО", "Та"]
        let list = Tokenizer().tokens(of: Array(vocabulary.joined(separator: " ").unicodeScalars))
        var found = 0
        for (wordList, index) in Self.words() + list.indices.map({ (list, $0) }) {
            let lower = wordList.lower(index)
            for set in sets {
                #expect(set.contains(wordList, index) == set.words.contains(lower), "\(lower)")
                if set.contains(wordList, index) { found += 1 }
            }
        }
        #expect(found >= vocabulary.count)
    }

    @Test("every word of the recognisers' vocabularies gets its class; a word not in NFC is sent to every look-up")
    func wordClasses() {
        let vocabulary: [(String, WordClass)] = [
            ("Wczoraj", .relativeDay), ("між", .rangeOpener), ("през", .yearPreposition), ("września", .month), ("Listopad", .month),
            ("ponad", .qualifier), ("двадесет", .numberStart), ("Klastra", .trigger), ("університету", .trigger),
        ]
        for (word, wordClass) in vocabulary {
            let token = Tokenizer().tokens(of: Array(word.unicodeScalars))[0]
            #expect(token.classes.contains(wordClass), "\(word)")
        }
        for word in CalendarNames.shared.months.keys {
            let tokens = Tokenizer().tokens(of: Array(word.unicodeScalars))
            #expect(tokens.count != 1 || tokens[0].classes.contains(.month), "\(word)")
        }
        let decomposed = Tokenizer().tokens(of: Array("wrzes\u{0301}nia".unicodeScalars))
        #expect(decomposed.count == 1 && decomposed[0].classes == .all)
        let apostrophe = Tokenizer().tokens(of: Array("п'ять".unicodeScalars))
        #expect(apostrophe.count == 1 && apostrophe[0].classes.contains(.apostrophe))
    }
}
