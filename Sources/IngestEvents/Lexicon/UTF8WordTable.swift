/// Words looked up by the UTF-8 bytes of a token's lower case, for tokens known to be in NFC (see
/// ``TextToken/isSure``): hashing a non-ASCII `String` normalises it on every look-up, and comparing it
/// with each key it meets does too, while two NFC strings are equal exactly when their bytes are.
///
/// Keys are stored in NFC. Open addressing with linear probing over FNV-1a of the bytes.
struct UTF8WordTable<Value: Sendable>: Sendable {
    private var slots: [Int32]
    private var offsets: [Int32] = [0]
    private var bytes: [UInt8] = []
    private var values: [Value] = []
    private let mask: Int

    /// - Parameter entries: keys already in NFC and distinct.
    init(_ entries: [(key: String, value: Value)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        for (key, value) in entries {
            let utf8 = Array(key.utf8)
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

    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
