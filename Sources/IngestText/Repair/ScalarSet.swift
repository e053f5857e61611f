/// A set of scalar values asked about for nearly every character of a span: a bitmap covers the values
/// below U+2600, where all but a few of the code pages' characters live, so membership costs a shift and
/// a mask instead of hashing.
///
/// The few values beyond the bitmap (a handful: ligatures and a private-use character of macintosh) are
/// kept in a short array searched in turn. A `Set<UInt32>` would also cost every start-up a search of
/// the executable's protocol conformances, about a third of a millisecond, the first time one is made.
struct ScalarSet: Sendable {
    private static let flatLimit: UInt32 = 0x2600
    private let bits: [UInt64]
    private let rest: [UInt32]

    init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        var bits = [UInt64](repeating: 0, count: Int(Self.flatLimit) / 64)
        var rest: [UInt32] = []
        for value in values {
            if value < Self.flatLimit {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            } else if !rest.contains(value) {
                rest.append(value)
            }
        }
        self.bits = bits
        self.rest = rest
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        value < Self.flatLimit ? bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 : !rest.isEmpty && rest.contains(value)
    }
}
