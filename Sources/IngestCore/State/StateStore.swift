/// Where a pipeline keeps what it must remember between runs: which shards are done, what each URL
/// looked like when last fetched, and who is running right now.
///
/// The state lives in the same database as the records (SQLite by default, PostgreSQL when that is the
/// sink), so a completion is never recorded in one place for records committed to another. Each backend
/// implements this protocol over the `shard_completions` and `fetch_state` tables of the shared schema.
public protocol StateStore: Sendable {
    /// Takes the run lock for `scope` (the shard, or the whole input), so an overlapping cron run does not
    /// process the same pages twice. The lock ends with ``unlock()`` or with the process.
    ///
    /// - Throws: ``RunError`` with code `temporaryFailure` (exit 75) when another run holds it.
    func lock(scope: String) async throws(RunError)

    func unlock() async

    /// The completion recorded for this shard of these inputs, if a run finished it.
    func completion(of key: ShardCompletion.Key) async throws(RunError) -> ShardCompletion?

    /// Records that every input of the shard was committed to every sink.
    func recordCompletion(_ completion: ShardCompletion) async throws(RunError)

    /// What the URL looked like when last fetched.
    func fetchState(url: String) async throws(RunError) -> FetchState?

    /// Saves the fetch state of a URL whose fetch wrote no page (a 304 Not Modified, an unchanged body).
    /// A fetched page's state goes with the page instead (``Document/fetchState``): the sink that is
    /// also the state database commits both in one transaction.
    func saveFetchState(_ state: FetchState) async throws(RunError)
}
