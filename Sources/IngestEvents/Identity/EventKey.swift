import Foundation
import IngestCore

/// The keys that decide which mentions, and which pages, speak of the same event.
///
/// Inside a page, names are compared word by word on their first five letters, lower-cased, so inflected
/// and plural forms meet ("Europejskiej Konferencji Klastrowej" and "Europejska Konferencja Klastrów",
/// "Clusters Meet Region" and "Clusters meet Regions"). Across pages the same comparison runs on the name
/// transliterated to Latin without diacritics (ICU's Any-Latin through Foundation), so a Bulgarian page's
/// "Grow your Region" and an English page's meet, and so would "Гроу" and "Grow" spellings of a name.
/// Names in the scripts of these pages get that form from ``PlainNameTable`` without a call into ICU.
enum EventKey {
    static let stemLength = 5

    /// A word's key inside one page: lower-cased, its first five characters.
    static func localStem(_ lowercased: String) -> String {
        String(lowercased.prefix(stemLength))
    }

    /// The name key across pages: transliterated, without diacritics, lower-cased, letters and digits only,
    /// each word cut to its first five characters.
    static func nameKey(_ name: String) -> String {
        // ASCII is already Latin without diacritics: both transforms would return it unchanged.
        let plain: String
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            plain = name.lowercased()
        } else {
            plain = PlainNameTable.shared.plain(name) ?? PlainNameTable.transformed(name)
        }
        let words = plain.unicodeScalars.split { !($0.properties.isAlphabetic || $0.properties.numericType != nil) }
        return words.map { String(String.UnicodeScalarView($0).prefix(stemLength)) }.joined(separator: " ")
    }

    /// `e_` and 24 hex digits of SHA-256 over the start date, the country and the name key: the same
    /// event reported by two pages gets the same id, whatever page reports it first.
    static func eventID(start: String?, country: String?, name: String) -> String {
        eventID(start: start, country: country, nameKey: nameKey(name))
    }

    static func eventID(start: String?, country: String?, nameKey: String) -> String {
        let material = [start ?? "", country?.uppercased() ?? "", nameKey].joined(separator: "|")
        return "e_" + SHA256Hex.digest(material.utf8).prefix(24)
    }
}
