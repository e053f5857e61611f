import Foundation

/// A page record together with its canonical JSON, encoded once in the worker that built it so sinks
/// do not each encode it again on the runner's single writing task.
public struct EncodedRecord: Sendable {
    public var record: PageRecord
    /// Sorted-keys JSON, no trailing newline.
    public var json: [UInt8]
    /// The page's fetch state (``Document/fetchState``) with its page id, for the sink that keeps state.
    public var fetchState: FetchState?

    public init(record: PageRecord, fetchState: FetchState? = nil) throws {
        self.record = record
        self.json = try RecordJSON.encode(record)
        self.fetchState = fetchState.map { state in
            var state = state
            state.pageID = record.pageID
            return state
        }
    }
}
