import Foundation
import IngestTestSupport
import Testing

@Suite(.serialized) struct ShardCLITests {
    let pages = FixturePaths.pages.path

    func pageIDs(_ jsonl: String) -> [String] {
        jsonl.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["page_id"] as? String
        }
    }

    @Test("three shards give byte for byte the records of one unsharded run, each shard's summary adding up")
    func shardsCoverTheInput() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let whole = try await IngestProcess.run(["run", "--input", pages, "--output", "-", "--dead-letters", directory.appendingPathComponent("all.dl.jsonl").path])
        #expect(whole.status == 0, "\(whole.stderr)")
        let wholeIDs = pageIDs(whole.stdout)
        #expect(!wholeIDs.isEmpty)
        let total = FixturePaths.pageNames().count

        var shardIDs: [String] = []
        var shardLines: [Substring] = []
        var shardLetters = 0
        for index in 0..<3 {
            let letters = directory.appendingPathComponent("dl-\(index).jsonl")
            let result = try await IngestProcess.run([
                "run", "--input", pages, "--output", "-", "--dead-letters", letters.path, "--shard", "\(index)/3",
                "--max-failure-ratio", "1",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("shard \(index)/3"))
            let ids = pageIDs(result.stdout)
            let letterCount = try String(contentsOf: letters, encoding: .utf8).split(separator: "\n").count
            let skipped = total - ids.count - letterCount
            #expect(result.stderr.contains("inputs \(total) = records \(ids.count) + dead letters \(letterCount) + skipped \(skipped)"))
            #expect(skipped == 0 || result.stderr.contains("skipped (out of shard): \(skipped)"))
            shardIDs += ids
            shardLines += result.stdout.split(separator: "\n")
            shardLetters += letterCount
        }
        #expect(shardIDs.sorted() == wholeIDs.sorted())
        #expect(shardLines.sorted() == whole.stdout.split(separator: "\n").sorted())
        #expect(Set(shardIDs).count == shardIDs.count)
        #expect(shardLetters == 2)
    }

    @Test("the shard comes from Slurm or a Kubernetes Indexed Job when --shard is absent")
    func shardFromEnvironment() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let slurm = try await IngestProcess.run(
            ["run", "--input", pages, "--output", "-", "--max-failure-ratio", "1"], in: directory,
            environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "2"])
        #expect(slurm.status == 0, "\(slurm.stderr)")
        #expect(slurm.stderr.contains("shard 1/2"))
        let flagged = try await IngestProcess.run(
            ["run", "--input", pages, "--output", "-", "--shard", "1/2", "--max-failure-ratio", "1"], in: directory)
        #expect(pageIDs(slurm.stdout).sorted() == pageIDs(flagged.stdout).sorted())

        let kubernetes = try await IngestProcess.run(
            ["run", "--input", pages, "--output", "-", "--max-failure-ratio", "1"], in: directory,
            environment: ["JOB_COMPLETION_INDEX": "0", "INGEST_SHARD_COUNT": "4"])
        #expect(kubernetes.status == 0, "\(kubernetes.stderr)")
        #expect(kubernetes.stderr.contains("shard 0/4"))
    }

    @Test("a bad shard exits 64 with the reason, before reading anything", arguments: [["--shard", "3/3"], ["--shard", "x"], ["--shard-count", "4"]])
    func badShard(arguments: [String]) async throws {
        let result = try await IngestProcess.run(["run", "--input", pages, "--output", "-"] + arguments, in: try FixturePaths.temporaryDirectory())
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("shard"))
    }
}
