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
    /// The entries in ascending key order, `slotWords` words each: the key in the low 40 bits of the first
    /// word and the languages' quantised -ln P in the bytes after it (byte 5 on), so one lookup touches one
    /// cache line. One zero word follows the last entry, so that the scorer may read any entry's values as
    /// one 16-byte vector.
    let table: [UInt64]
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
    static let magic = Array("INGLANG4".utf8)

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

        let slotWords = (Self.valueOffset + count + 7) / 8
        let directoryStart = reader.offset
        let tableStart = directoryStart + Self.directorySize * 4
        let expected = tableStart + entries * slotWords * 8
        guard source.size == expected else {
            throw LanguageModelError(
                "language model file is \(source.size) bytes, but its header describes \(expected): \(entries) rows of \(count) values")
        }
        var directory = [UInt32](repeating: 0, count: Self.directorySize)
        var failure: LanguageModelError?
        directory.withUnsafeMutableBytes { buffer in
            do throws(LanguageModelError) { try source.read(into: buffer, at: directoryStart) } catch { failure = error }
        }
        let table = [UInt64](unsafeUninitializedCapacity: entries * slotWords + 1) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            LargePages.advise(raw)
            buffer[entries * slotWords] = 0
            initialized = entries * slotWords + 1
            do throws(LanguageModelError) {
                guard failure == nil else { throw failure! }
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<(entries * slotWords * 8)]), at: tableStart)
            } catch {
                // The table is discarded, but every word it claims must hold a value.
                failure = error
                raw.initializeMemory(as: UInt8.self, repeating: 0)
            }
        }
        if let failure { throw failure }
        try Self.verify(directory: directory, table: table, entries: entries, slotWords: slotWords, checksum: checksum)
        self.languages = languages
        self.step = step
        self.floors = floors
        var letterFloors = SIMD16<UInt16>(repeating: 0)
        for language in 0..<count { letterFloors[language] = UInt16(floors[language * Self.wordOrder]) }
        self.letterFloors = letterFloors
        self.lackingLetter = lacking
        self.table = table
        self.slotWords = slotWords
        self.directory = directory
        self.entryCount = entries
    }

    /// Entries of the directory: a start per value of the keys' top 16 bits, and the end.
    static let directorySize = (1 << Int(directoryBits)) + 1

    /// Refuses a damaged table: the directory and entries must match the checksum the script wrote, and
    /// every key must sit in its directory range, in ascending order, as the lookups assume.
    static func verify(
        directory: [UInt32], table: [UInt64], entries: Int, slotWords: Int, checksum: UInt32
    ) throws(LanguageModelError) {
        var crc = directory.withUnsafeBytes { bytes in
            crc32(0, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        }
        crc = table.withUnsafeBytes { bytes in
            crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(entries * slotWords * 8))
        }
        guard UInt32(truncatingIfNeeded: crc) == checksum else {
            throw LanguageModelError("language model's table does not match its checksum: the file is damaged")
        }
        guard directory[0] == 0, directory[directorySize - 1] == UInt32(entries) else {
            throw LanguageModelError("language model's directory does not cover its \(entries) rows")
        }
        var previous: UInt64 = 0
        for bucket in 0..<(directorySize - 1) {
            let start = Int(directory[bucket])
            let end = Int(directory[bucket + 1])
            guard start <= end else { throw outOfOrder }
            for entry in start..<end {
                let key = table[entry * slotWords] & keyMask
                guard key >> directoryShift == UInt64(bucket), entry == 0 || key > previous else { throw outOfOrder }
                previous = key
            }
        }
    }

    static let outOfOrder = LanguageModelError("language model's keys are out of order or outside their directory range")

    /// The column of a language code, if the model knows it.
    public func index(of code: String) -> Int? {
        languages.firstIndex(of: code)
    }
}
