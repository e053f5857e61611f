import Foundation

/// A fixed set of words looked up by their code units, UTF-8 bytes or Unicode scalar values, without
/// building a `String` for the candidate: every token of every page is looked up, and hashing a non-ASCII
/// `String` normalises it on every look-up, and comparing it with each key it meets does too, while two
/// texts in NFC are equal exactly when their code units are.
///
/// Keys are stored in NFC, so a word in NFC finds its key by its code units alone; a word that may not be
/// in NFC is the caller's to look up by `String`, which compares canonically. Open addressing with linear
/// probing over FNV-1a of the code units, behind one bit per (length, first unit, last unit) signature of
/// the keys: most tokens of a page are in no list, and most of those are turned away by that bit before
/// their code units are hashed. Everything is `@inlinable` so that look-ups in other modules are
/// specialised for their code unit, value and collection.
public struct WordTable<CodeUnit: FixedWidthInteger & UnsignedInteger & Sendable, Value: Sendable>: Sendable {
    /// Per slot, the entry there, or -1.
    @usableFromInline let slots: [Int32]
    /// Entry `i`'s key is `keys[offsets[i]..<offsets[i + 1]]`.
    @usableFromInline let offsets: [Int32]
    @usableFromInline let keys: [CodeUnit]
    @usableFromInline let values: [Value]
    @usableFromInline let mask: Int
    @usableFromInline let signatures: [UInt64]
    @usableFromInline let signatureMask: Int

    /// Builds the table from keys given as code units. A lazy collection lets each key's array go as soon
    /// as it is stored, instead of all of them being held at once while the table is built.
    ///
    /// - Important: The keys must be in NFC (or the words looked up in the same form) and distinct; of two
    ///   equal keys, the first is found.
    @inlinable
    public init<C: Collection>(codeUnits entries: C) where C.Element == (key: [CodeUnit], value: Value) {
        let count = entries.count
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        // About 64 bits per key, from 4,096 to 65,536: sparse enough that most words with no key are turned
        // away, small enough to stay in the first-level cache beside the slots probed.
        var signatureBits = 1 << 12
        while signatureBits < count * 64, signatureBits < 1 << 16 { signatureBits *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(count + 1)
        var keys: [CodeUnit] = []
        var values: [Value] = []
        values.reserveCapacity(count)
        var signatures = [UInt64](repeating: 0, count: signatureBits / 64)
        for (key, value) in entries {
            let signature = Self.signature(key, mask: signatureBits - 1)
            signatures[signature >> 6] |= 1 << UInt64(signature & 63)
            let entry = Int32(values.count)
            keys += key
            offsets.append(Int32(keys.count))
            values.append(value)
            var slot = Self.hash(key) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = entry
        }
        self.slots = slots
        self.offsets = offsets
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
        self.signatures = signatures
        self.signatureMask = signatureBits - 1
    }

    /// The value of the key whose code units are `units`, or nil.
    @inlinable
    public func value<C: BidirectionalCollection>(_ units: C) -> Value? where C.Element == CodeUnit {
        let signature = Self.signature(units, mask: signatureMask)
        guard signatures[signature >> 6] & (1 << UInt64(signature & 63)) != 0 else { return nil }
        var slot = Self.hash(units) & mask
        while true {
            let entry = Int(slots[slot])
            guard entry >= 0 else { return nil }
            let start = Int(offsets[entry])
            let end = Int(offsets[entry + 1])
            if end - start == units.count, keys[start..<end].elementsEqual(units) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// Whether some key's code units are `units`.
    @inlinable
    public func contains<C: BidirectionalCollection>(_ units: C) -> Bool where C.Element == CodeUnit {
        value(units) != nil
    }

    /// A bit index, `0...mask`, from the length and the first and last code units.
    @inlinable
    static func signature<C: BidirectionalCollection>(_ units: C, mask: Int) -> Int where C.Element == CodeUnit {
        guard let first = units.first, let last = units.last else { return 0 }
        let mixed =
            (UInt64(units.count) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(first) &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (UInt64(last) &* 0x1656_67B1_9E37_79F9)
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 31)) & mask
    }

    /// FNV-1a over the code units.
    @inlinable
    static func hash<C: Collection>(_ units: C) -> Int where C.Element == CodeUnit {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for unit in units { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}

extension WordTable where CodeUnit == UInt8 {
    /// Builds the table from words, keyed by the UTF-8 bytes of their NFC.
    ///
    /// - Important: The words must be distinct in NFC; of two equal ones, the first is found.
    @inlinable
    public init<C: Collection>(_ entries: C) where C.Element == (key: String, value: Value) {
        self.init(
            codeUnits: entries.lazy.map {
                (key: Array($0.key.precomposedStringWithCanonicalMapping.utf8), value: $0.value)
            })
    }

    /// The value of `word`, which must be in NFC to find its key.
    @inlinable
    public func value(_ word: String) -> Value? {
        var word = word
        return word.withUTF8 { value($0) }
    }
}

extension WordTable where CodeUnit == UInt32 {
    /// Builds the table from words, keyed by the Unicode scalar values of their NFC.
    ///
    /// - Important: The words must be distinct in NFC; of two equal ones, the first is found.
    @inlinable
    public init<C: Collection>(_ entries: C) where C.Element == (key: String, value: Value) {
        self.init(
            codeUnits: entries.lazy.map {
                (key: $0.key.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), value: $0.value)
            })
    }
}
