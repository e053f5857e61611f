import IngestCore

/// A sink that keeps everything, for runner tests.
public actor InMemorySink: RecordSink {
    public nonisolated let name = "memory"
    public private(set) var records: [EncodedRecord] = []
    public private(set) var deadLetters: [DeadLetter] = []
    public private(set) var finishedSummary: RunSummary?

    public init() {}

    public func write(_ record: EncodedRecord) { records.append(record) }
    public func write(_ deadLetter: DeadLetter) { deadLetters.append(deadLetter) }
    public func finish(summary: RunSummary) { finishedSummary = summary }
}
