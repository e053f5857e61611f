/// The writing system of a letter, as ISO 15924 names it. Only what the detector needs to tell apart:
/// the candidate languages are written in Latin or Cyrillic, and text in any other script is none of them.
public enum WritingScript: Int, Sendable, CaseIterable {
    case latin, cyrillic, greek, armenian, georgian, hebrew, arabic, devanagari, thai, hangul, han, kana, other

    /// The ISO 15924 code.
    public var code: String {
        switch self {
        case .latin: "Latn"
        case .cyrillic: "Cyrl"
        case .greek: "Grek"
        case .armenian: "Armn"
        case .georgian: "Geor"
        case .hebrew: "Hebr"
        case .arabic: "Arab"
        case .devanagari: "Deva"
        case .thai: "Thai"
        case .hangul: "Hang"
        case .han: "Hani"
        case .kana: "Jpan"
        case .other: "Zyyy"
        }
    }

    /// The script of a (lower-cased) letter.
    @inline(__always)
    static func of(_ value: UInt32) -> WritingScript {
        switch value {
        case 0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF: .latin
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
        case 0x0370...0x03FF, 0x1F00...0x1FFF: .greek
        case 0x0530...0x058F: .armenian
        case 0x10A0...0x10FF: .georgian
        case 0x0590...0x05FF: .hebrew
        case 0x0600...0x06FF, 0x0750...0x077F: .arabic
        case 0x0900...0x097F: .devanagari
        case 0x0E00...0x0E7F: .thai
        case 0x1100...0x11FF, 0xAC00...0xD7AF: .hangul
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: .han
        case 0x3040...0x30FF: .kana
        default: .other
        }
    }
}
