import IngestCore

/// Keeps the records of a run in memory, for the sink benchmark's corpus: real records of real
/// pages, so row sizes are the ones a database actually receives.
actor RecordCollector: RecordSink {
    nonisolated let name = "memory"
    private(set) var records: [EncodedRecord] = []

    func write(_ record: EncodedRecord) {
        records.append(record)
    }

    func write(_ deadLetter: DeadLetter) {}

    func finish(summary: RunSummary) {}
}
