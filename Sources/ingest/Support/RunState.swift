import Foundation
import IngestCore
import IngestPostgres
import IngestSinks
import Logging

/// The state database as one run uses it: the lock for its shard, and the completion record that lets
/// a rerun over the same inputs skip work already committed.
struct RunState {
    /// Where the state lives: a SQLite file (`--state`, else the `--sqlite` database), else the
    /// PostgreSQL database the records go to.
    enum Location {
        case sqlite(path: String)
        case postgres(PostgresSink.Configuration)
    }

    let store: any StateStore
    /// `nil` when the inputs cannot be identified (a path list on standard input): nothing is skipped
    /// and no completion is recorded.
    let key: ShardCompletion.Key?

    /// Opens the store and takes the lock; an overlapping run of the same shard fails with status 75.
    static func open(
        _ location: Location, pipeline: String, shard: Shard?, inputKey: String?, logger: Logger
    ) async throws(RunError) -> RunState {
        let store: any StateStore =
            switch location {
            case .sqlite(let path): try SQLiteStateStore(path: path)
            case .postgres(let configuration):
                try await PostgresStateStore(url: configuration.url, retry: configuration.retry, logger: logger)
            }
        try await store.lock(scope: shard.map { "shard-\($0.index)-of-\($0.count)" } ?? "")
        let key = inputKey.map { ShardCompletion.Key(pipeline: pipeline, inputKey: $0, shard: shard ?? .whole) }
        return RunState(store: store, key: key)
    }

    func completion() async throws(RunError) -> ShardCompletion? {
        guard let key else { return nil }
        return try await store.completion(of: key)
    }

    /// Called only after every sink has finished, so a recorded completion always means committed records.
    func markComplete(runID: String) async throws(RunError) {
        guard let key else { return }
        try await store.recordCompletion(ShardCompletion(key: key, runID: runID, completedAt: RFC3339.string(from: Date())))
    }
}
