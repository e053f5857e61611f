import CZlib
public import Foundation

/// The language identifier's model: for each character n-gram (orders 1–5) the -ln probability of its
/// last letter after the ones before it, for each frequent word its -ln probability, in every language;
/// plus every language's alphabet.
///
/// Built by `Scripts/build-language-model.py` from CC0 sentences (see `Data/README.md`) into one compact
/// binary resource: keys are stored as differences of sorted 40-bit hashes and the whole table is
/// zlib-compressed, so the file is a quarter of the table's size in memory. Loading it is one inflate and
/// one pass to build an open-addressing table, so it costs milliseconds; ``bundled`` loads it once per
/// process and every detector shares it.
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
    /// More entries than any model the script builds; it bounds what a damaged header can make us allocate.
    static let maximumEntries = 1 << 24

    /// ISO 639-1 codes, in the model's column order.
    public let languages: [String]
    /// -ln P for one quantisation unit.
    let step: Double
    /// `floors[language * 6]`: -ln P of a letter the language never saw; `floors[language * 6 + 5]`: of a
    /// word it never saw.
    let floors: [UInt8]
    /// For each scalar below `letterMaskLimit`, a bit per language that is written in the letter's script
    /// but whose alphabet lacks the letter (ы for Ukrainian, ł for Czech, w for Serbian). A Latin name in a
    /// Cyrillic text is no evidence against a Cyrillic language, so other scripts' letters are not counted.
    let lackingLetter: [UInt16]
    static let letterMaskLimit = 0x0530
    /// Open-addressing slots: the entry's key, and its row in `rows` (or -1 when the slot is empty).
    let slotKeys: [UInt64]
    let slotRows: [Int32]
    let slotMask: Int
    /// `rows[row * languages.count + language]`: quantised -ln P.
    let rows: [UInt8]

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
        let compressed = try reader.bytes(Int(try reader.u32()))
        guard reader.isAtEnd else { throw LanguageModelError("language model has trailing bytes") }
        // A 40-bit key takes at most six varint bytes.
        var payload = ModelByteReader(bytes: try Self.inflate(compressed, limit: entries * (6 + count)))
        var keys = [UInt64](repeating: 0, count: entries)
        var key: UInt64 = 0
        for index in 0..<entries {
            key &+= try payload.varint()
            keys[index] = key
        }
        let rows = try payload.bytes(entries * count)
        guard payload.isAtEnd else { throw LanguageModelError("language model's table has trailing bytes") }

        var capacity = 1024
        while capacity < entries * 2 { capacity <<= 1 }
        var slotKeys = [UInt64](repeating: 0, count: capacity)
        var slotRows = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (row, key) in keys.enumerated() {
            var slot = Self.slot(key, mask: mask)
            while slotRows[slot] >= 0 { slot = (slot + 1) & mask }
            slotKeys[slot] = key
            slotRows[slot] = Int32(row)
        }
        self.languages = languages
        self.step = step
        self.floors = floors
        self.lackingLetter = lacking
        self.slotKeys = slotKeys
        self.slotRows = slotRows
        self.slotMask = mask
        self.rows = rows
    }

    /// Decompresses the table, refusing to produce more than `limit` bytes.
    static func inflate(_ compressed: [UInt8], limit: Int) throws(LanguageModelError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(limit, 1))
        var length = uLongf(output.count)
        let status = output.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK else {
            throw LanguageModelError("language model's table does not decompress (zlib status \(status))")
        }
        output.removeSubrange(Int(length)...)
        return output
    }

    /// Number of n-grams and words the model holds.
    public var entryCount: Int { rows.count / languages.count }

    @inline(__always)
    static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key ^ (key >> 31)) &* 0x9E37_79B9_7F4A_7C15 >> 20) & mask
    }

    /// The column of a language code, if the model knows it.
    public func index(of code: String) -> Int? {
        languages.firstIndex(of: code)
    }
}
