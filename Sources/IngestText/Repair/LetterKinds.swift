/// Which of a few groups of letters a text holds, as bits: the signs of Polish misread ask whether a text
/// has "ż", or two of "ł", "ę", "ń", or two of the letters windows-1252 shows for Polish ones.
struct LetterKinds: Sendable {
    /// Every group's letters lie below U+0180 (Latin-1 and Latin Extended-A), so a flat table answers.
    private static let limit: UInt32 = 0x180
    /// The bit of each letter's group, by scalar value; 0 for a letter of none.
    private let bits: [UInt8]

    /// - Parameter groups: Each group's letters; group *n* is bit *n*, at most eight groups.
    init(_ groups: [String]) {
        precondition(groups.count <= 8)
        var bits = [UInt8](repeating: 0, count: Int(Self.limit))
        for (position, group) in groups.enumerated() {
            for scalar in group.unicodeScalars {
                precondition(scalar.value < Self.limit)
                bits[Int(scalar.value)] = 1 << position
            }
        }
        self.bits = bits
    }

    /// The bit of the group `scalar` belongs to, 0 for none.
    @inline(__always)
    func bit(of scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < Self.limit ? bits[Int(scalar.value)] : 0
    }
}
