import IngestCore
import IngestTestSupport
import Logging
import Testing

@Suite struct ShardTests {
    static let ids = (0..<5_000).map { PageID(canonicalSource: "https://example.org/page/\($0)") }

    @Test("every page falls in exactly one shard", arguments: [1, 2, 3, 7, 16, 100])
    func partitionIsCompleteAndDisjoint(count: Int) throws {
        let shards = try (0..<count).map { index throws(ShardError) in try Shard(index: index, count: count) }
        var sizes = Array(repeating: 0, count: count)
        for id in Self.ids {
            let owners = shards.filter { $0.contains(id) }
            #expect(owners.count == 1, "\(id) is in \(owners.count) shards of \(count)")
            if let owner = owners.first {
                #expect(owner.index == Shard.bucket(of: id, count: count))
                sizes[owner.index] += 1
            }
        }
        #expect(sizes.reduce(0, +) == Self.ids.count)
        // A hash split is only useful if it is roughly even: no shard gets twice its share or less than half.
        let share = Double(Self.ids.count) / Double(count)
        if share >= 50 {
            #expect(sizes.allSatisfy { Double($0) > share / 2 && Double($0) < share * 2 }, "\(sizes)")
        }
    }

    @Test("assignment depends on the page id alone, not on order or run")
    func deterministic() throws {
        let shard = try Shard(parsing: "2/5")
        let forward = Self.ids.filter(shard.contains)
        let backward = Self.ids.reversed().filter(shard.contains).reversed()
        #expect(forward == Array(backward))
        // Pinned so a change of the hash rule, which would move every page to another shard, cannot pass unnoticed.
        #expect(Shard.bucket(of: PageID(rawValue: "p_000000000000000000000000"), count: 1_000_003) == pinnedBucket)
    }

    /// The first eight bytes of SHA-256("p_000000000000000000000000") as a big-endian integer, modulo 1,000,003,
    /// computed independently (Python hashlib).
    let pinnedBucket = 355_175

    @Test(
        "K/N is parsed and checked",
        arguments: [("0/1", 0, 1), ("3/4", 3, 4), (" 1 / 2 ", 1, 2)] as [(String, Int, Int)])
    func parsing(text: String, index: Int, count: Int) throws {
        let shard = try Shard(parsing: text)
        #expect((shard.index, shard.count) == (index, count))
        #expect(shard.description == "\(index)/\(count)")
    }

    @Test("malformed or out-of-range shards are refused with a message", arguments: ["4/4", "-1/4", "1/0", "1", "a/b", "1/2/3", ""])
    func parsingErrors(text: String) {
        #expect(throws: ShardError.self) { try Shard(parsing: text) }
    }

    @Test("--shard wins over the environment")
    func flagWins() throws {
        let resolver = ShardResolver(environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "8", "JOB_COMPLETION_INDEX": "1"])
        #expect(try resolver.resolve(flag: "1/2", count: nil) == Shard(index: 1, count: 2))
        #expect(throws: ShardError.self) { try resolver.resolve(flag: "1/2", count: 3) }
    }

    @Test("Slurm array tasks are numbered from the array's first index")
    func slurm() throws {
        let zeroBased = ShardResolver(environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "0"])
        #expect(try zeroBased.resolve(flag: nil, count: nil) == Shard(index: 3, count: 8))
        let oneBased = ShardResolver(environment: ["SLURM_ARRAY_TASK_ID": "8", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "1"])
        #expect(try oneBased.resolve(flag: nil, count: nil) == Shard(index: 7, count: 8))
        let noCount = ShardResolver(environment: ["SLURM_ARRAY_TASK_ID": "2"])
        #expect(try noCount.resolve(flag: nil, count: 4) == Shard(index: 2, count: 4))
        #expect(throws: ShardError.self) { try noCount.resolve(flag: nil, count: nil) }
        let stepped = ShardResolver(environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "5", "SLURM_ARRAY_TASK_STEP": "2"])
        #expect(throws: ShardError.self) { try stepped.resolve(flag: nil, count: nil) }
        let garbage = ShardResolver(environment: ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "5"])
        #expect(throws: ShardError.self) { try garbage.resolve(flag: nil, count: nil) }
    }

    @Test("Kubernetes Indexed Jobs give the index; the count comes from --shard-count or INGEST_SHARD_COUNT")
    func kubernetes() throws {
        let fromVariable = ShardResolver(environment: ["JOB_COMPLETION_INDEX": "4", "INGEST_SHARD_COUNT": "10"])
        #expect(try fromVariable.resolve(flag: nil, count: nil) == Shard(index: 4, count: 10))
        let fromFlag = ShardResolver(environment: ["JOB_COMPLETION_INDEX": "4"])
        #expect(try fromFlag.resolve(flag: nil, count: 5) == Shard(index: 4, count: 5))
        #expect(throws: ShardError.self) { try fromFlag.resolve(flag: nil, count: nil) }
        #expect(throws: ShardError.self) { try fromFlag.resolve(flag: nil, count: 4) }
    }

    @Test("no flag and no scheduler means the whole input; a lone --shard-count is a mistake")
    func unsharded() throws {
        #expect(try ShardResolver(environment: [:]).resolve(flag: nil, count: nil) == nil)
        #expect(throws: ShardError.self) { try ShardResolver(environment: [:]).resolve(flag: nil, count: 3) }
    }

    @Test("runs over every shard together give exactly the unsharded run's records, each summary adding up", arguments: [2, 3])
    func runnerPartition(count: Int) async throws {
        let raws = (0..<60).map { $0 % 10 == 9 ? "fail" : "page \($0)" }
        let documents = TestStages.documents(raws)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        func run(_ shard: Shard?) async throws -> (RunSummary, [String], [PageID]) {
            let sink = InMemorySink()
            let runner = PipelineRunner(
                pipeline: Pipeline(name: "test", stages: [TestStages.Scripted()]),
                options: RunOptions(concurrency: 3, runID: "r_test", shard: shard), logger: logger)
            let summary = try await runner.run(reader: ArrayReader(documents: documents), sinks: [sink])
            return (summary, await sink.records.compactMap(\.record.text), await sink.deadLetters.map(\.pageID))
        }
        let (whole, wholeTexts, wholeLetters) = try await run(nil)
        var texts: [String] = []
        var letters: [PageID] = []
        var deadLetters = 0
        for index in 0..<count {
            let (summary, shardTexts, shardLetters) = try await run(try Shard(index: index, count: count))
            #expect(summary.addsUp)
            #expect(summary.inputs == documents.count)
            #expect(summary.shard == "\(index)/\(count)")
            #expect(summary.outOfShard == documents.count - shardTexts.count - shardLetters.count)
            #expect(summary.skipReasons[RunSummary.outOfShardReason] == summary.outOfShard)
            let owned = Double(summary.inputs - summary.outOfShard)
            #expect(summary.failureRatio == Double(summary.deadLetters) / owned)
            texts += shardTexts
            letters += shardLetters
            deadLetters += summary.deadLetters
        }
        #expect(texts.sorted() == wholeTexts.sorted())
        #expect(letters.sorted() == wholeLetters.sorted())
        #expect(deadLetters == whole.deadLetters)
    }

    @Test("a reader's own skips are counted under their reason")
    func readerSkips() async throws {
        let documents = TestStages.documents(["a", "b"])
        let items: [InputItem] = [
            .document(documents[0]), .skipped(id: PageID(canonicalSource: "req"), source: SourceRef(url: "http://x/"), reason: "warc request record"),
            .document(documents[1]),
        ]
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "test", stages: [TestStages.Scripted()]), options: RunOptions(concurrency: 2, runID: "r_test"),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let summary = try await runner.run(reader: ArrayReader(items), sinks: [])
        #expect(summary.addsUp)
        #expect((summary.inputs, summary.records, summary.skipped) == (3, 2, 1))
        #expect(summary.skipReasons == ["warc request record": 1])
    }
}
