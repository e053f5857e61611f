/// A document that could not become a record, with enough to find it and to know why.
public struct DeadLetter: Sendable, Codable, Equatable {
    public var runID: String
    public var pageID: PageID
    public var source: SourceRef
    /// The stage that failed, or `input` when the document could not even be read.
    public var stage: String
    /// A stable code from ``StageError/Code``.
    public var code: String
    public var message: String

    public init(runID: String, pageID: PageID, source: SourceRef, stage: String, code: String, message: String) {
        self.runID = runID
        self.pageID = pageID
        self.source = source
        self.stage = stage
        self.code = code
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case pageID = "page_id"
        case source, stage, code, message
    }
}
