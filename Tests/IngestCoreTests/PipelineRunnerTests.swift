import IngestCore
import IngestTestSupport
import Logging
import Testing

@Suite struct PipelineRunnerTests {
    func runner(_ stages: [any Stage], concurrency: Int = 4) -> PipelineRunner {
        PipelineRunner(
            pipeline: Pipeline(name: "test", stages: stages),
            options: RunOptions(concurrency: concurrency, runID: "r_test"), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test("every input ends as a record, a dead letter or a counted skip, and the summary adds up")
    func summaryAddsUp() async throws {
        var items = TestStages.documents(["a", "fail", "b", "skip", "c"]).map(InputItem.document)
        items.append(.failed(id: PageID(canonicalSource: "gone"), source: SourceRef(url: "file:gone"), code: .unreadable, message: "no such file"))
        items.append(items[0])
        let sink = InMemorySink()
        let summary = try await runner([TestStages.Scripted()]).run(reader: ArrayReader(items), sinks: [sink])

        #expect(summary.inputs == 7)
        #expect(summary.records == 3)
        #expect(summary.deadLetters == 2)
        #expect(summary.skipped == 2)
        #expect(summary.addsUp)
        #expect(summary.skipReasons == ["duplicate input": 1, "scripted: scripted skip": 1])
        #expect(summary.failureReasons == ["scripted/parse-failed": 1, "input/unreadable": 1])
        let stage = try #require(summary.stages.first)
        #expect((stage.input, stage.output, stage.dropped, stage.failed) == (5, 3, 1, 1))

        let records = await sink.records
        #expect(records.map(\.record.text).sorted() == ["a", "b", "c"])
        let letters = await sink.deadLetters
        let failed = try #require(letters.first { $0.stage == "scripted" })
        #expect(failed.code == "parse-failed")
        #expect(failed.message == "scripted failure")
        #expect(failed.runID == "r_test")
        #expect(letters.contains { $0.stage == "input" && $0.code == "unreadable" })
        #expect(await sink.finishedSummary == summary)
    }

    @Test("no more documents are in flight than the window allows", arguments: [1, 3])
    func boundedWindow(concurrency: Int) async throws {
        let probe = TestStages.ConcurrencyProbe()
        let documents = TestStages.documents((0..<40).map { "doc \($0)" })
        let summary = try await runner([probe], concurrency: concurrency).run(reader: ArrayReader(documents: documents), sinks: [])
        #expect(summary.records == 40)
        #expect(probe.peak <= concurrency)
        #expect(probe.peak >= 1)
    }

    /// Ten pages of 1,000 bytes, one of 5,000 in the middle and another at the end, under a budget of 2,500
    /// bytes: two small pages at a time at most, and each large one alone, also the last input read.
    @Test("documents in flight hold no more input bytes than the budget, and a larger one runs alone")
    func byteBudget() async throws {
        let small = String(repeating: "s", count: 1_000)
        let large = String(repeating: "L", count: 5_000)
        let raws = Array(repeating: small, count: 5) + [large] + Array(repeating: small, count: 5) + [large]
        let documents = TestStages.documents(raws)
        for budget in [2_500, RunOptions.defaultInFlightBytes] {
            let probe = TestStages.ConcurrencyProbe(pause: .milliseconds(50))
            let runner = PipelineRunner(
                pipeline: Pipeline(name: "test", stages: [probe]),
                options: RunOptions(concurrency: 8, runID: "r_test", inFlightBytes: budget),
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            let summary = try await runner.run(reader: ArrayReader(documents: documents), sinks: [])
            #expect(summary.records == raws.count)
            #expect(summary.addsUp)
            if budget == 2_500 {
                #expect(probe.peakBytes == 5_000)
                #expect(probe.peak <= 2)
            } else {
                #expect(probe.peak > 2)
            }
        }
    }

    @Test("records carry the pipeline's name, version and stages")
    func pipelineInfo() async throws {
        let sink = InMemorySink()
        _ = try await runner([TestStages.Scripted()]).run(reader: ArrayReader(documents: TestStages.documents(["x"])), sinks: [sink])
        let record = try #require(await sink.records.first?.record)
        #expect(record.pipeline == PipelineInfo(name: "test", version: IngestVersion.current, stages: ["scripted"]))
        #expect(record.schemaVersion == PageRecord.currentSchemaVersion)
    }

    @Test("a page id is a stable hash of the canonical source")
    func pageIDs() {
        #expect(PageID(canonicalSource: "a/b.html") == PageID(canonicalSource: "a/b.html"))
        #expect(PageID(canonicalSource: "a/b.html") != PageID(canonicalSource: "a/c.html"))
        #expect(PageID(canonicalSource: "").rawValue == "p_e3b0c44298fc1c149afbf4c8")
    }
}
