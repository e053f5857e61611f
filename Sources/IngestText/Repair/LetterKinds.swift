/// Which of a few groups of letters a text holds, as bits: the signs of Polish misread ask whether a text
/// has "ż", or two of "ł", "ę", "ń", or two of the letters windows-1252 shows for Polish ones.
struct LetterKinds: Sendable {
    /// The bit of each letter's group, by scalar value.
    private let bits: [UInt32: Int]

    /// - Parameter groups: Each group's letters; group *n* is bit *n*.
    init(_ groups: [String]) {
        var bits: [UInt32: Int] = [:]
        for (position, group) in groups.enumerated() {
            for scalar in group.unicodeScalars { bits[scalar.value] = 1 << position }
        }
        self.bits = bits
    }

    /// The groups the text has a letter of. Asked only of text with a letter no re-read language writes.
    func kinds(in scalars: [Unicode.Scalar]) -> Int {
        var kinds = 0
        for scalar in scalars where scalar.value >= 0x80 {
            kinds |= bits[scalar.value] ?? 0
        }
        return kinds
    }
}
