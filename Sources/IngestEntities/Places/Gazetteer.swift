import Foundation
import IngestCore

/// The places the entities stage knows, looked up by folded name: marks dropped and lower-cased, so
/// "Iași" (comma below), "Iaşi" (cedilla) and "IASI" meet, and so do inflected forms generated from the
/// hunspell dictionaries ("Pradze", "Вінниці").
///
/// Parsed once per process from the generated tables (Scripts/build-gazetteer.py).
struct Gazetteer: Sendable {
    let places: [Place]
    let names: [String: [PlaceName]]
    /// The longest name in words, so lookups try no longer spans.
    let maxWords: Int
    /// The first word of every name, by folded scalars: most capitalised words begin none, and are
    /// ruled out without building a key.
    let firstWords: WordTable<UInt32, Bool>
    /// Every name of several words cut after each word but the last ("new", "new south"), so a lookup
    /// stops as soon as no longer name can follow.
    let prefixes: Set<String>
    /// One-word names that are also a form of a common word of the language they are a name in
    /// ("Biała", "Wolę", "Усі"), with those languages.
    let commonWords: [String: Set<String>]

    static let shared = Gazetteer(places: GazetteerData.places, names: GazetteerData.names, commonWords: GazetteerData.commonWords)

    /// Reads the tables' UTF-8 bytes, splitting lines and fields on single bytes: the tables have some
    /// 30,000 lines, and splitting them as `Character`s took most of the entities stage's start-up.
    init(places placeTable: String, names nameTable: String, commonWords commonTable: String = "") {
        var places: [Place] = []
        for line in Self.lines(placeTable) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Self.string)
            guard fields.count == 7 else { continue }
            var local: [String: String] = [:]
            for (language, value) in zip(["bg", "pl", "uk"], fields[4...6]) where !value.isEmpty { local[language] = value }
            places.append(
                Place(
                    kind: fields[0] == "k" ? .country : .city, isCapital: fields[0] == "a", country: fields[1], population: Int(fields[2]) ?? 0,
                    english: fields[3], local: local))
        }
        var names: [String: [PlaceName]] = [:]
        var maxWords = 1
        var firstWords: Set<String> = []
        var prefixes: Set<String> = []
        for line in Self.lines(nameTable) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let key = Self.string(line[..<tab])
            var entries: [PlaceName] = []
            for entry in line[(tab + 1)...].split(separator: UInt8(ascii: ",")) {
                let parts = entry.split(separator: UInt8(ascii: ":"), maxSplits: 2)
                guard parts.count >= 2, let place = Self.number(parts[0]), place < places.count else { continue }
                entries.append(PlaceName(place: place, language: Self.string(parts[1]), base: parts.count > 2 ? Self.string(parts[2]) : nil))
            }
            names[key] = entries
            let words = line[..<tab].split(separator: UInt8(ascii: " "))
            maxWords = max(maxWords, words.count)
            if let first = words.first { firstWords.insert(Self.string(first)) }
            for length in words.indices.dropFirst() { prefixes.insert(Self.string(line[line.startIndex..<words[length].startIndex - 1])) }
        }
        var commonWords: [String: Set<String>] = [:]
        for line in Self.lines(commonTable) {
            let fields = line.split(separator: UInt8(ascii: "\t"))
            guard fields.count == 2 else { continue }
            commonWords[Self.string(fields[0])] = Set(fields[1].split(separator: UInt8(ascii: ",")).map(Self.string))
        }
        self.commonWords = commonWords
        self.places = places
        self.names = names
        self.maxWords = maxWords
        // Folded keys hold no combining marks, so their scalars are already in NFC.
        self.firstWords = WordTable(codeUnits: firstWords.map { (key: $0.unicodeScalars.map(\.value), value: true) })
        self.prefixes = prefixes
    }

    private static func lines(_ table: String) -> [ArraySlice<UInt8>] {
        Array(table.utf8).split(separator: UInt8(ascii: "\n"))
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// The key a written name is looked up by; the generator folds names the same way.
    static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "\u{2019}", "\u{02BC}": scalars.append("'")
            default:
                if scalar.properties.generalCategory != .nonspacingMark { scalars.append(scalar) }
            }
        }
        return String(scalars).lowercased()
    }

    /// ``fold(_:)`` of a word's scalars through ``ScalarTable``, into `folded`; false, leaving `folded`
    /// undefined, when a scalar is outside the table and only the full fold can tell.
    static func fold(_ scalars: ArraySlice<Unicode.Scalar>, into folded: inout [UInt32]) -> Bool {
        let table = ScalarTable.shared
        folded.removeAll(keepingCapacity: true)
        for scalar in scalars {
            let value = scalar.value
            if value == 0x2019 {
                folded.append(0x27)
                continue
            }
            guard value < ScalarTable.limit, !ScalarTable.greek.contains(value) else { return false }
            let mapped = table.folded[Int(value)]
            if mapped == ScalarTable.nothing { continue }
            guard mapped != ScalarTable.several else { return false }
            folded.append(mapped)
        }
        return true
    }

    /// The key of one word of the text: through the table when it can, else ``fold(_:)``.
    static func key(_ t: TokenList, _ index: Int, buffer: inout [UInt32]) -> String {
        guard fold(t.scalars[t[index].start..<t[index].end], into: &buffer) else { return fold(t.text(index)) }
        return TokenList.string(buffer)
    }
}
