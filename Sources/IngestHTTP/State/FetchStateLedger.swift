public import IngestCore
import Synchronization

/// Fetch states between the fetch and the write, for a state database that is not one of the run's
/// outputs (a separate `--state` file): a page's state is kept until its record is written, dropped if it
/// becomes a dead letter, and saved only after every sink has made the record durable. When a sink's
/// database is the state database, the page's own ``Document/fetchState`` is written in its transaction
/// instead and no ledger is used.
///
/// Saving earlier could record a page as fetched while its record was lost in a crash, and the next
/// night's conditional request would then skip it for good. The price is one small entry (URL,
/// validators, hash) per written page until the run ends, as the runner keeps one id per input; pages a
/// stage skips are never saved, so they are fetched in full again next time.
public final class FetchStateLedger: Sendable {
    private struct Books {
        var expected: [PageID: FetchState] = [:]
        var written: [FetchState] = []
    }

    private let books = Mutex(Books())

    public init() {}

    /// Notes the state of a document handed to the pipeline.
    public func expect(_ state: FetchState) {
        guard let id = state.pageID else { return }
        books.withLock { $0.expected[id] = state }
    }

    /// The page's record was written: its state is to be saved when the sinks finish.
    public func written(_ id: PageID) {
        books.withLock { books in
            if let state = books.expected.removeValue(forKey: id) { books.written.append(state) }
        }
    }

    /// The page became a dead letter or was skipped: nothing is saved, so the next run fetches it afresh.
    public func dropped(_ id: PageID) {
        _ = books.withLock { $0.expected.removeValue(forKey: id) }
    }

    /// The states of written pages, handed over once.
    public func takeWritten() -> [FetchState] {
        books.withLock { books in
            defer { books.written = [] }
            return books.written
        }
    }
}
