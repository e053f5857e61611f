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

    static func words() -> [(token: Token, scalars: [Unicode.Scalar])] {
        texts.flatMap { text in
            let scalars = Array(text.unicodeScalars)
            return Tokenizer().tokens(of: scalars).filter { $0.kind == .word }.map { ($0, scalars) }
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
        for (token, _) in Self.words() {
            let expected = Self.hasCountedCapital(token.text) ? token.text.lowercased() : token.text
            #expect(Array(token.lower.unicodeScalars) == Array(expected.unicodeScalars), "\(token.text)")
        }
    }

    @Test("a word's gazetteer key through the table is Gazetteer.fold of it")
    func folding() {
        var buffer: [UInt32] = []
        for (token, scalars) in Self.words() {
            let key = Gazetteer.key(token, scalars: scalars, buffer: &buffer)
            #expect(Array(key.unicodeScalars) == Array(Gazetteer.fold(token.text).unicodeScalars), "\(token.text)")
        }
    }

    @Test("stems and endings found by scalars agree with hasPrefix and hasSuffix")
    func stemsAndEndings() {
        for (token, _) in Self.words() {
            #expect(PersonVocabulary.isRole(token) == PersonVocabulary.isRole(token.lower), "\(token.text)")
            #expect(QuantityVocabulary.unit(of: token) == QuantityVocabulary.unit(of: token.lower), "\(token.text)")
            for language in ["bg", "pl", "uk", "en"] {
                #expect(
                    OrganisationLexicon.isAdjective(token, language: language) == OrganisationLexicon.isAdjective(token.lower, language: language),
                    "\(token.text)")
            }
        }
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
