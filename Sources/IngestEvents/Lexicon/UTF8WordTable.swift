/// Words looked up by the UTF-8 bytes of a token's lower case, for tokens known to be in NFC (see
/// ``TextToken/isSure``): hashing a non-ASCII `String` normalises it on every look-up, and comparing it
/// with each key it meets does too, while two NFC strings are equal exactly when their bytes are.
///
/// Keys are stored in NFC. Open addressing with linear probing over FNV-1a of the bytes, behind one bit
/// per (length, first byte, last byte) of the keys: most tokens of a page are in no list, and most of
/// those are turned away by that bit before their bytes are hashed.
struct UTF8WordTable<Value: Sendable>: Sendable {
    private var slots: [Int32]
    private var offsets: [Int32] = [0]
    private var bytes: [UInt8] = []
    private var values: [Value] = []
    private let mask: Int
    private var signatures = [UInt64](repeating: 0, count: 64)

    /// - Parameter entries: keys already in NFC and distinct.
    init(_ entries: [(key: String, value: Value)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        for (key, value) in entries {
            let utf8 = Array(key.utf8)
            let signature = utf8.withUnsafeBufferPointer { Self.signature($0) }
            signatures[signature >> 6] |= 1 << UInt64(signature & 63)
            let entry = Int32(values.count)
            bytes += utf8
            offsets.append(Int32(bytes.count))
            values.append(value)
            var slot = utf8.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    func value(_ word: String) -> Value? {
        var word = word
        return word.withUTF8 { utf8 in
            let signature = Self.signature(utf8)
            guard signatures[signature >> 6] & (1 << UInt64(signature & 63)) != 0 else { return nil }
            var slot = Self.hash(utf8) & mask
            while true {
                let entry = Int(slots[slot])
                guard entry >= 0 else { return nil }
                let start = Int(offsets[entry])
                let end = Int(offsets[entry + 1])
                if end - start == utf8.count, bytes[start..<end].elementsEqual(utf8) { return values[entry] }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A bit index, 0..<4096, from the length and the first and last bytes.
    private static func signature(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        let mixed = UInt64(utf8.count) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(first) &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(last) &* 0x1656_67B1_9E37_79F9
        return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) & 4095)
    }

    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
