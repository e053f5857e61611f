/// What the words read so far said, kept so that a word met again adds its evidence without looking its
/// n-grams up again.
///
/// Scoring a word looks up five orders of n-grams for each letter in the model's 13 MB table, six times a
/// 2 MiB second-level cache: 58 % of the samples of `ingest detect --jsonl` over 9,140 sentences
/// (`perf record`) were that scoring. Running text repeats its short words ("и", "na", "the") again and
/// again, so a batch of texts read by one owner of this value skips most of those lookups. A word's evidence depends only on its
/// letters and on the detector's model and weights, so a hit adds exactly what scoring it would add.
///
/// A value, owned by whoever reads a batch of texts (`ingest detect --jsonl`'s loop over its lines; the
/// language stage lends one to each page from a ``WordEvidenceCachePool``) and passed `inout`: no state is
/// shared between threads. Its size is fixed: `slotCount` slots, one word each, a new word replacing the
/// one in its slot.
public struct WordEvidenceCache: Sendable {
    /// 16,384 slots of 96 bytes and their tags: 1.6 MiB, an eighth of the model's table. With 4,096 slots, 46 %
    /// of the words scored over 9,140 sentences in the ten languages, read one after another, were found (29 %
    /// of their letters), and 61 % (44 %) over 24,241 lines of the training sentences. Kept from page to page
    /// (``WordEvidenceCachePool``), a cache meets a batch's vocabulary, not one page's: four times the slots
    /// took the language stage over the 181 news pages and 29 fixture pages from 0.35–0.42 s to 0.31–0.34 s,
    /// and eight times did no better.
    static let slotCount = 1 << 14
    /// Longer words seldom recur, and their costs could outgrow 16 bits.
    static let maximumLetters = 12
    /// Per slot: the letters as 16-bit values (bytes 0–23), the length (24; 0 for an empty slot), the known
    /// trigrams (25), whether the word has a word entry (26); the letters' cost per language as 16-bit lanes
    /// (32–63), the word entry's values (64–79), the letters each alphabet lacks (80–95).
    static let slotBytes = 96
    static let lengthOffset = 24
    static let knownTrigramsOffset = 25
    static let hasWordOffset = 26
    static let costsOffset = 32
    static let wordValuesOffset = 64
    static let absentOffset = 80

    /// The tags, a 32-bit word per slot (the top half of the word's hash), then the slots. A word whose tag
    /// differs is not there, which is known from the 16 KiB of tags without reading its 96-byte slot.
    var slots: [UInt8]
    static let tagBytes = slotCount * 4
    /// What the stored evidence was scored with; another model or other weights empty the cache first.
    var owner: Owner?

    public init() {
        slots = [UInt8](repeating: 0, count: Self.tagBytes + Self.slotCount * Self.slotBytes)
    }

    /// Hands the tags and slots to `body`, emptied first when they were filled for another `owner`.
    mutating func withSlots<Result>(for owner: Owner, _ body: (UnsafeMutableRawPointer) -> Result) -> Result {
        if self.owner != owner {
            for slot in 0..<Self.slotCount { slots[Self.tagBytes + slot * Self.slotBytes + Self.lengthOffset] = 0 }
            self.owner = owner
        }
        return slots.withUnsafeMutableBytes { body($0.baseAddress!) }
    }
}
