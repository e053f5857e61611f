public import IngestCore

/// The repair stage: undoes mojibake left in the text and title, and records each repair in
/// `encoding.repairs` with the chain it undid and how many spans it touched.
public struct MojibakeRepair: Stage {
    public static let name = "repair"

    public var repairer: MojibakeRepairer

    public init(repairer: MojibakeRepairer = MojibakeRepairer()) {
        self.repairer = repairer
    }

    public func process(_ document: inout Document, context: StageContext) throws(StageError) -> StageDecision {
        var repairs: [EncodingRepair] = []
        if let text = document.text {
            let result = repairer.repair(text)
            document.text = result.text
            repairs += result.repairs
        }
        if let title = document.title {
            let result = repairer.repair(title)
            document.title = result.text
            repairs += result.repairs
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
        document.encoding = encoding
        return .keep
    }

    public static let descriptor = StageDescriptor(
        name: name, summary: "undo mojibake (UTF-8 read as a single-byte code page, once or twice) in text and title",
        options: [], make: { _ in MojibakeRepair() })
}
