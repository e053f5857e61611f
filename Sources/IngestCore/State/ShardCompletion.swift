/// A shard of a pipeline's inputs that a run finished, as kept in `shard_completions`.
public struct ShardCompletion: Sendable, Equatable {
    /// Identifies the work: the same pipeline, over the same inputs, split the same way.
    public struct Key: Sendable, Hashable {
        public var pipeline: String
        /// A digest of the inputs as they were when the run started (see the reader's `inputKey`).
        public var inputKey: String
        public var shard: Shard

        public init(pipeline: String, inputKey: String, shard: Shard) {
            self.pipeline = pipeline
            self.inputKey = inputKey
            self.shard = shard
        }
    }

    public var key: Key
    public var runID: String
    /// RFC 3339, UTC.
    public var completedAt: String

    public init(key: Key, runID: String, completedAt: String) {
        self.key = key
        self.runID = runID
        self.completedAt = completedAt
    }
}
