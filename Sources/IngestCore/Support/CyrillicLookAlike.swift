/// Latin letters that look like Cyrillic ones. Cyrillic typed with a Latin keyboard layout at hand carries
/// them inside Cyrillic words ("Kлъстер" with a Latin K, Belarusian "органамi" with a Latin i). The repair
/// stage writes them as the Cyrillic letters they stand for, and the language detector reads them so, as its
/// training sentences were cleaned the same way.
public enum CyrillicLookAlike {
    /// Whether a word's Latin letters are look-alikes to be read as Cyrillic: it has some, every one has a
    /// Cyrillic twin (``cyrillic(forASCII:)``), and its Cyrillic letters are at least as many. The repair
    /// stage and the language detector both decide by this.
    @inlinable
    public static func readsAsCyrillic(cyrillicLetters: Int, latinLetters: Int, everyLatinLetterTwinned: Bool) -> Bool {
        latinLetters > 0 && cyrillicLetters >= latinLetters && everyLatinLetterTwinned
    }

    /// The Cyrillic letter that the ASCII letter `value` stands in for inside a Cyrillic word, 0 for none.
    /// Capitals map to capitals: B, H, K, M and T look like Cyrillic capitals only, not small letters.
    @inlinable
    public static func cyrillic(forASCII value: UInt32) -> UInt32 {
        switch value {
        case 0x61: 0x0430  // a → а
        case 0x63: 0x0441  // c → с
        case 0x65: 0x0435  // e → е
        case 0x69: 0x0456  // i → і
        case 0x6F: 0x043E  // o → о
        case 0x70: 0x0440  // p → р
        case 0x78: 0x0445  // x → х
        case 0x79: 0x0443  // y → у
        case 0x41: 0x0410  // A → А
        case 0x42: 0x0412  // B → В
        case 0x43: 0x0421  // C → С
        case 0x45: 0x0415  // E → Е
        case 0x48: 0x041D  // H → Н
        case 0x49: 0x0406  // I → І
        case 0x4B: 0x041A  // K → К
        case 0x4D: 0x041C  // M → М
        case 0x4F: 0x041E  // O → О
        case 0x50: 0x0420  // P → Р
        case 0x54: 0x0422  // T → Т
        case 0x58: 0x0425  // X → Х
        default: 0
        }
    }
}
