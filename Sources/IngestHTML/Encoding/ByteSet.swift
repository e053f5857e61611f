/// A set of byte values as 256 bits: membership is one shift and mask, with no allocation.
struct ByteSet {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    var isEmpty: Bool { words.0 | words.1 | words.2 | words.3 == 0 }

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// One load from the word the byte falls in, with no branch on which word that is.
    func contains(_ byte: UInt8) -> Bool {
        let word = withUnsafeBytes(of: words) { $0.load(fromByteOffset: Int(byte >> 6) &* 8, as: UInt64.self) }
        return word >> (byte & 63) & 1 != 0
    }

    mutating func formUnion(_ other: ByteSet) {
        words.0 |= other.words.0
        words.1 |= other.words.1
        words.2 |= other.words.2
        words.3 |= other.words.3
    }
}
