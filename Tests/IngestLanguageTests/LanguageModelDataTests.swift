import Foundation
import IngestLanguage
import IngestTestSupport
import Testing

/// The shipped model is the one the build script makes from the training sentences, it stays small on disk,
/// and a damaged copy is refused with a reason.
@Suite struct LanguageModelDataTests {
    static let modelPath = "Sources/IngestLanguage/Resources/language-model.bin"
    static let sourcesPresent = ["../shared/corpora/train/bg.txt", "/usr/share/hunspell/pl_PL.dic"].allSatisfy {
        FileManager.default.fileExists(atPath: $0.hasPrefix("/") ? $0 : FixturePaths.packageRoot.appendingPathComponent($0).path)
    }

    func modelBytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: FixturePaths.packageRoot.appendingPathComponent(Self.modelPath)))
    }

    @Test("the committed model is what Scripts/build-language-model.py builds from the training sentences",
        .enabled(if: sourcesPresent, "needs ../shared/corpora/train and the hunspell-* dictionaries"))
    func modelIsCurrent() async throws {
        #expect(
            try await PythonScript.run(["Scripts/build-language-model.py", "--check"]) == 0,
            "run python3 Scripts/build-language-model.py")
    }

    /// Only a dictionary can say which words a language spells, so a language without one (Bulgarian, Czech,
    /// Macedonian and Belarusian have none whose licence allows shipping), or a build told to read no
    /// dictionaries, is refused before anything is built.
    @Test("the model builder refuses --dictionary-known without a dictionary to read", arguments: [
        ["--dictionary-known", "bg"], ["--dictionary-known", "sk,cs"], ["--dictionary-known", "xx"],
        ["--dictionary-known", "sk", "--dictionaries", ""],
    ])
    func dictionaryKnownNeedsADictionary(_ options: [String]) async throws {
        let status = try await PythonScript.run(
            ["Scripts/build-language-model.py"] + options + ["--out", "/nonexistent/model.bin"], quiet: true)
        #expect(status == 2)
    }

    /// The model's sources that are not in the repository are held to the worked examples of the scripts that
    /// prepare them: the Belarusian classical-spelling converter (each Belarusian sentence is counted in both
    /// spellings, and the words it must leave alone are examples too), the extra sentences' line rules (a
    /// glossary's entries left out of Slovak, script and letter checks), the interface words' string rules
    /// (Fluent syntax and placeholders out, untranslated English strings and CSS left out), the CLDR words'
    /// (formats and patterns left out) and the OCR words' (letters outside the alphabet, English quoted in
    /// Polish, Czech and Slovak, and the even sampling).
    @Test("the scripts that prepare the model's sources give their worked examples", arguments: [
        "Scripts/belarusian_classical.py", "Scripts/build-extra-sentences.py", "Scripts/build-interface-words.py",
        "Scripts/build-cldr-words.py", "Scripts/build-ocr-words.py",
    ])
    func sourceScriptExamples(_ script: String) async throws {
        #expect(
            try await PythonScript.run([script, "--self-test"]) == 0,
            "python3 \(script) --self-test names the examples that fail")
    }

    @Test("the model file stays under the repository's 5 MiB a file and loads with every language")
    func modelFileIsSmall() throws {
        let bytes = try modelBytes()
        #expect(bytes.count < 5 << 20)
        let model = try LanguageModel(bytes: bytes)
        #expect(model.languages == LanguageDetector.defaultCandidates)
        #expect(model.entryCount > 100_000)
    }

    /// The offset of the header's entry count: magic, language count and codes, step, floors, alphabets.
    static func entryCountOffset(_ bytes: [UInt8]) -> Int {
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let languages = u32(8)
        var offset = 8 + 4 + 2 * languages + 4 + 6 * languages
        for _ in 0..<languages {
            offset += 2 + 4 * (Int(bytes[offset]) | Int(bytes[offset + 1]) << 8)
        }
        return offset
    }

    @Test("a model whose header promises more or fewer entries than its table holds is refused", arguments: [-1, 1, 1000, 10_000_000])
    func entryCountMismatch(change: Int) throws {
        var bytes = try modelBytes()
        let offset = Self.entryCountOffset(bytes)
        let entries = (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        let model = try LanguageModel(bytes: bytes)
        #expect(model.entryCount == entries)
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: (entries + change) >> (8 * index)) }
        do {
            _ = try LanguageModel(bytes: bytes)
            Issue.record("a model with \(entries + change) entries in its header and \(entries) in its table was accepted")
        } catch {
            #expect(error.description.contains("rows of"))
        }
    }

    @Test("a model whose table is cut short, corrupted or reordered is refused")
    func damagedTable() throws {
        let bytes = try modelBytes()
        var truncated = bytes
        truncated.removeLast(1000)
        do {
            _ = try LanguageModel(bytes: truncated)
            Issue.record("a truncated model was accepted")
        } catch {
            #expect(error.description.contains("bytes, but its header describes"))
        }
        var corrupted = bytes
        for index in stride(from: bytes.count / 2, to: bytes.count / 2 + 64, by: 1) { corrupted[index] ^= 0x5A }
        do {
            _ = try LanguageModel(bytes: corrupted)
            Issue.record("a corrupted model was accepted")
        } catch {
            #expect(error.description.contains("does not match its checksum"))
        }
        // The keys of the first two entries of the last bucket that holds two swapped, with the checksum
        // recomputed: only the walk over the entries, which must find keys in ascending order, can tell.
        var swapped = bytes
        let (first, second) = try #require(
            Self.lastTwoEntriesOfABucket(bytes), "no bucket of the model holds two entries")
        for index in 0..<3 { swapped.swapAt(first + index, second + index) }
        let checksumOffset = Self.entryCountOffset(bytes) + 4
        let crc = Self.crc32(swapped[(checksumOffset + 4)...])
        for index in 0..<4 { swapped[checksumOffset + index] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(index))) }
        do {
            _ = try LanguageModel(bytes: swapped)
            Issue.record("a model with entries out of order was accepted")
        } catch {
            #expect(error.description.contains("out of order"))
        }
    }

    /// The byte offsets of the first two entries of the last bucket holding two or more, read from the file's
    /// layouts (an entry is 4 bytes, and 1 more for each language its layout's mask names) and its two-level
    /// directory.
    static func lastTwoEntriesOfABucket(_ bytes: [UInt8]) -> (Int, Int)? {
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        let tableBytesOffset = entryCountOffset(bytes) + 8
        let layoutCount = u16(tableBytesOffset + 4)
        let layouts = (0..<layoutCount).map { u32(tableBytesOffset + 6 + 4 * $0) }
        let groups = tableBytesOffset + 6 + 4 * layoutCount
        // The directory of the build script's layout: 2^18 buckets (the keys' top 18 bits), 64 to a group.
        let bucketCount = 1 << 18
        let groupBits = 6
        let offsets = groups + ((bucketCount >> groupBits) + 1) * 4
        let entries = offsets + (bucketCount + 1) * 2
        func start(_ bucket: Int) -> Int {
            entries + u32(groups + (bucket >> groupBits) * 4) + u16(offsets + bucket * 2)
        }
        for bucket in stride(from: bucketCount - 1, through: 0, by: -1) {
            let first = start(bucket)
            let end = start(bucket + 1)
            guard first < end else { continue }
            let second = first + 4 + (layouts[Int(bytes[first + 3])] & 0xFFFF).nonzeroBitCount
            if second < end { return (first, second) }
        }
        return nil
    }

    /// zlib's CRC-32 (reflected, polynomial 0xEDB88320), as the build script writes it.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var table = [UInt32](repeating: 0, count: 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            table[index] = value
        }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}
