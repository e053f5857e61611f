public import IngestCore

/// Writes page records, one JSON object a line with sorted keys, dead letters to a file of their own, and
/// optionally the run's events, merged across pages by `event_id`, to a third.
public actor JSONLSink: RecordSink {
    public nonisolated let name = "jsonl"
    private let records: JSONLFile?
    private let deadLetters: JSONLFile?
    private let events: JSONLFile?
    /// One entry per distinct event of the run, not per page: events are written merged at the end.
    private var merged: [String: MergedEvent] = [:]

    /// - Parameters:
    ///   - recordsPath: where page records go (`-` for standard output), or nil for none.
    ///   - deadLettersPath: where dead letters go, or nil for none.
    ///   - eventsPath: where the run's events go, one per `event_id` with every page that reported it, or nil.
    public init(recordsPath: String?, deadLettersPath: String?, eventsPath: String? = nil) throws(RunError) {
        records = try recordsPath.map { path throws(RunError) in try JSONLFile(path: path) }
        deadLetters = try deadLettersPath.map { path throws(RunError) in try JSONLFile(path: path) }
        events = try eventsPath.map { path throws(RunError) in try JSONLFile(path: path) }
    }

    /// The events file that belongs beside a records file: `X.jsonl` → `X.events.jsonl`; nil for standard
    /// output and for paths that are not regular files.
    public nonisolated static func eventsPath(besideRecords path: String) -> String? {
        guard path != "-", isRegularFileOrMissing(path) else { return nil }
        return (path.hasSuffix(".jsonl") ? String(path.dropLast(6)) : path) + ".events.jsonl"
    }

    /// Whether a path names a regular file or nothing yet (not a device, FIFO or symlink), i.e. a place
    /// where a companion file such as `X.dead-letters.jsonl` belongs.
    public nonisolated static func isRegularFileOrMissing(_ path: String) -> Bool {
        JSONLFile.isReplaceable(path)
    }

    public func write(_ record: EncodedRecord) throws(RunError) {
        try records?.append(record.json)
        guard events != nil else { return }
        for event in record.record.events {
            if merged[event.eventID] == nil {
                merged[event.eventID] = MergedEvent(event)
            } else {
                merged[event.eventID]?.add(event)
            }
        }
    }

    public func write(_ deadLetter: DeadLetter) throws(RunError) {
        guard let deadLetters else { return }
        do {
            try deadLetters.append(RecordJSON.encode(deadLetter))
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError(.internal, "a dead letter could not be encoded: \(error)")
        }
    }

    public func finish(summary: RunSummary) throws(RunError) {
        try records?.close()
        try deadLetters?.close()
        if let events {
            for id in merged.keys.sorted() {
                guard let event = merged[id]?.record else { continue }
                do {
                    try events.append(RecordJSON.encode(event))
                } catch let error as RunError {
                    throw error
                } catch {
                    throw RunError(.internal, "an event could not be encoded: \(error)")
                }
            }
            try events.close()
        }
    }
}
