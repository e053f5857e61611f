/// An exact set of page-id digests kept in a ``SpillFile`` instead of the heap, for runs whose ids would
/// not fit the memory the runner allows itself for them.
///
/// The file is an open-addressing hash table of 16-byte slots (the digest's 12 bytes and a marker), at most
/// half full, so a look-up reads one slot in most cases and an insertion writes one. The digests are hashes
/// already, so their low bits pick the slot. It doubles, into a new file, when it reaches half full. Memory
/// holds only the slot count and the number of digests, whatever the size of the run.
struct PageDigestTable {
    struct Digest: Hashable {
        var high: UInt64
        var low: UInt32
    }

    static let slotSize = 16
    /// Marks a slot in use: the digests are any 12 bytes, so an empty slot cannot be told by them alone.
    private static let used: UInt32 = 0x5345_454E

    private var file: SpillFile
    private let directory: String?
    private var slotCount: Int
    private(set) var count = 0

    /// A table in a new scratch file in `directory` (else `$TMPDIR`, else `/tmp`) with room for
    /// `capacity` digests before it first grows.
    init(capacity: Int, directory: String? = nil) throws(SpillFile.Failure) {
        self.directory = directory
        slotCount = Self.slots(for: capacity)
        file = try Self.makeFile(slots: slotCount, directory: directory)
    }

    /// Adds `digest`; false when it was there already.
    mutating func insert(_ digest: Digest) throws(SpillFile.Failure) -> Bool {
        if (count + 1) * 2 > slotCount { try grow() }
        guard try Self.place(digest, in: file, slots: slotCount, onlyIfAbsent: true) else { return false }
        count += 1
        return true
    }

    /// Every digest in the table, read in slot order; for moving them elsewhere.
    func digests() throws(SpillFile.Failure) -> [Digest] {
        var result: [Digest] = []
        result.reserveCapacity(count)
        try forEachDigest { result.append($0) }
        return result
    }

    private mutating func grow() throws(SpillFile.Failure) {
        let slots = slotCount * 2
        let grown = try Self.makeFile(slots: slots, directory: directory)
        try forEachDigest { digest throws(SpillFile.Failure) in
            _ = try Self.place(digest, in: grown, slots: slots, onlyIfAbsent: false)
        }
        file = grown
        slotCount = slots
    }

    /// Reads the table in 64 KiB stretches and hands each digest in use to `body`.
    private func forEachDigest(_ body: (Digest) throws(SpillFile.Failure) -> Void) throws(SpillFile.Failure) {
        let stretchSlots = 4096
        var buffer = [UInt8](repeating: 0, count: stretchSlots * Self.slotSize)
        var first = 0
        while first < slotCount {
            let slots = min(stretchSlots, slotCount - first)
            let complete = buffer.withUnsafeMutableBytes { bytes in
                file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[0..<slots * Self.slotSize]), at: first * Self.slotSize)
            }
            guard complete else { throw SpillFile.Failure(message: "cannot read back the table of page ids seen") }
            for slot in 0..<slots {
                let (digest, inUse) = buffer.withUnsafeBytes { Self.decode($0, at: slot * Self.slotSize) }
                if inUse { try body(digest) }
            }
            first += slots
        }
    }

    /// Looks for `digest` from its home slot on; writes it into the first free slot unless it is found
    /// there first. Returns whether it was written.
    private static func place(_ digest: Digest, in file: SpillFile, slots: Int, onlyIfAbsent: Bool) throws(SpillFile.Failure) -> Bool {
        var slot = Int(truncatingIfNeeded: digest.high) & (slots - 1)
        var bytes = (UInt64(0), UInt64(0))
        while true {
            let complete = withUnsafeMutableBytes(of: &bytes) { file.read(into: $0, at: slot * slotSize) }
            guard complete else { throw SpillFile.Failure(message: "cannot read the table of page ids seen") }
            let (stored, inUse) = withUnsafeBytes(of: &bytes) { decode($0, at: 0) }
            if !inUse {
                var record = (digest.high.littleEndian, (UInt64(used) << 32 | UInt64(digest.low)).littleEndian)
                try withUnsafeBytes(of: &record) { buffer throws(SpillFile.Failure) in try file.write(buffer, at: slot * slotSize) }
                return true
            }
            if onlyIfAbsent, stored == digest { return false }
            slot = (slot + 1) & (slots - 1)
        }
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> (Digest, inUse: Bool) {
        let high = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let rest = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        return (Digest(high: high, low: UInt32(truncatingIfNeeded: rest)), UInt32(truncatingIfNeeded: rest >> 32) == used)
    }

    private static func makeFile(slots: Int, directory: String?) throws(SpillFile.Failure) -> SpillFile {
        let file = try SpillFile(directory: directory, prefix: "ingest-seen")
        try file.resize(to: slots * slotSize)
        return file
    }

    /// A power of two with `capacity` at most half of it.
    private static func slots(for capacity: Int) -> Int {
        var slots = 1024
        while slots < capacity * 2 { slots *= 2 }
        return slots
    }
}
