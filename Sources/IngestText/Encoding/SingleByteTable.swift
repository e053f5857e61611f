import Foundation

/// A byte-to-UTF-8 table for one single-byte encoding, built once from the platform's converters.
///
/// Bytes the platform leaves undefined become U+FFFD, except in windows-1252, where the Encoding Standard
/// maps the five undefined bytes to the C1 controls of the same value.
public struct SingleByteTable: Sendable {
    private let sequences: [[UInt8]]

    /// The scalar each byte decodes to.
    public var scalars: [Unicode.Scalar] {
        sequences.map { String(decoding: $0, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}" }
    }

    private init(encoding: String.Encoding, controlsForUndefined: Bool) {
        sequences = (0...255).map { (byte: Int) -> [UInt8] in
            if byte < 0x80 { return [UInt8(byte)] }
            if let decoded = String(bytes: [UInt8(byte)], encoding: encoding), decoded.unicodeScalars.count == 1 {
                return Array(decoded.utf8)
            }
            if controlsForUndefined, let scalar = Unicode.Scalar(UInt32(byte)) {
                return Array(String(Character(scalar)).utf8)
            }
            return [0xEF, 0xBF, 0xBD]
        }
    }

    public func decode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(contentsOf: sequences[Int(byte)])
            }
        }
        return out
    }

    public static func named(_ name: String) -> SingleByteTable? {
        switch name {
        case "windows-1252": windows1252
        case "windows-1251": windows1251
        case "windows-1250": windows1250
        case "iso-8859-2": iso88592
        case "koi8-r": koi8r
        case "koi8-u": koi8u
        case "iso-8859-5": iso88595
        case "ibm866": ibm866
        case "x-mac-cyrillic": macCyrillic
        case "windows-874": windows874
        case "iso-8859-15": iso885915
        case "windows-1253": windows1253
        case "windows-1254": windows1254
        case "windows-1257": windows1257
        case "iso-8859-4": iso88594
        case "iso-8859-13": iso885913
        case "macintosh": macintosh
        default: nil
        }
    }

    /// Core Foundation's encoding numbers, which Foundation on Linux accepts with the high bit set.
    private static func coreFoundation(_ value: UInt) -> String.Encoding {
        String.Encoding(rawValue: 0x8000_0000 | value)
    }

    private static let windows1252 = SingleByteTable(encoding: .windowsCP1252, controlsForUndefined: true)
    private static let windows1251 = SingleByteTable(encoding: .windowsCP1251, controlsForUndefined: false)
    private static let windows1250 = SingleByteTable(encoding: .windowsCP1250, controlsForUndefined: false)
    private static let iso88592 = SingleByteTable(encoding: .isoLatin2, controlsForUndefined: false)
    private static let koi8r = SingleByteTable(encoding: coreFoundation(0x0A02), controlsForUndefined: false)
    private static let koi8u = SingleByteTable(encoding: coreFoundation(0x0A08), controlsForUndefined: false)
    private static let iso88595 = SingleByteTable(encoding: coreFoundation(0x0205), controlsForUndefined: false)
    private static let ibm866 = SingleByteTable(encoding: coreFoundation(0x0413), controlsForUndefined: false)
    private static let macCyrillic = SingleByteTable(encoding: coreFoundation(0x0007), controlsForUndefined: false)
    private static let windows874 = SingleByteTable(encoding: coreFoundation(0x041D), controlsForUndefined: false)
    private static let iso885915 = SingleByteTable(encoding: coreFoundation(0x020F), controlsForUndefined: false)
    private static let windows1253 = SingleByteTable(encoding: .windowsCP1253, controlsForUndefined: false)
    private static let windows1254 = SingleByteTable(encoding: .windowsCP1254, controlsForUndefined: false)
    private static let windows1257 = SingleByteTable(encoding: coreFoundation(0x0507), controlsForUndefined: false)
    private static let iso88594 = SingleByteTable(encoding: coreFoundation(0x0204), controlsForUndefined: false)
    private static let iso885913 = SingleByteTable(encoding: coreFoundation(0x020D), controlsForUndefined: false)
    private static let macintosh = SingleByteTable(encoding: .macOSRoman, controlsForUndefined: false)
}
