public import IngestCore

/// Undoes mojibake: UTF-8 text that was decoded with a single-byte code page ("Iaศ™i" for "Iași",
/// "Ð¡Ð¾Ñ„Ð¸Ñ" for "София", "â€œ" for "“"), once or twice over.
///
/// Only broken spans are touched. A span is a run of non-ASCII characters; it is repaired when encoding
/// it back with one code page yields bytes that are valid UTF-8 and read as letters and ordinary
/// punctuation. Clean text in these languages practically never survives that round trip, which is what
/// keeps repair from harming text that was already right.
public struct MojibakeRepairer: Sendable {
    /// Code pages tried, most common misreading first; then windows-1257 for Baltic text and IBM437 for
    /// text that went through a DOS or Windows console, which no other of them reads back.
    public static let codePages = PairScorer.encodings + ["windows-1257", "ibm437"]

    /// Passes over the text: mojibake of mojibake needs two.
    public static let maximumPasses = 3

    let reverse: [CodePageReverseMap]
    /// The bytes of ``reverse`` for the characters below `reverseFlatLimit`, all code pages in one array
    /// (`reverseFlatLimit` entries a page, 0 where the page has no byte), so reading a span with a code
    /// page copies no map and touches no reference count.
    let reverseBytes: [UInt8]
    static let reverseFlatLimit = Int(CodePageReverseMap.flatLimit)
    let masks: CodePageMasks
    /// Legacy text read with the wrong legacy code page, re-read whole.
    let legacy: LegacyMisreadingRepair
    /// What the code pages make of UTF-8 continuation bytes (0x80–0xBF): a repair that still holds one is
    /// half of a double misreading, with the second half left for the next pass.
    let continuationImages: ScalarSet
    /// What the code pages make of UTF-8 lead bytes (0xC2–0xF4): a space or question mark right after one
    /// may stand for a byte the text lost, so the span is extended over it.
    let leadImages: ScalarSet
    let spaceLeadImages: ScalarSet
    let threeByteLeadImages: ScalarSet
    /// Images of E2 and E3, the three-byte leads of punctuation, symbols and CJK, whose second byte is
    /// often 0xA0 ("â € " for the blank U+2800); Cyrillic letters left out.
    let spacedThreeByteLeadImages: ScalarSet
    /// Code pages that decode 0x80–0x9F as the C1 controls themselves (the ISO-8859 ones): a span with a
    /// C1 control is more likely theirs than a windows-* page's.
    let nativeControls: [Bool]
    /// The C1 controls that a windows-* page also decodes as themselves, from a byte it leaves undefined
    /// (0x81 in windows-1250, UTF-8 "с" = D1 81): they tell no ISO-8859 page from it. UTF-8 Cyrillic read as
    /// windows-1250 shows them for "с", "у" and "ш", and the vote they gave ISO-8859-2 made it read "маски"
    /// as "Хаски", where only "ĐĽ" (windows-1250 "м", ISO-8859-2 "Х") told the two apart.
    let sharedControls: UInt32
    /// The characters ``isSuspicious(_:)`` is true for.
    let giveAways: ScalarSet
    /// The chain a UTF-8 repair with each code page records.
    let utf8Chains: [String]
    let classes = ScalarClasses()

    public init() {
        // windows-874 leaves most of 0x80–0x9F undefined; decoders in the wild fill them from windows-1252.
        reverse = Self.codePages.compactMap { CodePageReverseMap(codePage: $0, undefinedFrom: $0 == "windows-874" ? "windows-1252" : nil) }
        masks = CodePageMasks(reverse)
        reverseBytes = reverse.flatMap(\.flat)
        legacy = LegacyMisreadingRepair(reverse: reverse, scalarClasses: classes)
        let tables = Self.codePages.compactMap(CodePageReverseMap.scalars(of:))
        continuationImages = ScalarSet(tables.flatMap { $0[0x80...0xBF].map(\.value) })
        leadImages = ScalarSet(tables.flatMap { $0[0xC2...0xF4].map(\.value) })
        spaceLeadImages = ScalarSet(tables.flatMap { table in (0xC2...0xDF).filter { SpanDecoder.restoresSpace(afterLead: UInt8($0)) }.map { table[$0].value } })
        threeByteLeadImages = ScalarSet(tables.flatMap { $0[0xE0...0xEF].map(\.value) })
        // Letters that end ordinary words are left out: "в" and "г" (E2 and E3 in windows-1251) end
        // Cyrillic ones, "ć" (E3 in windows-1257) Polish ones, "ă" and "ã" (E3 in windows-1250 and -1252)
        // Romanian and Portuguese ones, often before a quote ("mówić „tak”", "etichetă „extinde”", which
        // would otherwise read as a CJK character). "â" (E2 in windows-1252 and -1250) stays: it is the
        // image of the lead of most punctuation, and rarely ends a word.
        let wordEnds = ScalarSet(LegacyMisreadingRepair.polishLetterValues + "ãă".unicodeScalars.map(\.value))
        spacedThreeByteLeadImages = ScalarSet(
            tables.flatMap { $0[0xE2...0xE3].map(\.value) }.filter { !(0x400...0x4FF).contains($0) && !wordEnds.contains($0) })
        giveAways = ScalarSet(Self.giveAwayCharacters)
        utf8Chains = reverse.map { "utf-8 read as \($0.name)" }
        nativeControls = reverse.map { map in CodePageReverseMap.scalars(of: map.name).map { $0[0x85].value == 0x85 } ?? false }
        // windows-874's undefined bytes are read as windows-1252's (above), so its own table says nothing here.
        var shared: UInt32 = 0
        for map in reverse where map.name != "windows-874" {
            guard let table = CodePageReverseMap.scalars(of: map.name), table[0x85].value != 0x85 else { continue }
            for byte in 0x80...0x9F where table[byte].value == UInt32(byte) { shared |= 1 << UInt32(byte - 0x80) }
        }
        sharedControls = shared
    }

    public struct Result: Sendable, Equatable {
        public var text: String
        public var repairs: [EncodingRepair]
    }

    /// Legacy text read with the wrong legacy code page, as (read as, really, languages of the real one).
    public static var legacyConfusions: [(readAs: String, actual: String, languages: [String])] { LegacyMisreadingRepair.confusions }

    public func repair(_ text: String) -> Result {
        var workspace = Workspace()
        return repair(text, in: &workspace)
    }

    /// ``repair(_:)`` with scratch space the caller keeps from text to text.
    public func repair(_ text: String, in workspace: inout Workspace) -> Result {
        var text = text
        let repaired = text.withUTF8 { repair(utf8: $0, in: &workspace) }
        return repaired ?? Result(text: text, repairs: [])
    }

    /// The chains of the legacy re-readings, which ``repair(_:in:misreadLike:)`` takes.
    public static let legacyChains: [String] = LegacyMisreadingRepair.confusions.map { LegacyMisreadingRepair.chain(actual: $0.actual, readAs: $0.readAs) }

    /// ``repair(_:in:)`` for a text that belongs with another the repair re-read whole with one of
    /// `chains` (a page's title and its text went through the same wrong decoder): when the text needs no
    /// repair on its own evidence, it is re-read with the first of those chains it reads as well with.
    public func repair(_ text: String, in workspace: inout Workspace, misreadLike chains: [String]) -> Result {
        let result = repair(text, in: &workspace)
        guard result.repairs.isEmpty, !chains.isEmpty else { return result }
        let scalars = Array(text.unicodeScalars)
        for chain in chains {
            if let reread = legacy.reread(scalars, as: chain) {
                return Result(text: reread.scalars.withUnsafeBufferPointer(Self.string), repairs: [reread.repair])
            }
        }
        return result
    }

    /// The repair of a text given as its UTF-8 bytes, or nil when the text needs none: a caller that
    /// holds the bytes anyway (a line of JSON) then makes no string for it. The bytes must be valid UTF-8
    /// (anything else is read as best it can be, never beyond the buffer).
    public func repair(utf8 text: UnsafeBufferPointer<UInt8>, in workspace: inout Workspace) -> Result? {
        switch outcome(utf8: text, in: &workspace) {
        case .unchanged: return nil
        case .inWorkspace(let repairs): return Result(text: workspace.current.withUnsafeBufferPointer(Self.string), repairs: repairs)
        case .scalars(let scalars, let repairs): return Result(text: scalars.withUnsafeBufferPointer(Self.string), repairs: repairs)
        }
    }
}
