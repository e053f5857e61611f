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
    /// Only for a state database that no sink writes: every document also carries its state
    /// (``Document/fetchState``), which the sink keeping fetch state commits in the page's transaction.
    public let ledger: FetchStateLedger?
    /// URLs another shard owns are passed over without a request.
    public var shard: Shard?
    /// When a stop is requested, fetches in progress are cancelled rather than awaited, so a stalled
    /// server cannot hold a stopping run for its full timeouts; the page being handed over becomes a
    /// dead letter, and the rerun fetches it again.
    public var stop: StopRequest?

    /// - Throws: ``RunError`` with `.missingInput` when a list does not exist.
    public init(
        lists: [String], session: HTTPFetchSession, state: (any StateStore)? = nil, ledger: FetchStateLedger? = nil, shard: Shard? = nil,
        stop: StopRequest? = nil
    ) throws(RunError) {
        for list in lists where list != "-" && !FileManager.default.fileExists(atPath: list) {
            throw RunError(.missingInput, "URL list not found: \(list)")
        }
        self.lists = lists
        self.session = session
        self.state = state
        self.ledger = ledger
        self.shard = shard
        self.stop = stop
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
            let head = window.removeFirst()
            if let stop = fetcher.stop, await Self.stopsFirst(head, stop: stop) {
                for task in window { task.cancel() }
            }
            return await head.value
        }

        /// Waits for `head` or for a stop request, whichever comes first; on a stop, `head` is cancelled.
        private static func stopsFirst(_ head: Task<InputItem, Never>, stop: StopRequest) async -> Bool {
            await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = await head.value
                    return false
                }
                group.addTask {
                    while !stop.isRequested, !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(50))
                    }
                    return stop.isRequested
                }
                let stopped = await group.next() ?? false
                if stopped { head.cancel() }
                group.cancelAll()
                return stopped
            }
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
                if let saved = fetched.state {
                    if fetched.savesAtOnce {
                        do throws(RunError) {
                            try await state?.saveFetchState(saved)
                        } catch {
                            session.logger.warning(
                                "the fetch state of an unchanged page could not be saved; the next run compares its body again",
                                metadata: ["url": "\(url)", "error.message": "\(error.message)"])
                        }
                    } else {
                        ledger?.expect(saved)
                    }
                }
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
                lines = LineSource(path: list, escapesPercent: false)
            }
        }
    }
}
