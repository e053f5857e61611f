import ArgumentParser
import Foundation
import IngestCore
import IngestFetch
import Logging

/// `ingest bench`: throughput per stage and peak memory on a corpus, so every change can be compared.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure pages/s and MB/s per stage, and peak memory, over a corpus.",
        discussion: """
            Runs the pipeline's stages over the inputs without writing records, --repeat times, and reports the \
            fastest pass. MB/s is input bytes over time spent in the stage; wall figures include reading the \
            files. Peak RSS is the process's maximum resident set size.
            """)

    @Argument(help: "A pipeline file (YAML). Defaults to the built-in events pipeline.")
    var pipeline: String?

    @Option(name: .long, help: "A file or directory of pages (repeatable).")
    var input: [String] = []

    @Option(name: .customLong("repeat"), help: "Passes over the corpus; the fastest is reported.")
    var passes: Int = 3

    @Option(name: .long, help: "Documents in flight (default 1: single-core figures).")
    var concurrency: Int = 1

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if input.isEmpty { throw ValidationError("give at least one --input") }
        if input.contains("-") { throw ValidationError("bench reads its corpus once per pass, and standard input (-) only once: give files") }
        if passes < 1 || concurrency < 1 { throw ValidationError("--repeat and --concurrency must be at least 1") }
    }

    struct Report: Encodable {
        struct StageFigures: Encodable {
            var stage: String
            var pages: Int
            var seconds: Double
            var pagesPerSecond: Double
            var megabytesPerSecond: Double
        }

        var inputs: Int
        var bytes: Int
        var wallSeconds: Double
        var wallPagesPerSecond: Double
        var wallMegabytesPerSecond: Double
        var peakRSSMegabytes: Double
        var stages: [StageFigures]
    }

    func run() async throws {
        let definition = try PipelineLoader.load(pipeline)
        let logger = Logger(label: "ingest.bench", factory: { _ in SwiftLogNoOpLogHandler() })
        var best: RunSummary? = nil
        for _ in 0..<passes {
            // Each pass gets new stages, as each run does: what a stage keeps from page to page (the language
            // stage's word caches) would otherwise make the later passes read pages it has already seen.
            let runner = PipelineRunner(
                pipeline: definition.makePipeline(registry: StageCatalog.registry),
                options: RunOptions(concurrency: concurrency, maxFailureRatio: 1, runID: "bench"), logger: logger)
            let reader: LocalFileReader
            let summary: RunSummary
            do throws(RunError) {
                reader = try LocalFileReader(inputs: input.map(LocalInput.path))
                summary = try await runner.run(reader: reader, sinks: [])
            } catch {
                Diagnostics.error(error.message)
                throw ExitCode(error.exitStatus.rawValue)
            }
            if best.map({ summary.wallNanoseconds < $0.wallNanoseconds }) ?? true { best = summary }
        }
        guard let best else { return }
        let report = Self.report(best)
        if json {
            print(String(decoding: try RecordJSON.encode(report), as: UTF8.self))
        } else {
            print(
                String(
                    format: "%d pages, %.1f MB: %.1f pages/s, %.1f MB/s wall; peak RSS %.1f MB", report.inputs,
                    Double(report.bytes) / 1e6, report.wallPagesPerSecond, report.wallMegabytesPerSecond, report.peakRSSMegabytes))
            for stage in report.stages {
                print(
                    String(
                        format: "  %@: %d pages in %.3f s, %.1f pages/s, %.1f MB/s", stage.stage, stage.pages, stage.seconds,
                        stage.pagesPerSecond, stage.megabytesPerSecond))
            }
        }
    }

    static func report(_ summary: RunSummary) -> Report {
        let megabytes = Double(summary.bytes) / 1e6
        let wall = max(1e-9, Double(summary.wallNanoseconds) / 1e9)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Report(
            inputs: summary.inputs, bytes: summary.bytes, wallSeconds: wall, wallPagesPerSecond: Double(summary.inputs) / wall,
            wallMegabytesPerSecond: megabytes / wall, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024,
            stages: summary.stages.map { stage in
                let seconds = max(1e-9, Double(stage.nanoseconds) / 1e9)
                return Report.StageFigures(
                    stage: stage.stage, pages: stage.input, seconds: seconds, pagesPerSecond: Double(stage.input) / seconds,
                    megabytesPerSecond: megabytes / seconds)
            })
    }
}
