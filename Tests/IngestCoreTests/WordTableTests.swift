@testable import IngestCore
import Testing

@Suite struct WordTableTests {
    /// The same words through both key forms: UTF-8 bytes, looked up from a `String`, and scalar values.
    struct Lookup: Sendable, CustomStringConvertible {
        let description: String
        let find: @Sendable ([(key: String, value: Int)], String) -> Int?
    }

    static let lookups = [
        Lookup(description: "UTF-8") { entries, word in WordTable<UInt8, Int>(entries).value(word) },
        Lookup(description: "scalars") { entries, word in
            WordTable<UInt32, Int>(entries).value(word.unicodeScalars.map(\.value))
        },
    ]

    static let words: [(key: String, value: Int)] = [
        ("stół", 1), ("stołu", 2), ("sto", 3), ("столица", 4), ("стол", 5), ("ст", 6), ("zażółć", 7), ("ї", 8),
        ("a", 9), ("ab", 10), ("abc", 11), ("Łódź", 12), ("😀", 13), ("x😀y", 14),
    ]

    @Test("every key finds its own value", arguments: lookups)
    func keysFound(_ lookup: Lookup) {
        for (key, value) in Self.words { #expect(lookup.find(Self.words, key) == value, "\(key)") }
    }

    @Test("a word that only shares a prefix with keys, or has a key as its prefix, is absent", arguments: lookups)
    func prefixes(_ lookup: Lookup) {
        for word in ["s", "st", "stó", "stoł", "stołuu", "с", "сто", "столиц", "столицы", "abcd", "zażół", "x😀", "😀y", ""] {
            #expect(lookup.find(Self.words, word) == nil, "\(word)")
        }
    }

    @Test("nothing is found in an empty table", arguments: lookups)
    func empty(_ lookup: Lookup) {
        for word in ["", "a", "stół", "столица"] { #expect(lookup.find([], word) == nil) }
    }

    @Test("the empty word can be a key", arguments: lookups)
    func emptyKey(_ lookup: Lookup) {
        #expect(lookup.find([("", 1), ("a", 2)], "") == 1)
        #expect(lookup.find([("", 1), ("a", 2)], "a") == 2)
    }

    @Test("keys are stored in NFC, so the NFC of a decomposed key finds it", arguments: lookups)
    func normalisedKeys(_ lookup: Lookup) {
        let decomposed = "zaz\u{0307}o\u{0301}\u{0142}c\u{0301}"
        #expect(decomposed.unicodeScalars.count == 9)
        #expect(lookup.find([(decomposed, 1)], "zażółć") == 1)
        // Looking up by code units compares them as they are: a decomposed word does not find its key.
        #expect(lookup.find([("zażółć", 1)], decomposed) == nil)
    }

    @Test("the longest keys are found whole, and neither their prefix nor a longer word is", arguments: lookups)
    func longestKeys(_ lookup: Lookup) {
        let long = String(repeating: "żółw", count: 1_000)
        let longer = long + "ż"
        let entries = [(key: long, value: 1), (key: "ż" + long, value: 2), (key: "w", value: 3)]
        #expect(lookup.find(entries, long) == 1)
        #expect(lookup.find(entries, "ż" + long) == 2)
        #expect(lookup.find(entries, longer) == nil)
        #expect(lookup.find(entries, String(long.dropLast())) == nil)
    }

    @Test("a word whose signature matches a key's but which is no key is turned away after probing")
    func signatureMatch() {
        let table = WordTable<UInt8, Int>([(key: "kot", value: 1), (key: "kąt", value: 2)])
        // The same length, first and last byte as "kot": the signature filter lets it through to the probe.
        let key = Array("kat".utf8)
        let signature = WordTable<UInt8, Int>.signature(Array("kot".utf8), mask: table.signatureMask)
        #expect(WordTable<UInt8, Int>.signature(key, mask: table.signatureMask) == signature)
        #expect(table.signatures[signature >> 6] & (1 << UInt64(signature & 63)) != 0)
        #expect(table.value("kat") == nil)
        #expect(table.value("kot") == 1)
        #expect(table.value("kąt") == 2)
    }

    @Test("keys whose hashes fall in the same slot are all found, and an absent word probing past them is not")
    func collisions() throws {
        // Six-letter words into a table of 16 slots: find several that hash to slot 3, and an absent one that does.
        let letters = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars.map(\.value))
        var colliding: [[UInt32]] = []
        var absent: [UInt32]?
        outer: for first in letters {
            for second in letters {
                let word = [first, second, 0x6F, 0x6E, 0x65, 0x73]
                guard WordTable<UInt32, Int>.hash(word) & 15 == 3 else { continue }
                if colliding.count < 6 { colliding.append(word) } else { absent = word; break outer }
            }
        }
        #expect(colliding.count == 6)
        let table = WordTable<UInt32, Int>(codeUnits: colliding.enumerated().map { (key: $0.element, value: $0.offset) })
        #expect(table.mask == 15)
        for (index, word) in colliding.enumerated() { #expect(table.value(word) == index) }
        // The slot after the run of six is empty, so probing for the absent word ends there.
        let probe = try #require(absent)
        #expect(table.value(probe) == nil)
        #expect(table.contains(colliding[5]))
        #expect(!table.contains(probe))
    }

    @Test("a table of many keys finds each and only each")
    func manyKeys() {
        let words = (0..<5_000).map { "słowo\($0)" }
        let table = WordTable<UInt8, Int>(words.enumerated().map { (key: $0.element, value: $0.offset) })
        for (index, word) in words.enumerated() { #expect(table.value(word) == index) }
        for index in 5_000..<5_100 { #expect(table.value("słowo\(index)") == nil) }
        #expect(table.signatureMask == (1 << 16) - 1)
    }

    @Test("a dictionary builds the table too")
    func fromDictionary() {
        let scalars = WordTable<UInt32, String>(["tydzień": "pl", "тиждень": "uk"])
        #expect(scalars.value("тиждень".unicodeScalars.map(\.value)) == "uk")
        #expect(scalars.value("tydzien".unicodeScalars.map(\.value)) == nil)
        let bytes = WordTable<UInt8, String>(["tydzień": "pl", "тиждень": "uk"])
        #expect(bytes.value("tydzień") == "pl")
    }
}
