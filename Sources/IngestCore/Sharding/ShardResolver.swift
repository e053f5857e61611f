import Foundation

/// Decides which shard a run processes, from the command line or from the scheduler that started it.
///
/// Array jobs start the same command many times and tell each copy which one it is only through the
/// environment, so the same cron line or job template works unchanged on one machine or on a hundred.
/// Precedence: `--shard K/N`, then Slurm job arrays, then Kubernetes Indexed Jobs, then the whole input.
public struct ShardResolver: Sendable {
    /// Where the shard count comes from for a Kubernetes Indexed Job, whose pods see their index but
    /// not the number of completions.
    public static let countVariable = "INGEST_SHARD_COUNT"

    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// - Parameters:
    ///   - flag: the `--shard K/N` value, when given.
    ///   - count: the `--shard-count N` value, when given: the count for an index read from the
    ///     environment.
    /// - Returns: the shard, or `nil` when nothing asks for sharding.
    public func resolve(flag: String?, count: Int?) throws(ShardError) -> Shard? {
        if let flag {
            let shard = try Shard(parsing: flag)
            if let count, count != shard.count {
                throw ShardError("--shard \(flag) and --shard-count \(count) disagree on the number of shards")
            }
            return shard
        }
        if let taskID = environment["SLURM_ARRAY_TASK_ID"] {
            return try slurm(taskID: taskID, count: count)
        }
        if let completion = environment["JOB_COMPLETION_INDEX"] {
            let index = try integer(completion, "JOB_COMPLETION_INDEX")
            let fromVariable = try optionalInteger(Self.countVariable)
            guard let total = count ?? fromVariable else {
                throw ShardError(
                    "JOB_COMPLETION_INDEX is set but the number of shards is not: pass --shard-count N or set \(Self.countVariable) to the job's completions"
                )
            }
            return try Shard(index: index, count: total)
        }
        if let count {
            throw ShardError("--shard-count \(count) needs --shard, SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX to say which shard")
        }
        return nil
    }

    /// Slurm numbers array tasks as the `--array` range says (often from 1), so the index is taken
    /// relative to `SLURM_ARRAY_TASK_MIN`; a stepped range such as `0-9:2` cannot map onto shards.
    private func slurm(taskID: String, count: Int?) throws(ShardError) -> Shard {
        let id = try integer(taskID, "SLURM_ARRAY_TASK_ID")
        let minimum = try optionalInteger("SLURM_ARRAY_TASK_MIN") ?? 0
        let taskCount = try optionalInteger("SLURM_ARRAY_TASK_COUNT")
        guard let total = count ?? taskCount else {
            throw ShardError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: pass --shard-count N")
        }
        if let step = environment["SLURM_ARRAY_TASK_STEP"], let value = Int(step), value != 1 {
            throw ShardError("the Slurm array has step \(value); shards need a contiguous range such as --array=0-\(total - 1)")
        }
        do {
            return try Shard(index: id - minimum, count: total)
        } catch {
            throw ShardError(
                "Slurm array task \(id) (range starting at \(minimum), \(total) tasks) is not a shard: \(error.message)")
        }
    }

    private func optionalInteger(_ name: String) throws(ShardError) -> Int? {
        guard let text = environment[name] else { return nil }
        return try integer(text, name)
    }

    private func integer(_ text: String, _ name: String) throws(ShardError) -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ShardError("\(name)='\(text)' is not a whole number")
        }
        return value
    }
}
