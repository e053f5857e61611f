public import Foundation

/// The language identifier's model: for each character n-gram (orders 1–5) the -ln probability of its
/// last letter after the ones before it, for each frequent word its -ln probability, in every language;
/// plus every language's alphabet.
///
/// Built by `Scripts/build-language-model.py` from CC0 sentences (see `Data/README.md`) into one compact
/// binary resource: keys are stored as differences of sorted 40-bit hashes and the whole table is
/// zlib-compressed, so the file is under a third of the table's size in memory. Loading it is one
/// streamed inflate that lays the entries out in key order behind a directory of their top bits
/// (``ModelTableDecoder``), so it costs milliseconds; ``bundled`` loads it once per process and every detector shares it.
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
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LanguageModelError("cannot read the language model \(url.path): \(error.localizedDescription)")
        }
        try self.init(bytes: [UInt8](data))
    }

    public init(bytes: [UInt8]) throws(LanguageModelError) {
        var reader = ModelByteReader(bytes: bytes)
        guard reader.take(8) == Array("INGLANG3".utf8) else {
            throw LanguageModelError("not a language model file (bad magic)")
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
        let compressed = try reader.skip(Int(try reader.u32()))
        guard reader.isAtEnd else { throw LanguageModelError("language model has trailing bytes") }

        let slotWords = (Self.valueOffset + count + 7) / 8
        var decoded: Result<[UInt32], LanguageModelError> = .failure(LanguageModelError("language model was not read"))
        let table = [UInt64](unsafeUninitializedCapacity: entries * slotWords + 1) { buffer, initialized in
            LargePages.advise(UnsafeMutableRawBufferPointer(buffer))
            buffer[entries * slotWords] = 0
            decoded = bytes.withUnsafeBytes { file in
                ModelTableDecoder.decode(
                    UnsafeRawBufferPointer(rebasing: file[compressed]), entries: entries, languages: count,
                    stride: slotWords * 8, into: UnsafeMutableRawPointer(buffer.baseAddress!))
            }
            // Every word is written once the decoder succeeds; on failure the table is discarded.
            initialized = entries * slotWords + 1
        }
        let directory = try decoded.get()
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

    /// The column of a language code, if the model knows it.
    public func index(of code: String) -> Int? {
        languages.firstIndex(of: code)
    }
}
