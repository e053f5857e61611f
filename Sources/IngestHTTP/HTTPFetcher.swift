import Foundation
public import IngestCore
import IngestFetch
import Logging

/// Reads pages over HTTP from lists of URLs, one absolute `http`/`https` URL per line (`#` starts a
/// comment line), fetching up to ``HTTPFetchConfiguration/maxConnections`` of them at once.
///
/// Fetches run ahead of the runner in a fixed window and are handed over in list order, so memory holds
/// at most the window's bodies and a rerun sees the same order. Every URL becomes exactly one input: a
/// document, a dead letter (the fetch failed) or a counted skip (robots.txt, unchanged since the last
/// run, another shard's).
public struct HTTPFetcher: DocumentReader {
    public var lists: [String]
    public let session: HTTPFetchSession
    /// Where last run's validators and hashes are read from; without it every request is unconditional.
    public let state: (any StateStore)?
    /// Receives the fetch state of every document, for ``FetchStateRecorder`` to save once it is written.
    public let ledger: FetchStateLedger?
    /// URLs another shard owns are passed over without a request.
    public var shard: Shard?

    /// - Throws: ``RunError`` with `.missingInput` when a list does not exist.
    public init(
        lists: [String], session: HTTPFetchSession, state: (any StateStore)? = nil, ledger: FetchStateLedger? = nil, shard: Shard? = nil
    ) throws(RunError) {
        for list in lists where list != "-" && !FileManager.default.fileExists(atPath: list) {
            throw RunError(.missingInput, "URL list not found: \(list)")
        }
        self.lists = lists
        self.session = session
        self.state = state
        self.ledger = ledger
        self.shard = shard
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(fetcher: self)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private let fetcher: HTTPFetcher
        private var remainingLists: [String]
        private var lines: LineSource?
        /// Fetches started and not yet handed over, oldest first.
        private var window: [Task<InputItem, Never>] = []

        init(fetcher: HTTPFetcher) {
            self.fetcher = fetcher
            self.remainingLists = fetcher.lists.reversed()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> InputItem? {
            await nextItem(isolation: actor)
        }

        public mutating func next() async -> InputItem? {
            await nextItem(isolation: nil)
        }

        private mutating func nextItem(isolation actor: isolated (any Actor)?) async -> InputItem? {
            while window.count < fetcher.session.configuration.maxConnections, let url = nextURL() {
                window.append(start(url))
            }
            guard !window.isEmpty else { return nil }
            return await window.removeFirst().value
        }

        private func start(_ url: String) -> Task<InputItem, Never> {
            let id = PageID(canonicalSource: url)
            if let shard = fetcher.shard, !shard.contains(id) {
                let item = InputItem.skipped(id: id, source: SourceRef(url: url), reason: RunSummary.outOfShardReason)
                return Task { item }
            }
            let session = fetcher.session
            let state = fetcher.state
            let ledger = fetcher.ledger
            return Task {
                var previous: FetchState? = nil
                if let state {
                    do throws(RunError) {
                        previous = try await state.fetchState(url: url)
                    } catch {
                        session.logger.warning(
                            "the stored fetch state could not be read; fetching unconditionally",
                            metadata: ["url": "\(url)", "error.message": "\(error.message)"])
                    }
                }
                let fetched = await session.fetch(url, previous: previous)
                if let saved = fetched.state { ledger?.expect(saved) }
                return fetched.item
            }
        }

        private mutating func nextURL() -> String? {
            while true {
                if let line = lines?.nextLine() {
                    let url = line.trimmingCharacters(in: .whitespaces)
                    if url.isEmpty || url.hasPrefix("#") { continue }
                    return url
                }
                lines = nil
                guard let list = remainingLists.popLast() else { return nil }
                lines = LineSource(path: list)
            }
        }
    }
}
