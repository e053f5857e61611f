/// What a reader yields: a document, an input it could not read, which becomes a dead letter rather
/// than vanishing, or an input it deliberately passed over, which becomes a counted skip.
public enum InputItem: Sendable {
    case document(Document)
    case failed(id: PageID, source: SourceRef, code: StageError.Code, message: String)
    /// Seen but not read: outside this run's shard, or a record that is not a page (such as a WARC
    /// request record). Readers that can tell early avoid reading bytes nobody will use.
    case skipped(id: PageID, source: SourceRef, reason: String)

    public var id: PageID {
        switch self {
        case .document(let document): document.id
        case .failed(let id, _, _, _), .skipped(let id, _, _): id
        }
    }
}
