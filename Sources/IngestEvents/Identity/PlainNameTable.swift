import Foundation

/// The plain form name keys compare names by (transliterated to Latin by ICU's Any-Latin, without
/// diacritics, lower-cased), put together scalar by scalar from a table for the blocks these pages
/// write names in: ASCII, Latin-1, Latin Extended-A and -B, Cyrillic and General Punctuation.
///
/// Each entry is what the transforms give for that scalar alone, built once. Over these blocks they map
/// each scalar independently of its neighbours (a test checks every pair of them, byte for byte, against
/// the transforms of the whole string), so a name of table scalars gets the same plain form without a
/// round trip through ICU per name. A name with any other scalar goes through ICU.
struct PlainNameTable: Sendable {
    static let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x400...0x4FF, 0x2000...0x206F]
    private static let punctuation = ranges[3]

    /// Per scalar below U+0500, its plain form; nil outside the ranges.
    private let main: [String?]
    /// Per scalar of General Punctuation, its plain form.
    private let punctuation: [String?]

    static let shared = PlainNameTable()

    init() {
        main = (UInt32(0)..<0x500).map { value in
            guard Self.ranges[0..<3].contains(where: { $0.contains(value) }), let scalar = Unicode.Scalar(value) else { return nil }
            return Self.transformed(String(scalar))
        }
        punctuation = Self.punctuation.map { value in Unicode.Scalar(value).map { Self.transformed(String($0)) } }
    }

    /// The plain form through ICU: Any-Latin, then diacritics stripped, then lower case.
    static func transformed(_ name: String) -> String {
        let latin = name.applyingTransform(.toLatin, reverse: false) ?? name
        return (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased()
    }

    /// The plain form from the table, nil when a scalar of the name is not in it.
    func plain(_ name: String) -> String? {
        var result = ""
        result.reserveCapacity(name.utf8.count + 8)
        for scalar in name.unicodeScalars {
            let value = scalar.value
            let piece: String?
            if value < 0x500 {
                piece = main[Int(value)]
            } else if Self.punctuation.contains(value) {
                piece = punctuation[Int(value - Self.punctuation.lowerBound)]
            } else {
                piece = nil
            }
            guard let piece else { return nil }
            result.append(piece)
        }
        return result
    }
}
