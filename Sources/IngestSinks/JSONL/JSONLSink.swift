public import IngestCore

/// Writes page records, one JSON object a line with sorted keys, and dead letters to a file of their own.
public actor JSONLSink: RecordSink {
    public nonisolated let name = "jsonl"
    private let records: JSONLFile?
    private let deadLetters: JSONLFile?

    /// - Parameters:
    ///   - recordsPath: where page records go (`-` for standard output), or nil for none.
    ///   - deadLettersPath: where dead letters go, or nil for none.
    public init(recordsPath: String?, deadLettersPath: String?) throws(RunError) {
        records = try recordsPath.map { path throws(RunError) in try JSONLFile(path: path) }
        deadLetters = try deadLettersPath.map { path throws(RunError) in try JSONLFile(path: path) }
    }

    /// Whether a path names a regular file or nothing yet (not a device, FIFO or symlink), i.e. a place
    /// where a companion file such as `X.dead-letters.jsonl` belongs.
    public nonisolated static func isRegularFileOrMissing(_ path: String) -> Bool {
        JSONLFile.isReplaceable(path)
    }

    public func write(_ record: EncodedRecord) throws(RunError) {
        try records?.append(record.json)
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
    }
}
