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
    /// One-word names that are also a form of a common word of Bulgarian, Polish or Ukrainian ("Biała",
    /// "Wolę", "Усі", "Mogą"), with those languages.
    let commonWords: [String: Set<String>]

    static let shared = Gazetteer(places: GazetteerData.places, names: GazetteerData.names, commonWords: GazetteerData.commonWords)

    /// Reads the tables by their bytes (``GeneratedTable``).
    init(places placeTable: String, names nameTable: String, commonWords commonTable: String) {
        var places: [Place] = []
        for line in GeneratedTable.lines(placeTable) {
            let fields = GeneratedTable.fields(line).map(GeneratedTable.string)
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
        for line in GeneratedTable.lines(nameTable) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let key = GeneratedTable.string(line[..<tab])
            var entries: [PlaceName] = []
            for entry in line[(tab + 1)...].split(separator: UInt8(ascii: ",")) {
                let parts = entry.split(separator: UInt8(ascii: ":"), maxSplits: 2)
                guard parts.count >= 2, let place = GeneratedTable.number(parts[0]), place < places.count else { continue }
                let base = parts.count > 2 ? GeneratedTable.string(parts[2]) : nil
                entries.append(PlaceName(place: place, language: GeneratedTable.string(parts[1]), base: base))
            }
            names[key] = entries
            let words = line[..<tab].split(separator: UInt8(ascii: " "))
            maxWords = max(maxWords, words.count)
            if let first = words.first { firstWords.insert(GeneratedTable.string(first)) }
            for length in words.indices.dropFirst() { prefixes.insert(GeneratedTable.string(line[line.startIndex..<words[length].startIndex - 1])) }
        }
        var commonWords: [String: Set<String>] = [:]
        for line in GeneratedTable.lines(commonTable) {
            let fields = GeneratedTable.fields(line)
            guard fields.count == 2 else { continue }
            commonWords[GeneratedTable.string(fields[0])] = Set(fields[1].split(separator: UInt8(ascii: ",")).map(GeneratedTable.string))
        }
        self.commonWords = commonWords
        self.places = places
        self.names = names
        self.maxWords = maxWords
        // Folded keys hold no combining marks, so their scalars are already in NFC.
        self.firstWords = WordTable(codeUnits: firstWords.map { (key: $0.unicodeScalars.map(\.value), value: true) })
        self.prefixes = prefixes
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
