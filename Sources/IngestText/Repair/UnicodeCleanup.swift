import Foundation
public import IngestCore

/// Normalises what survives a correct decoding but still trips up search and matching: stray control
/// characters, invisible characters (zero-width, soft hyphen, byte order marks), unusual spaces, Latin
/// letters hiding inside Cyrillic words ("Kлъстер" with a Latin K), the several apostrophes of Ukrainian,
/// and non-NFC sequences. Every kind of change is counted for `encoding.repairs`.
///
/// Nearly every text needs none of this, and the stage runs on every text and title, so the work is one
/// pass over the UTF-8 bytes: a text in which nothing changes comes back as the same string, and one that
/// changes is written as bytes, with the stretches between changes copied whole. Foundation's NFC runs only
/// when some kept character lies outside `nfcStableRanges`.
public struct UnicodeCleanup: Sendable {
    /// The one apostrophe Ukrainian words get: U+02BC MODIFIER LETTER APOSTROPHE, which Unicode recommends
    /// for Ukrainian because it is a letter and does not split the word ("зʼїзд", "пʼять").
    public static let ukrainianApostrophe: Unicode.Scalar = "\u{02BC}"

    static let apostrophes: Set<UInt32> = [0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0x02B9]

    /// Scalars that are in NFC whatever stands around them: canonical combining class 0, unchanged by NFC,
    /// and never a later element of a canonical decomposition, so never composed with what precedes them.
    /// A text made only of these is in NFC. The ranges cover the letters and punctuation of the pages'
    /// languages; the tests prove each property against Foundation's normalisation.
    public static let nfcStableRanges: [ClosedRange<UInt32>] = [
        0x0000...0x02FF,  // ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifier letters
        0x0370...0x0373, 0x0375...0x037D, 0x037F...0x0386, 0x0388...0x03FF,  // Greek, without its singletons
        0x0400...0x0482, 0x048A...0x052F,  // Cyrillic and its supplement, without the combining marks
        0x1E00...0x1EFF,  // Latin Extended Additional
        0x2002...0x206F,  // General Punctuation, without the two spaces that normalise to others
        0x20A0...0x20CF,  // Currency Symbols
        0x2100...0x2125, 0x2127...0x2129, 0x212C...0x214F,  // Letterlike Symbols ("№", "™"), without singletons
        0x2190...0x22FF,  // Arrows, Mathematical Operators
        0x2500...0x25FF,  // Box Drawing, Block Elements, Geometric Shapes
    ]

    /// Per-scalar flags below `tableLimit`, so the hot loop makes no property lookup for the scripts pages
    /// use; the alphabetic flag is taken from the standard library's property, so it agrees with it.
    static let tableLimit: UInt32 = 0x3000
    static let alphabeticFlag: UInt8 = 1
    static let stableFlag: UInt8 = 2
    /// Controls, invisible characters and unusual spaces: removed or made plain.
    static let dropFlag: UInt8 = 4
    static let apostropheFlag: UInt8 = 8
    static let flags: [UInt8] = {
        var flags = [UInt8](repeating: 0, count: Int(tableLimit))
        for value in 0..<tableLimit {
            if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic { flags[Int(value)] |= alphabeticFlag }
            if kind(of: value) != nil { flags[Int(value)] |= dropFlag }
            if apostrophes.contains(value) { flags[Int(value)] |= apostropheFlag }
        }
        for range in nfcStableRanges {
            for value in range where value < tableLimit { flags[Int(value)] |= stableFlag }
        }
        return flags
    }()

    /// What a control, invisible character or unusual space turns into.
    enum Kind {
        case control, invisible, space
    }

    static func kind(of value: UInt32) -> Kind? {
        switch value {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0x80...0x9F: .control
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD: .invisible
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: .space
        default: nil
        }
    }

    public init() {}

    public func clean(_ text: String) -> (text: String, repairs: [EncodingRepair]) {
        var utf8 = text
        let pass = utf8.withUTF8 { bytes in
            Self.flags.withUnsafeBufferPointer { flags in
                var pass = UnicodeCleanupPass(bytes: bytes, flags: flags)
                pass.run()
                return pass.result
            }
        }
        var cleaned = pass.output.map { String(decoding: $0, as: UTF8.self) } ?? text
        var repairs: [EncodingRepair] = []
        if !pass.stable {
            let normalised = cleaned.precomposedStringWithCanonicalMapping
            if !normalised.unicodeScalars.elementsEqual(cleaned.unicodeScalars) {
                repairs.append(EncodingRepair(chain: "unicode: composed to NFC", spans: 1))
                cleaned = normalised
            }
        }
        for (chain, count) in [
            ("unicode: control characters removed", pass.controls), ("unicode: invisible characters removed", pass.invisibles),
            ("unicode: unusual spaces made plain", pass.spaces), ("unicode: Latin look-alikes in Cyrillic words", pass.lookAlikeWords),
            ("unicode: Ukrainian apostrophes unified", pass.apostrophes),
        ] where count > 0 {
            repairs.append(EncodingRepair(chain: chain, spans: count))
        }
        return (cleaned, repairs)
    }
}
