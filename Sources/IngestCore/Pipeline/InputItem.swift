/// What a reader yields: a document, or an input it could not read, which becomes a dead letter rather
/// than vanishing.
public enum InputItem: Sendable {
    case document(Document)
    case failed(id: PageID, source: SourceRef, code: StageError.Code, message: String)
}
