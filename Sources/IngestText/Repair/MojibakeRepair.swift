public import IngestCore

/// The repair stage: decodes entities a CMS escaped twice, undoes mojibake left in the text and title,
/// cleans up Unicode, and records each repair in
/// `encoding.repairs` with the chain it undid and how many spans it touched.
public struct MojibakeRepair: Stage {
    public static let name = "repair"

    public var repairer: MojibakeRepairer
    public var cleanup: UnicodeCleanup?
    public var entities = EntityCleanup()

    /// - Parameter cleanup: Unicode cleanup after the mojibake repair; nil to leave characters as they are.
    public init(repairer: MojibakeRepairer = MojibakeRepairer(), cleanup: UnicodeCleanup? = UnicodeCleanup()) {
        self.repairer = repairer
        self.cleanup = cleanup
    }

    public func process(_ document: inout Document, context: StageContext) throws(StageError) -> StageDecision {
        var repairs: [EncodingRepair] = []
        var originals: [KeyPath<Document, String?>: String] = [:]
        for keyPath in [\Document.text, \Document.title] {
            guard let original = document[keyPath: keyPath] else { continue }
            let unescaped = entities.clean(original)
            repairs += unescaped.repairs
            let result = repairer.repair(unescaped.text)
            var text = result.text
            repairs += result.repairs
            if let cleanup {
                let cleaned = cleanup.clean(text)
                text = cleaned.text
                repairs += cleaned.repairs
            }
            if text != original { originals[keyPath] = original }
            document[keyPath: keyPath] = text
        }
        guard !repairs.isEmpty else { return .keep }
        var merged: [EncodingRepair] = []
        for repair in repairs {
            if let index = merged.firstIndex(where: { $0.chain == repair.chain }) {
                merged[index].spans += repair.spans
            } else {
                merged.append(repair)
            }
        }
        var encoding = document.encoding ?? EncodingInfo(used: "utf-8", confidence: 1)
        encoding.repairs += merged
        if let original = originals[\Document.text], let text = document.text {
            encoding.undo = UndoDiff.undos(from: original, to: text)
        }
        encoding.originalTitle = encoding.originalTitle ?? originals[\Document.title]
        document.encoding = encoding
        return .keep
    }

    public static let descriptor = StageDescriptor(
        name: name, summary: "undo mojibake in text and title, then clean up Unicode (controls, invisible characters, look-alikes)",
        options: [
            StageOptionSpec(
                name: "unicode_cleanup", summary: "NFC, stray controls, invisible characters, plain spaces, Cyrillic look-alikes, one Ukrainian apostrophe",
                kind: .boolean, defaultValue: .boolean(true))
        ],
        make: { options in MojibakeRepair(cleanup: options.boolean("unicode_cleanup") == false ? nil : UnicodeCleanup()) })
}
