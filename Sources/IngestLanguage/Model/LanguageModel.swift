import CZlib
import IngestCore
public import Foundation

/// The language identifier's model: for each character n-gram (orders 1–5) the -ln probability of its
/// last letter after the ones before it, for each frequent word its -ln probability, in every language;
/// plus every language's alphabet.
///
/// Built by `Scripts/build-language-model.py` from CC0 sentences (see `Data/README.md`) into one binary
/// resource. On disk an entry keeps only the values that differ from what a language that never saw it
/// would have, which holds the file under the repository's 5 MiB a file; in memory every entry is widened
/// once, at load, to a fixed stride holding every language's value, because the scorer reads several entries
/// per letter and decoding a variable-length entry on each read cost a quarter more CPU on sentences. The
/// widening is one pass over the file's bytes after their CRC-32 has been checked, into one buffer sized
/// from the header. ``bundled`` loads it once per process and every detector shares it.
public final class LanguageModel: Sendable {
    /// Orders 1–5 are character n-grams; slot 6 holds whole words.
    public static let wordOrder = 6
    static let maxOrder = 5
    /// The value of an n-gram the language never saw: the detector backs off to a shorter one.
    static let unseen: UInt8 = 255
    static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let wordBasis: UInt64 = fnvBasis ^ 0x9E37_79B9_7F4A_7C15
    static let fnvPrime: UInt64 = 0x100_0000_01B3
    /// Keys are the top 40 bits of the 64-bit hash: the file stays small and a false match is rare.
    static let keyShift: UInt64 = 24

    /// The key of an n-gram or word's FNV-1a hash. Not mixed further: FNV-1a's top bits, which place the
    /// entry in the table, depend little on the last letter, so n-grams that share their first letters
    /// share a neighbourhood of the table and a text's lookups hit fewer cache lines, which measured faster
    /// than evenly spread keys.
    @inline(__always)
    static func key(_ hash: UInt64) -> UInt64 {
        hash >> keyShift
    }

    /// More entries than any model the script builds; it bounds what a damaged header can make us allocate.
    static let maximumEntries = 1 << 24

    /// ISO 639-1 codes, in the model's column order.
    public let languages: [String]
    /// -ln P for one quantisation unit.
    let step: Double
    /// `floors[language * 6]`: -ln P of a letter the language never saw; `floors[language * 6 + 5]`: of a
    /// word it never saw.
    let floors: [UInt8]
    /// Lane `language` of it: -ln P of a letter the language never saw (`floors[language * 6]`), laid out
    /// for the scorer, which weighs all languages in one vector operation.
    let letterFloors: SIMD16<UInt16>
    /// For each scalar below `letterMaskLimit`, a bit per language that is written in the letter's script
    /// but whose alphabet lacks the letter (ы for Ukrainian, ł for Czech, w for Serbian). A Latin name in a
    /// Cyrillic text is no evidence against a Cyrillic language, so other scripts' letters are not counted.
    let lackingLetter: [UInt16]
    static let letterMaskLimit = 0x0530
    /// Per language, how many of the candidates' scripts (Latin, Cyrillic) its alphabet has letters in:
    /// 2 for Serbian, 1 for the rest.
    public let scriptCounts: [Int]
    /// The entries in ascending key order, `slotWords` words each: the key in the low 40 bits of the first
    /// word and the languages' quantised -ln P in the bytes after it (byte 5 on), so one lookup touches one
    /// cache line. Two zero words follow the last entry, so that the scorer may read any entry's values as
    /// one 16-byte vector.
    let table: LargePageBuffer
    let slotWords: Int
    /// `directory[b] ..< directory[b + 1]`: the entries whose key's top 16 bits are `b`. Within that range a
    /// key's place is guessed from its remaining bits, as keys are hashes; the guess is off by about two
    /// entries. Keys are not mixed beyond FNV-1a, whose top bits depend little on an n-gram's last letter,
    /// so n-grams that share their first letters sit close together and a text's lookups touch fewer
    /// cache lines: that measured faster than evenly spread keys.
    let directory: [UInt32]
    static let directoryBits: UInt64 = 16
    static let directoryShift = keyBits - directoryBits
    static let keyBits: UInt64 = 40
    static let keyMask: UInt64 = (1 << keyBits) - 1
    /// Byte offset of the first language's value in an entry.
    static let valueOffset = 5
    /// Entries of the directory: a start per value of the keys' top 16 bits, and the end.
    static let directorySize = (1 << Int(directoryBits)) + 1

    /// The file's layout. Its entries, bucket after bucket and in ascending key order within a bucket, are
    /// each the key's low 22 bits (3 bytes), a code byte naming its value layout, then the values that layout
    /// stores. Most n-grams are seen by one or two of the ten languages and most words differ from the
    /// languages' unseen-word floor in one, so storing only those values keeps every entry in 5.9 bytes on
    /// average, against 16 in a row of all ten. Bucket `b`, the entries whose key's top 18 bits are `b`,
    /// starts at byte `groups[b >> 6] + offsets[b]` of the entries: 32-bit group offsets and 16-bit
    /// bucket offsets make a directory of 528 KiB.
    static let fileDirectoryBits: UInt64 = 18
    static let fileDirectoryShift = keyBits - fileDirectoryBits
    static let fileGroupBits = 6
    static let fileBucketCount = 1 << Int(fileDirectoryBits)
    /// The part of a key an entry stores in its first 3 bytes (whose top two bits are 0): the bits below the
    /// file directory's.
    static let storedKeyMask: UInt32 = (1 << UInt32(fileDirectoryShift)) - 1
    /// A code's bit 16: the languages whose value the entry leaves out take their unseen-word floor, not
    /// ``unseen``.
    static let floorFill: UInt32 = 1 << 16
    /// Number of n-grams and words the model holds.
    public let entryCount: Int

    /// The model shipped in this module's resources, loaded on first use.
    public static let bundled: Result<LanguageModel, LanguageModelError> = {
        guard let url = Bundle.module.url(forResource: "language-model", withExtension: "bin") else {
            return .failure(LanguageModelError("the language model resource language-model.bin is missing from this build"))
        }
        return Result { () throws(LanguageModelError) in try LanguageModel(contentsOf: url) }
    }()

    /// A damaged file's reason names the file, so that `detect --model` or a damaged install points at it.
    public convenience init(contentsOf url: URL) throws(LanguageModelError) {
        let source = try ModelSource.opening(path: url.path)
        defer { source.release() }
        do {
            try self.init(source: source)
        } catch where !error.description.contains(url.path) {
            throw LanguageModelError("cannot read the language model \(url.path): \(error.description)")
        }
    }

    public convenience init(bytes: [UInt8]) throws(LanguageModelError) {
        try self.init(source: .bytes(bytes))
    }

    /// The file's header is small; anything beyond this before the directory is damage.
    static let maximumHeaderBytes = 1 << 16
    static let magic = Array("INGLANG5".utf8)

    init(source: ModelSource) throws(LanguageModelError) {
        guard 1.littleEndian == 1 else { throw LanguageModelError("the language model is little-endian; this machine is not") }
        var reader = LittleEndianReader(
            try source.bytes(at: 0, count: min(source.size, Self.maximumHeaderBytes)),
            truncated: LanguageModelError("language model file is truncated"))
        guard (try? reader.bytes(8))?.elementsEqual(Self.magic) == true else {
            throw LanguageModelError("not a language model file of this version (bad magic)")
        }
        let count = Int(try reader.integer(UInt32.self))
        guard (1...16).contains(count) else { throw LanguageModelError("language model names \(count) languages") }
        var languages: [String] = []
        for _ in 0..<count {
            languages.append(String(decoding: try reader.bytes(2), as: UTF8.self))
        }
        let step = Double(Float(bitPattern: try reader.integer(UInt32.self)))
        guard step > 0, step.isFinite else { throw LanguageModelError("language model has a bad quantisation step") }
        let floors = Array(try reader.bytes(count * Self.wordOrder))
        var has = [UInt16](repeating: 0, count: Self.letterMaskLimit)
        var scripts = [Set<WritingScript>](repeating: [], count: count)
        for language in 0..<count {
            let letters = Int(try reader.integer(UInt16.self))
            for _ in 0..<letters {
                let scalar = try reader.integer(UInt32.self)
                guard scalar < Self.letterMaskLimit, scalar != 0x27 else { continue }
                has[Int(scalar)] |= 1 << language
                scripts[language].insert(WritingScript.of(scalar))
            }
        }
        var lacking = [UInt16](repeating: 0, count: Self.letterMaskLimit)
        for scalar in 0..<Self.letterMaskLimit {
            let script = WritingScript.of(UInt32(scalar))
            guard script == .latin || script == .cyrillic, let value = Unicode.Scalar(UInt32(scalar)),
                value.properties.isAlphabetic, value.properties.isLowercase
            else { continue }
            for language in 0..<count where scripts[language].contains(script) && has[scalar] & (1 << language) == 0 {
                lacking[scalar] |= 1 << language
            }
        }
        let entries = Int(try reader.integer(UInt32.self))
        guard entries <= Self.maximumEntries else { throw LanguageModelError("language model claims \(entries) entries") }
        let checksum = try reader.integer(UInt32.self)
        let bodyStart = reader.offset
        let tableBytes = Int(try reader.integer(UInt32.self))
        let codeCount = Int(try reader.integer(UInt16.self))
        guard tableBytes <= Self.maximumEntries * (4 + count), (1...256).contains(codeCount) else {
            throw LanguageModelError("language model claims \(tableBytes) bytes of entries in \(codeCount) layouts")
        }
        var codes = [UInt32](repeating: 0, count: 256)
        for code in 0..<codeCount {
            let word = try reader.integer(UInt32.self)
            let mask = word & 0xFFFF
            guard mask >> count == 0, word >> 17 == 0 else { throw LanguageModelError("language model has a bad value layout") }
            codes[code] = word | UInt32(4 + mask.nonzeroBitCount) << 24
        }
        let directoryStart = reader.offset
        let groupCount = (Self.fileBucketCount >> Self.fileGroupBits) + 1
        let offsetsStart = directoryStart + groupCount * 4
        let entriesStart = offsetsStart + (Self.fileBucketCount + 1) * 2
        let expected = entriesStart + tableBytes
        guard source.size == expected else {
            throw LanguageModelError(
                "language model file is \(source.size) bytes, but its header describes \(expected): \(entries) rows of \(count) values in \(tableBytes) bytes")
        }
        // An entry is at least 4 bytes: a header promising more cannot be right, and must not size the table.
        guard entries <= tableBytes / 4 else {
            throw LanguageModelError("language model's \(tableBytes) bytes of entries cannot hold the \(entries) rows of \(count) values its header describes")
        }
        // The checksummed part of the file, from the entries' byte count on, and 16 zero bytes so that an
        // entry's first word can be read before its length is known.
        let bodyCount = source.size - bodyStart
        let body = LargePageBuffer(bytes: bodyCount + 16)
        try body.initialize { raw throws(LanguageModelError) in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<bodyCount]), at: bodyStart)
            raw[bodyCount...].initializeMemory(as: UInt8.self, repeating: 0)
        }
        let crc = body.withUnsafeBytes { bytes in
            crc32(0, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(bodyCount))
        }
        guard UInt32(truncatingIfNeeded: crc) == checksum else {
            throw LanguageModelError("language model's table does not match its checksum: the file is damaged")
        }
        let slotWords = (Self.valueOffset + count + 7) / 8
        var wordFloors = SIMD16<UInt8>(repeating: 0)
        for language in 0..<count { wordFloors[language] = floors[language * Self.wordOrder + Self.wordOrder - 1] }
        let layout = Layout(
            groups: directoryStart - bodyStart, offsets: offsetsStart - bodyStart, entries: entriesStart - bodyStart,
            entryBytes: tableBytes, codes: codes, languages: count, wordFloors: unsafeBitCast(wordFloors, to: SIMD2<UInt64>.self))
        var directory = [UInt32](repeating: 0, count: Self.directorySize)
        let words = entries * slotWords + 2
        let table = LargePageBuffer(bytes: words * 8)
        try table.initialize { raw throws(LanguageModelError) in
            let buffer = raw.bindMemory(to: UInt64.self)
            try body.withUnsafeBytes { file throws(LanguageModelError) in
                try directory.withUnsafeMutableBufferPointer { directory throws(LanguageModelError) in
                    try Self.widen(file, layout: layout, rows: entries, slotWords: slotWords, into: buffer, directory: directory)
                }
            }
            buffer[words - 2] = 0
            buffer[words - 1] = 0
        }
        self.languages = languages
        self.step = step
        self.floors = floors
        var letterFloors = SIMD16<UInt16>(repeating: 0)
        for language in 0..<count { letterFloors[language] = UInt16(floors[language * Self.wordOrder]) }
        self.letterFloors = letterFloors
        self.lackingLetter = lacking
        self.scriptCounts = scripts.map { max(1, $0.intersection([.latin, .cyrillic]).count) }
        self.table = table
        self.slotWords = slotWords
        self.directory = directory
        self.entryCount = entries
    }

    /// Where the file's parts sit in its checksummed body, and what its entries need to be read.
    struct Layout {
        let groups: Int
        let offsets: Int
        let entries: Int
        let entryBytes: Int
        /// Per code byte: bits 0–15 mark the languages whose value the entry stores, in column order; bit 16
        /// is ``floorFill``; bits 24–31 are the entry's length in bytes. 0 for a code the model does not use.
        let codes: [UInt32]
        let languages: Int
        /// Every language's unseen-word floor, a byte per language, as the two words of an entry's values.
        let wordFloors: SIMD2<UInt64>
    }

    /// Writes every entry of the file, in order, as a row of `slotWords` words into `table`, and the start of
    /// each 16-bit key range into `directory`: one pass, each row assembled in registers from the entry's
    /// code and stored values. It also refuses what the checksum cannot: a directory that does not cover
    /// the entries, an entry of an unknown layout or one that runs past its bucket, keys out of order, or a
    /// count of entries other than `rows`. On a throw, part of `table` is left uninitialised.
    static func widen(
        _ file: UnsafeRawBufferPointer, layout: Layout, rows: Int, slotWords: Int, into table: UnsafeMutableBufferPointer<UInt64>,
        directory: UnsafeMutableBufferPointer<UInt32>
    ) throws(LanguageModelError) {
        let entries = layout.entries
        let entryBytes = layout.entryBytes
        func start(_ bucket: Int) -> Int {
            Int(file.loadUnaligned(fromByteOffset: layout.groups + (bucket >> fileGroupBits) * 4, as: UInt32.self))
                + Int(file.loadUnaligned(fromByteOffset: layout.offsets + bucket * 2, as: UInt16.self))
        }
        guard start(0) == 0, start(fileBucketCount) == entryBytes else {
            throw LanguageModelError("language model's directory does not cover its \(entryBytes) bytes of entries")
        }
        // Per code, four words: the row's values of the languages the entry leaves out, 0 in the lanes it
        // stores and in those past the last language (so a row's padding bytes are 0), as two words of eight
        // lanes; for the entries of at most four stored values (nearly all), where each stored byte goes, a
        // byte each: the shift within its word, plus 0x80 for the second word; and the code itself. A row is
        // then put together with no branch on which languages the entry stores, which mispredicted on most
        // entries as a loop over them, from one cache line of this table.
        var placements = [UInt64](repeating: 0, count: 256 * 4)
        for code in 0..<256 where layout.codes[code] != 0 {
            let word = layout.codes[code]
            var fill: [UInt8] = (0..<16).map { lane in
                lane >= layout.languages ? 0 : word & floorFill != 0 ? UInt8(truncatingIfNeeded: lane < 8
                    ? layout.wordFloors.x >> UInt64(lane * 8) : layout.wordFloors.y >> UInt64((lane - 8) * 8)) : unseen
            }
            var route: UInt64 = 0
            var stored = 0
            for lane in 0..<16 where word & (1 << UInt32(lane)) != 0 {
                fill[lane] = 0
                if stored < 4 { route |= UInt64(lane < 8 ? lane * 8 : 0x80 | (lane - 8) * 8) << UInt64(stored * 8) }
                stored += 1
            }
            for lane in 0..<8 {
                placements[code * 4] |= UInt64(fill[lane]) << UInt64(lane * 8)
                placements[code * 4 + 1] |= UInt64(fill[lane + 8]) << UInt64(lane * 8)
            }
            placements[code * 4 + 2] = route
            placements[code * 4 + 3] = UInt64(word)
        }
        let perDirectoryEntry = 1 << Int(fileDirectoryBits - directoryBits)
        var row = 0
        // Once per entry of every model loaded, 824,000 times at start-up: the tables are read through
        // pointers, and the offsets, which the guards bound, move with wrapping arithmetic. Bounds and
        // overflow checks were a tenth of the pass's instructions.
        try placements.withUnsafeBufferPointer { placements throws(LanguageModelError) in
            guard let placements = placements.baseAddress, let rowsOut = table.baseAddress, let bytes = file.baseAddress else {
                throw outOfOrder
            }
            var entry = 0
            var next = start(0)
            for bucket in 0..<fileBucketCount {
                if bucket % perDirectoryEntry == 0 { directory[bucket / perDirectoryEntry] = UInt32(row) }
                let end = start(bucket &+ 1)
                guard entry == next, entry <= end, end <= entryBytes else { throw outOfOrder }
                next = end
                let high = UInt64(bucket) << UInt64(fileDirectoryShift)
                var previous: Int64 = -1
                while entry < end {
                    let first = bytes.loadUnaligned(fromByteOffset: entries &+ entry, as: UInt32.self)
                    let stored = first & 0xFF_FFFF
                    let placement = placements + Int(first &>> 24) &* 4
                    let code = placement[3]
                    let length = Int(code &>> 24)
                    guard length > 0, Int64(stored) > previous, stored <= storedKeyMask, length <= end &- entry else { throw outOfOrder }
                    guard row < rows else {
                        throw LanguageModelError("language model's table holds more than \(rows) entries, but its header describes \(rows) rows of \(layout.languages) values")
                    }
                    previous = Int64(stored)
                    var low = placement[0]
                    var highLanes = placement[1]
                    if length <= 8 {
                        let data = UInt64(bytes.loadUnaligned(fromByteOffset: entries &+ entry &+ 4, as: UInt32.self))
                            & ((1 &<< UInt64((length &- 4) &* 8)) &- 1)
                        let route = placement[2]
                        for value in 0..<4 {
                            let target = route &>> UInt64(value &* 8) & 0xFF
                            let placed = (data &>> UInt64(value &* 8) & 0xFF) &<< (target & 0x7F)
                            let toHigh = 0 &- (target &>> 7)
                            low |= placed & ~toHigh
                            highLanes |= placed & toHigh
                        }
                    } else {
                        var mask = code & 0xFFFF
                        var offset = entries &+ entry &+ 4
                        while mask != 0 {
                            let lane = UInt64(mask.trailingZeroBitCount)
                            let byte = UInt64(bytes.load(fromByteOffset: offset, as: UInt8.self))
                            if lane < 8 {
                                low |= byte &<< (lane &* 8)
                            } else {
                                highLanes |= byte &<< ((lane &- 8) &* 8)
                            }
                            offset &+= 1
                            mask &= mask &- 1
                        }
                    }
                    // Key in bytes 0–4, values from byte 5: the 21 bytes of a row of 16 languages at most.
                    let key = high | UInt64(stored)
                    let base = rowsOut + row &* slotWords
                    base[0] = key | low &<< 40
                    if slotWords > 1 { base[1] = low &>> 24 | highLanes &<< 40 }
                    if slotWords > 2 { base[2] = highLanes &>> 24 }
                    row &+= 1
                    entry &+= length
                }
            }
            guard entry == next else { throw outOfOrder }
        }
        directory[directorySize - 1] = UInt32(row)
        guard row == rows else {
            throw LanguageModelError("language model's table holds \(row) entries, but its header describes \(rows) rows of \(layout.languages) values")
        }
    }

    static let outOfOrder = LanguageModelError("language model's keys are out of order or outside their directory range")

    /// The column of a language code, if the model knows it.
    public func index(of code: String) -> Int? {
        languages.firstIndex(of: code)
    }
}
