public import IngestCore

/// The last sink of a run that fetches over HTTP into outputs none of which is the state database: it saves
/// each written page's ETag, Last-Modified and body hash to the state database, once the sinks before it
/// have finished and so committed the records. (Two databases cannot share a transaction; saving after
/// the records keeps the failure on the safe side: a page fetched again, never a page marked fetched
/// without its record.)
public struct FetchStateRecorder: RecordSink {
    public let ledger: FetchStateLedger
    public let store: any StateStore

    public init(ledger: FetchStateLedger, store: any StateStore) {
        self.ledger = ledger
        self.store = store
    }

    public var name: String { "fetch-state" }

    public func write(_ record: EncodedRecord) async throws(RunError) {
        ledger.written(record.record.pageID)
    }

    public func write(_ deadLetter: DeadLetter) async throws(RunError) {
        ledger.dropped(deadLetter.pageID)
    }

    public func finish(summary: RunSummary) async throws(RunError) {
        for state in ledger.takeWritten() {
            try await store.saveFetchState(state)
        }
    }
}
