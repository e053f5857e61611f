import Foundation
import Testing

@testable import IngestEvents

/// The tables that answer the tokenizer and the lexicon without `String` hashing give the answers the
/// Unicode properties and the `String` look-ups give.
@Suite struct LexiconAnnotationTests {
    @Test("the scalar table agrees with the Unicode properties on every scalar it covers")
    func scalarTable() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(
                ScalarClass.of(scalar).subtracting(.sure) == ScalarClass.properties(of: scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("sure scalars are in NFC and a character each, beside any other sure scalar")
    func sureScalars() {
        let sure = (UInt32(0)..<0x3000).compactMap(Unicode.Scalar.init).filter { ScalarClass.of($0).contains(.sure) }
        #expect(sure.count > 900)
        #expect(!ScalarClass.of("\u{301}").contains(.sure))
        #expect(!ScalarClass.of("\u{489}").contains(.sure))
        #expect(!ScalarClass.of("\u{37E}").contains(.sure))
        #expect(!ScalarClass.of("\r").contains(.sure))
        let partners = sure.enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        for first in sure {
            for second in partners {
                var pair = String.UnicodeScalarView()
                pair.append(first)
                pair.append(second)
                let string = String(pair)
                #expect(string.count == 2, "U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
                #expect(string.precomposedStringWithCanonicalMapping.utf8.elementsEqual(string.utf8))
            }
        }
    }

    /// Every word of the lists as written, capitalised, upper-case and decomposed, and some look-alikes.
    static var lexiconText: String {
        let lexicon = EventLexicon.shared
        var words = Set(lexicon.words.keys)
        for (stems, _) in lexicon.ordinalStems.values.flatMap({ $0 }).map({ ($0.stem, $0.value) }) {
            words.formUnion([stems, stems + "ego", stems + "ая", stems + "ого", stems + "ięćdziesiąt"])
        }
        var text = ""
        for word in words.sorted() {
            for form in [
                word, word.capitalized, word.uppercased(), word.decomposedStringWithCanonicalMapping,
                word.capitalized.decomposedStringWithCanonicalMapping, "x" + word, word + "x",
            ] {
                text += form + " "
            }
        }
        return text + "8th 3-ти 21st 8. edycja 7-ма İnci Ősma"
    }

    @Test("each token's annotation is what the lexicon's sets and the String look-ups say")
    func annotationMatchesSets() {
        let lexicon = EventLexicon.shared
        let text = TokenizedText(Self.lexiconText)
        #expect(text.tokens.count > 2000)
        #expect(text.tokens.contains { !$0.isSure } && text.tokens.contains { $0.isSure && !$0.lower.allSatisfy(\.isASCII) })
        let sets: [(Set<String>, EventLexicon.Roles)] = [
            (lexicon.editionWords, .edition), (lexicon.venueWords, .venue), (lexicon.nameWords, .nameWord),
            (lexicon.determiners, .determiner), (lexicon.organisationWords, .organisationWord), (lexicon.calendarWords, .calendar),
            (lexicon.fieldPhraseStarts, .fieldPhraseStart),
        ]
        var ordinals = 0
        for (index, token) in text.tokens.enumerated() {
            for (set, role) in sets {
                #expect(token.roles.contains(role) == set.contains(token.lower), "\(token.text) \(role)")
            }
            #expect(lexicon.eventWord(token)?.kind == lexicon.eventWords[token.lower]?.kind, "\(token.text)")
            #expect(lexicon.eventWord(token)?.form == lexicon.eventWords[token.lower]?.form, "\(token.text)")
            // The same ordinal through the String comparisons, with the token taken as not known to be in NFC.
            var tokens = text.tokens
            tokens[index].isSure = false
            let slow = lexicon.ordinal(in: tokens, at: index)
            let fast = lexicon.ordinal(in: text.tokens, at: index)
            #expect(slow?.value == fast?.value && slow?.length == fast?.length, "\(token.text)")
            #expect(lexicon.ordinal(in: text, at: index)?.value == fast?.value)
            if fast != nil { ordinals += 1 }
        }
        #expect(ordinals > 100)
    }

    @Test("tokens compare their lower case like String does, whether or not both are in NFC")
    func sameLower() {
        let text = TokenizedText("Łódź ŁÓDŹ Lo\u{301}dz Łódź Straße STRASSE Київ КИЇВ")
        for one in text.tokens {
            for other in text.tokens {
                #expect(one.hasSameLower(as: other) == (one.lower == other.lower), "\(one.text) \(other.text)")
            }
        }
    }
}
