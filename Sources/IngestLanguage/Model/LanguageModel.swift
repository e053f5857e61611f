import CZlib
public import Foundation

/// The language identifier's model: for each character n-gram (orders 1–5) the -ln probability of its
/// last letter after the ones before it, for each frequent word its -ln probability, in every language;
/// plus every language's alphabet.
///
/// Built by `Scripts/build-language-model.py` from CC0 sentences (see `Data/README.md`) into one binary
/// resource laid out exactly as the table is used: the directory of the keys' top bits, then the entries
/// in key order. Loading is reading the file into the table's memory and checking it (CRC-32, keys in
/// order): a short `ingest detect` run is mostly start-up, and inflating a compressed table cost several
/// times the scoring of ten thousand sentences. ``bundled`` loads it once per process and every detector
/// shares it.
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
    /// The entries, bucket after bucket and in ascending key order within a bucket, each the key's low 24
    /// bits (3 bytes), a code byte naming its value layout in ``codes``, then the values that layout stores.
    /// Most n-grams are seen by one or two of the ten languages and most words differ from the languages'
    /// unseen-word floor in one, so storing only those values keeps every entry (5.9 bytes on average, against
    /// 16 in a row of all ten) and the file under 5 MiB. 16 zero bytes follow the last entry, so that the
    /// scorer may load any entry's first bytes as one word.
    let table: [UInt64]
    /// Byte size of the entries in ``table``.
    let tableBytes: Int
    /// Per code byte: bits 0–15 mark the languages whose value the entry stores, in column order; bit 16 says
    /// what the others are, 0 ``unseen`` (an n-gram they never saw), 1 their unseen-word floor (a word); bits
    /// 24–31 are the entry's length in bytes. 0 for a code the model does not use.
    let codes: [UInt32]
    /// Bucket `b`, the entries whose key's top 18 bits are `b` (about three), starts at byte
    /// `groups[b >> 6] + offsets[b]` of ``table`` and ends where bucket `b + 1` starts. Two levels keep the
    /// directory at 528 KiB for four times the buckets a flat one of 32-bit offsets had in 256 KiB, and a
    /// bucket is read entry by entry, so fewer entries a bucket is fewer steps a lookup. Keys are not mixed
    /// beyond FNV-1a, whose top bits depend little on an n-gram's last letter, so n-grams that share their
    /// first letters sit close together and a text's lookups touch fewer cache lines: that measured faster
    /// than evenly spread keys.
    let groups: [UInt32]
    let offsets: [UInt16]
    /// Lane `language`: the value of a word the language never saw, what a code with bit 16 set leaves out.
    let wordFloors: SIMD16<UInt16>
    static let directoryBits: UInt64 = 18
    static let directoryShift = keyBits - directoryBits
    static let groupBits = 6
    static let bucketCount = 1 << Int(directoryBits)
    static let keyBits: UInt64 = 40
    static let keyMask: UInt64 = (1 << keyBits) - 1
    /// The part of a key an entry stores in its first 3 bytes (whose top two bits are 0): the bits below the
    /// directory's.
    static let storedKeyMask: UInt32 = (1 << UInt32(directoryShift)) - 1
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

    public convenience init(contentsOf url: URL) throws(LanguageModelError) {
        let source = try ModelSource.opening(path: url.path)
        defer { source.release() }
        try self.init(source: source)
    }

    public convenience init(bytes: [UInt8]) throws(LanguageModelError) {
        try self.init(source: .bytes(bytes))
    }

    /// The file's header is small; anything beyond this before the directory is damage.
    static let maximumHeaderBytes = 1 << 16
    static let magic = Array("INGLANG5".utf8)

    init(source: ModelSource) throws(LanguageModelError) {
        guard 1.littleEndian == 1 else { throw LanguageModelError("the language model is little-endian; this machine is not") }
        var reader = ModelByteReader(bytes: try source.bytes(at: 0, count: min(source.size, Self.maximumHeaderBytes)))
        guard reader.take(8) == Self.magic else {
            throw LanguageModelError("not a language model file of this version (bad magic)")
        }
        let count = Int(try reader.u32())
        guard (1...16).contains(count) else { throw LanguageModelError("language model names \(count) languages") }
        var languages: [String] = []
        for _ in 0..<count {
            languages.append(String(decoding: try reader.bytes(2), as: UTF8.self))
        }
        let step = Double(Float(bitPattern: try reader.u32()))
        guard step > 0, step.isFinite else { throw LanguageModelError("language model has a bad quantisation step") }
        let floors = try reader.bytes(count * Self.wordOrder)
        var has = [UInt16](repeating: 0, count: Self.letterMaskLimit)
        var scripts = [Set<WritingScript>](repeating: [], count: count)
        for language in 0..<count {
            let letters = Int(try reader.u16())
            for _ in 0..<letters {
                let scalar = UInt32(try reader.u32())
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
        let entries = Int(try reader.u32())
        guard entries <= Self.maximumEntries else { throw LanguageModelError("language model claims \(entries) entries") }
        let checksum = try reader.u32()
        let bodyStart = reader.offset
        let tableBytes = Int(try reader.u32())
        let codeCount = Int(try reader.u16())
        guard tableBytes <= Self.maximumEntries * (4 + count), (1...256).contains(codeCount) else {
            throw LanguageModelError("language model claims \(tableBytes) bytes of entries in \(codeCount) layouts")
        }
        var codes = [UInt32](repeating: 0, count: 256)
        for code in 0..<codeCount {
            let word = try reader.u32()
            let mask = word & 0xFFFF
            guard mask >> count == 0, word >> 17 == 0 else { throw LanguageModelError("language model has a bad value layout") }
            codes[code] = word | UInt32(4 + mask.nonzeroBitCount) << 24
        }
        let directoryStart = reader.offset
        let groupCount = (Self.bucketCount >> Self.groupBits) + 1
        let offsetsStart = directoryStart + groupCount * 4
        let tableStart = offsetsStart + (Self.bucketCount + 1) * 2
        let expected = tableStart + tableBytes
        guard source.size == expected else {
            throw LanguageModelError(
                "language model file is \(source.size) bytes, but its header describes \(expected): \(entries) rows of \(count) values in \(tableBytes) bytes")
        }
        let header = try source.bytes(at: bodyStart, count: directoryStart - bodyStart)
        var groups = [UInt32](repeating: 0, count: groupCount)
        var offsets = [UInt16](repeating: 0, count: Self.bucketCount + 1)
        var failure: LanguageModelError?
        groups.withUnsafeMutableBytes { buffer in
            do throws(LanguageModelError) { try source.read(into: buffer, at: directoryStart) } catch { failure = error }
        }
        offsets.withUnsafeMutableBytes { buffer in
            do throws(LanguageModelError) { try source.read(into: buffer, at: offsetsStart) } catch { failure = error }
        }
        let words = (tableBytes + 7) / 8 + 2
        let table = [UInt64](unsafeUninitializedCapacity: words) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            LargePages.advise(raw)
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            initialized = words
            do throws(LanguageModelError) {
                guard failure == nil else { throw failure! }
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<tableBytes]), at: tableStart)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        try Self.verify(
            header: header, groups: groups, offsets: offsets, table: table, tableBytes: tableBytes, codes: codes, entries: entries,
            languages: count, checksum: checksum)
        self.languages = languages
        self.step = step
        self.floors = floors
        var letterFloors = SIMD16<UInt16>(repeating: 0)
        var wordFloors = SIMD16<UInt16>(repeating: 0)
        for language in 0..<count {
            letterFloors[language] = UInt16(floors[language * Self.wordOrder])
            wordFloors[language] = UInt16(floors[language * Self.wordOrder + Self.wordOrder - 1])
        }
        self.letterFloors = letterFloors
        self.wordFloors = wordFloors
        self.lackingLetter = lacking
        self.table = table
        self.tableBytes = tableBytes
        self.codes = codes
        self.groups = groups
        self.offsets = offsets
        self.entryCount = entries
    }

    /// Refuses a damaged table: the layouts, directory and entries must match the checksum the script wrote,
    /// every entry must end where the next begins and the last of a bucket at the bucket's end, with a known
    /// layout, and keys must ascend within their bucket, as the lookups assume.
    static func verify(
        header: [UInt8], groups: [UInt32], offsets: [UInt16], table: [UInt64], tableBytes: Int, codes: [UInt32],
        entries: Int, languages: Int, checksum: UInt32
    ) throws(LanguageModelError) {
        var crc = header.withUnsafeBytes { bytes in
            crc32(0, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        }
        crc = groups.withUnsafeBytes { bytes in
            crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        }
        crc = offsets.withUnsafeBytes { bytes in
            crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        }
        crc = table.withUnsafeBytes { bytes in
            crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(tableBytes))
        }
        guard UInt32(truncatingIfNeeded: crc) == checksum else {
            throw LanguageModelError("language model's table does not match its checksum: the file is damaged")
        }
        func start(_ bucket: Int) -> Int { Int(groups[bucket >> groupBits]) + Int(offsets[bucket]) }
        guard groups[0] == 0, start(bucketCount) == tableBytes else {
            throw LanguageModelError("language model's directory does not cover its \(tableBytes) bytes of entries")
        }
        // Every entry in its bucket, each ending where the next begins, keys ascending: or -1.
        let rows = table.withUnsafeBytes { bytes in
            var rows = 0
            for bucket in 0..<bucketCount {
                let end = start(bucket + 1)
                var entry = start(bucket)
                guard entry <= end else { return -1 }
                var previous: Int64 = -1
                while entry < end {
                    let word = bytes.loadUnaligned(fromByteOffset: entry, as: UInt32.self)
                    let key = Int64(word & 0xFF_FFFF)
                    let length = Int(codes[Int(word >> 24)] >> 24)
                    guard length > 0, key > previous, key <= storedKeyMask else { return -1 }
                    previous = key
                    entry += length
                    rows += 1
                }
                guard entry == end else { return -1 }
            }
            return rows
        }
        guard rows >= 0 else { throw outOfOrder }
        guard rows == entries else {
            throw LanguageModelError("language model's table holds \(rows) entries, but its header describes \(entries) rows of \(languages) values")
        }
    }

    static let outOfOrder = LanguageModelError("language model's keys are out of order or outside their directory range")

    /// The column of a language code, if the model knows it.
    public func index(of code: String) -> Int? {
        languages.firstIndex(of: code)
    }
}
