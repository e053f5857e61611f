import Foundation

/// A fixed set of words looked up by their Unicode scalars, without building a `String` for the
/// candidate: every token of every page is looked up, and hashing a non-ASCII `String` normalises it
/// on the way.
///
/// Keys are stored in NFC, so a text in NFC finds them by its scalars alone. A text that may not be in
/// NFC is the caller's to route to the `String` look-ups, which compare canonically.
struct WordTable<Value: Sendable>: Sendable {
    private var slots: [Int32]
    private var offsets: [Int32] = [0]
    private var keys: [UInt32] = []
    private var values: [Value] = []
    private let mask: Int
    /// One bit per (length, first scalar, last scalar) signature of the keys, hashed: most words of a
    /// text have a signature no key has and are ruled out before their scalars are hashed.
    private var signatures = [UInt64](repeating: 0, count: Self.signatureWords)
    private static var signatureWords: Int { 1 << 10 }

    init(_ entries: [String: Value]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        for (word, value) in entries {
            let scalars = word.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            let signature = Self.signature(scalars)
            signatures[signature >> 6] |= 1 << UInt64(signature & 63)
            let entry = Int32(values.count)
            keys += scalars
            offsets.append(Int32(keys.count))
            values.append(value)
            var slot = Self.hash(scalars) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    func value<C: BidirectionalCollection>(_ scalars: C) -> Value? where C.Element == UInt32 {
        let signature = Self.signature(scalars)
        guard signatures[signature >> 6] & (1 << UInt64(signature & 63)) != 0 else { return nil }
        var slot = Self.hash(scalars) & mask
        while true {
            let entry = Int(slots[slot])
            guard entry >= 0 else { return nil }
            let start = Int(offsets[entry])
            let end = Int(offsets[entry + 1])
            if end - start == scalars.count, keys[start..<end].elementsEqual(scalars) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    func contains<C: BidirectionalCollection>(_ scalars: C) -> Bool where C.Element == UInt32 { value(scalars) != nil }

    /// An index into ``signatures`` from the length and the first and last scalars.
    private static func signature<C: BidirectionalCollection>(_ scalars: C) -> Int where C.Element == UInt32 {
        guard let first = scalars.first, let last = scalars.last else { return 0 }
        let count = scalars.count
        let mixed = (UInt64(count) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(first) &* 0xC2B2_AE3D_27D4_EB4F) ^ (UInt64(last) &* 0x1656_67B1_9E37_79F9)
        return Int(truncatingIfNeeded: (mixed ^ (mixed >> 31)) & UInt64(signatureWords * 64 - 1))
    }

    /// FNV-1a over the scalar values.
    private static func hash<C: Collection>(_ scalars: C) -> Int where C.Element == UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            hash = (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
