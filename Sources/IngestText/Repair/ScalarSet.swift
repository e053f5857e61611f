/// A set of scalar values asked about for nearly every character of a span: a bitmap covers the values
/// below U+2600, where all but a few of the code pages' characters live, so membership costs a shift and
/// a mask instead of hashing.
struct ScalarSet: Sendable {
    private static let flatLimit: UInt32 = 0x2600
    private let bits: [UInt64]
    private let rest: Set<UInt32>

    init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        var bits = [UInt64](repeating: 0, count: Int(Self.flatLimit) / 64)
        var rest = Set<UInt32>()
        for value in values {
            if value < Self.flatLimit {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            } else {
                rest.insert(value)
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
