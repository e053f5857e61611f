/// Where records and dead letters go. The runner calls a sink from one task only, in order.
///
/// - Important: Writes must be idempotent by `page_id`, so re-running the same input never duplicates.
public protocol RecordSink: Sendable {
    /// A short name for logs and the summary, e.g. `sqlite`.
    var name: String { get }

    func write(_ record: EncodedRecord) async throws(RunError)
    func write(_ deadLetter: DeadLetter) async throws(RunError)
    /// Makes everything written so far durable; called at the end of the run.
    func finish(summary: RunSummary) async throws(RunError)
}
