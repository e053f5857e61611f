import Foundation
import IngestCore

/// The cleanup written the plain way, scalar by scalar on `String.UnicodeScalarView` with Foundation's NFC on
/// every text: slow, but easy to check by reading. `UnicodeCleanup`, which works on UTF-8 bytes and skips
/// NFC for texts proven to be in it, must give the same text and the same repairs for any input.
enum ReferenceUnicodeCleanup {
    static let lookAlikes: [UInt32: Unicode.Scalar] = [
        0x61: "а", 0x63: "с", 0x65: "е", 0x6F: "о", 0x70: "р", 0x78: "х", 0x79: "у", 0x69: "і",
        0x41: "А", 0x42: "В", 0x43: "С", 0x45: "Е", 0x48: "Н", 0x4B: "К", 0x4D: "М", 0x4F: "О", 0x50: "Р",
        0x54: "Т", 0x58: "Х", 0x49: "І",
    ]
    static let apostrophes: Set<UInt32> = [0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0x02B9]
    static let ukrainianApostrophe: Unicode.Scalar = "\u{02BC}"

    static func clean(_ text: String) -> (text: String, repairs: [EncodingRepair]) {
        var controls = 0
        var invisibles = 0
        var spaces = 0
        var lookAlikeWords = 0
        var apostropheCount = 0
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0x80...0x9F:
                controls += 1
            case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD:
                invisibles += 1
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                spaces += 1
                out.append(" ")
            default:
                guard scalar.properties.isAlphabetic else {
                    out.append(scalar)
                    break
                }
                var end = index
                while end < scalars.count,
                    scalars[end].properties.isAlphabetic
                        || (apostrophes.contains(scalars[end].value) && end + 1 < scalars.count && end > index
                            && scalars[end + 1].properties.isAlphabetic)
                {
                    end += 1
                }
                let word = scalars[index..<end]
                let cyrillic = word.filter { (0x400...0x4FF).contains($0.value) }.count
                let latin = word.filter { $0.value < 0x250 && $0.properties.isAlphabetic }.count
                let convertible = cyrillic > 0 && latin > 0 && cyrillic >= latin
                    && word.allSatisfy { (0x400...0x4FF).contains($0.value) || lookAlikes[$0.value] != nil || apostrophes.contains($0.value) }
                if convertible { lookAlikeWords += 1 }
                for character in word {
                    if convertible, let replacement = lookAlikes[character.value] {
                        out.append(replacement)
                    } else if apostrophes.contains(character.value), cyrillic > 0 {
                        if character != ukrainianApostrophe { apostropheCount += 1 }
                        out.append(ukrainianApostrophe)
                    } else {
                        out.append(character)
                    }
                }
                index = end
                continue
            }
            index += 1
        }
        var cleaned = String(out)
        var repairs: [EncodingRepair] = []
        let normalised = cleaned.precomposedStringWithCanonicalMapping
        if !normalised.unicodeScalars.elementsEqual(cleaned.unicodeScalars) {
            repairs.append(EncodingRepair(chain: "unicode: composed to NFC", spans: 1))
            cleaned = normalised
        }
        for (chain, count) in [
            ("unicode: control characters removed", controls), ("unicode: invisible characters removed", invisibles),
            ("unicode: unusual spaces made plain", spaces), ("unicode: Latin look-alikes in Cyrillic words", lookAlikeWords),
            ("unicode: Ukrainian apostrophes unified", apostropheCount),
        ] where count > 0 {
            repairs.append(EncodingRepair(chain: chain, spans: count))
        }
        return (cleaned, repairs)
    }
}
