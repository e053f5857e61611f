import IngestCore
import Synchronization

/// Stages with scripted behaviour, for runner and definition tests.
public enum TestStages {
    /// Sets the text to the raw bytes; fails on raw "fail", skips on raw "skip".
    public struct Scripted: Stage {
        public static let name = "scripted"
        public init() {}

        public func process(_ document: inout Document, context: StageContext) throws(StageError) -> StageDecision {
            let raw = String(decoding: document.raw, as: UTF8.self)
            switch raw {
            case "fail": throw StageError(.parseFailed, "scripted failure")
            case "skip": return .skip(reason: "scripted skip")
            default:
                document.text = raw
                return .keep
            }
        }
    }

    /// Counts how many documents, and how many of their raw bytes, are inside it at once, to check the
    /// runner's window and byte budget.
    public final class ConcurrencyProbe: Stage {
        public static let name = "probe"
        private let state = Mutex((current: 0, peak: 0, bytes: 0, peakBytes: 0))

        /// How long each document stays inside: long enough for documents started together to overlap.
        private let pause: Duration

        public init(pause: Duration = .milliseconds(5)) {
            self.pause = pause
        }

        public var peak: Int { state.withLock { $0.peak } }
        public var peakBytes: Int { state.withLock { $0.peakBytes } }

        public func process(_ document: inout Document, context: StageContext) async throws(StageError) -> StageDecision {
            let size = document.raw.count
            state.withLock { state in
                state.current += 1
                state.peak = max(state.peak, state.current)
                state.bytes += size
                state.peakBytes = max(state.peakBytes, state.bytes)
            }
            try? await Task.sleep(for: pause)
            state.withLock { state in
                state.current -= 1
                state.bytes -= size
            }
            return .keep
        }
    }

    public static let scriptedDescriptor = StageDescriptor(
        name: Scripted.name, summary: "test stage",
        options: [
            StageOptionSpec(name: "limit", summary: "", kind: .integer(1...100), defaultValue: .integer(10)),
            StageOptionSpec(name: "ratio", summary: "", kind: .number(0...1), defaultValue: .number(0.5)),
            StageOptionSpec(name: "strict", summary: "", kind: .boolean, defaultValue: .boolean(false)),
            StageOptionSpec(name: "mode", summary: "", kind: .string(allowed: ["fast", "slow"]), defaultValue: .string("fast")),
        ],
        make: { _ in Scripted() })

    public static let registry = StageRegistry([scriptedDescriptor])

    /// Documents whose raw bytes are the given strings, ids from their index.
    public static func documents(_ raws: [String]) -> [Document] {
        raws.enumerated().map { index, raw in
            Document(
                id: PageID(canonicalSource: "doc-\(index)"),
                source: SourceRef(url: "test:\(index)", bytes: raw.utf8.count, sha256: SHA256Hex.digest(raw.utf8)),
                raw: Array(raw.utf8))
        }
    }
}

/// A reader over documents in memory.
public struct ArrayReader: DocumentReader {
    public var items: [InputItem]

    public init(_ items: [InputItem]) {
        self.items = items
    }

    public init(documents: [Document]) {
        self.items = documents.map(InputItem.document)
    }

    public func makeAsyncIterator() -> Iterator { Iterator(items: items) }

    public struct Iterator: AsyncIteratorProtocol {
        var items: [InputItem]
        var index = 0

        public mutating func next() async -> InputItem? {
            guard index < items.count else { return nil }
            defer { index += 1 }
            return items[index]
        }
    }
}
