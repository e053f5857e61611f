import Foundation

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

    static let shared = Gazetteer(places: GazetteerData.places, names: GazetteerData.names)

    init(places placeTable: String, names nameTable: String) {
        var places: [Place] = []
        for line in placeTable.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7 else { continue }
            var local: [String: String] = [:]
            for (language, value) in zip(["bg", "pl", "uk"], fields[4...6]) where !value.isEmpty { local[language] = value }
            places.append(
                Place(kind: fields[0] == "k" ? .country : .city, country: fields[1], population: Int(fields[2]) ?? 0, english: fields[3], local: local))
        }
        var names: [String: [PlaceName]] = [:]
        var maxWords = 1
        for line in nameTable.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let key = String(line[..<tab])
            var entries: [PlaceName] = []
            for entry in line[line.index(after: tab)...].split(separator: ",") {
                let parts = entry.split(separator: ":", maxSplits: 2).map(String.init)
                guard parts.count >= 2, let place = Int(parts[0]), place < places.count else { continue }
                entries.append(PlaceName(place: place, language: parts[1], base: parts.count > 2 ? parts[2] : nil))
            }
            names[key] = entries
            maxWords = max(maxWords, key.split(separator: " ").count)
        }
        self.places = places
        self.names = names
        self.maxWords = maxWords
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
}
