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
        var originalText: String?
        var originalTitle: String?
        var workspace = MojibakeRepairer.Workspace()
        if let original = document.text {
            let text = repair(original, into: &repairs, in: &workspace)
            if text != original { originalText = original }
            document.text = text
        }
        if let original = document.title {
            // The title went through the decoder the text did: a legacy misreading the text showed is
            // undone in a title too short or too mixed to show it ("Äîêóìåíò — Adobe FrameMaker").
            let pageChains = repairs.map(\.chain).filter(MojibakeRepairer.legacyChains.contains)
            let title = repair(original, into: &repairs, in: &workspace, misreadLike: pageChains)
            if title != original { originalTitle = original }
            document.title = title
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
        if let originalText, let text = document.text {
            encoding.undo = UndoDiff.undos(from: originalText, to: text)
        }
        encoding.originalTitle = encoding.originalTitle ?? originalTitle
        document.encoding = encoding
        return .keep
    }

    /// Entities, then mojibake, then Unicode cleanup on one text; their repairs are added to `repairs`.
    private func repair(
        _ original: String, into repairs: inout [EncodingRepair], in workspace: inout MojibakeRepairer.Workspace, misreadLike chains: [String] = []
    ) -> String {
        let unescaped = entities.clean(original)
        repairs += unescaped.repairs
        let result = repairer.repair(unescaped.text, in: &workspace, misreadLike: chains)
        repairs += result.repairs
        guard let cleanup else { return result.text }
        let cleaned = cleanup.clean(result.text)
        repairs += cleaned.repairs
        return cleaned.text
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
