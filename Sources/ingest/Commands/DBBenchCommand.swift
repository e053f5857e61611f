import ArgumentParser
import Foundation
import IngestCore
import IngestFetch
import IngestPostgres
import IngestSinks
import Logging

/// `ingest db bench`: page records per second into SQLite and PostgreSQL, measured side by side.
///
/// The records are real: the pipeline's output for the given pages, repeated under new page ids up to
/// `--records`, and encoded before the clock starts, so the figures are the sinks' alone.
struct DBBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure page records/s into SQLite and PostgreSQL.",
        discussion: """
            Each target is a new, empty database: a SQLite file in a temporary folder, and for PostgreSQL a \
            database created through --postgres-url (its role needs CREATEDB) and dropped afterwards. Every \
            target is written twice: a first load, and a rerun of the same records that must change nothing.
            """)

    @Option(name: .long, help: "Pages to build the records from (repeatable).")
    var input: [String] = []

    @Option(name: .long, help: "Page records written per target.")
    var records: Int = 20_000

    @OptionGroup var postgres: PostgresOptions

    @Option(
        name: .long,
        help: "Measure only this target (repeatable): sqlite, postgres-unnest-wN (N = --postgres-writers, or 1), postgres-copy-wN, postgres-prepared-wN.")
    var target: [String] = []

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if input.isEmpty { throw ValidationError("give at least one --input") }
        if records < 1 { throw ValidationError("--records must be at least 1") }
        let known = targetNames
        if let unknown = target.first(where: { !known.contains($0) }) {
            throw ValidationError("this run has no target \(unknown); its targets are \(known.joined(separator: ", "))")
        }
    }

    /// What a run can measure: every load method over the configured writers, and the default one over one writer
    /// beside them for comparison.
    static func postgresVariants(writers: Int) -> [(method: PostgresLoadMethod, writers: Int)] {
        var variants = PostgresLoadMethod.allCases.map { (method: $0, writers: writers) }
        if writers > 1 { variants.insert((.unnest, 1), at: 1) }
        return variants
    }

    static func name(of variant: (method: PostgresLoadMethod, writers: Int)) -> String {
        "postgres-\(variant.method.rawValue)-w\(variant.writers)"
    }

    /// Every target this invocation can measure: SQLite, and PostgreSQL's variants when a URL is given.
    var targetNames: [String] {
        ["sqlite"] + (postgres.url == nil ? [] : Self.postgresVariants(writers: postgres.postgresWriters).map(Self.name(of:)))
    }

    struct Figure: Encodable {
        var target: String
        var records: Int
        var firstSeconds: Double
        var firstRecordsPerSecond: Double
        /// This process's CPU time (user and system) during the first load: the client's share of the work.
        var firstClientCPUSeconds: Double
        var rerunSeconds: Double
        var rerunRecordsPerSecond: Double
        var rerunClientCPUSeconds: Double
    }

    func run() async throws {
        let logger = Logger(label: "ingest.db.bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let corpus: [EncodedRecord]
        do {
            corpus = try await Self.corpus(input: input, count: records, logger: logger)
        } catch let error as RunError {
            Diagnostics.error(error.message)
            throw ExitCode(error.exitStatus.rawValue)
        }
        let bytes = corpus.reduce(0) { $0 + $1.json.count }
        Diagnostics.write(String(format: "%d page records, %.1f MB of record JSON", corpus.count, Double(bytes) / 1e6))
        var figures: [Figure] = []
        do {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-db-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("bench.sqlite").path
            if measures("sqlite") {
                figures.append(
                    try await Self.measure("sqlite", corpus) { runID in try SQLiteSink(path: path, runID: runID, pipeline: "bench") })
            }
            if let configuration = try postgres.sinkConfiguration() {
                for variant in Self.postgresVariants(writers: configuration.writers) where measures(Self.name(of: variant)) {
                    let scratch = try await PostgresBenchDatabase.create(admin: configuration.url, logger: logger)
                    var target = configuration
                    target.url = scratch
                    target.loadMethod = variant.method
                    target.writers = variant.writers
                    let figure = try await Self.measure(Self.name(of: variant), corpus) { runID in
                        try await PostgresSink(configuration: target, runID: runID, pipeline: "bench", logger: logger)
                    }
                    figures.append(figure)
                    try await PostgresBenchDatabase.drop(scratch, admin: configuration.url, logger: logger)
                }
            }
        } catch let error as RunError {
            Diagnostics.error(error.message)
            throw ExitCode(error.exitStatus.rawValue)
        }
        if json {
            print(String(decoding: try RecordJSON.encode(figures), as: UTF8.self))
            return
        }
        // Padded here: Foundation on Linux ignores a width given to `%@`.
        let nameWidth = figures.map(\.target.count).max() ?? 0
        func padded(_ name: String) -> String { name + String(repeating: " ", count: max(0, nameWidth - name.count)) }
        print(padded("target") + "   records   first s   records/s  client cpu s   rerun s   records/s  client cpu s")
        for figure in figures {
            print(
                padded(figure.target)
                    + String(
                        format: " %9d %9.2f %11.0f %13.2f %9.2f %11.0f %13.2f", figure.records, figure.firstSeconds,
                        figure.firstRecordsPerSecond, figure.firstClientCPUSeconds, figure.rerunSeconds,
                        figure.rerunRecordsPerSecond, figure.rerunClientCPUSeconds))
        }
    }

    /// Whether `name` is to be measured: every target when none was named (``validate()`` checked the names).
    func measures(_ name: String) -> Bool {
        target.isEmpty || target.contains(name)
    }

    /// Writes the corpus through a new sink twice (load, then an unchanged rerun), timing each from the
    /// first write to the end of `finish`.
    static func measure(
        _ target: String, _ corpus: [EncodedRecord], sink makeSink: (String) async throws -> any RecordSink
    ) async throws -> Figure {
        var seconds: [Double] = []
        var cpu: [Double] = []
        for pass in 0..<2 {
            let runID = "r_bench_\(pass)"
            let sink = try await makeSink(runID)
            let clock = ContinuousClock()
            let cpuStarted = processCPUSeconds()
            let started = clock.now
            for record in corpus { try await sink.write(record) }
            var summary = RunSummary(runID: runID, pipeline: "bench", stageNames: [])
            summary.inputs = corpus.count
            summary.records = corpus.count
            try await sink.finish(summary: summary)
            let elapsed = clock.now - started
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            cpu.append(processCPUSeconds() - cpuStarted)
        }
        return Figure(
            target: target, records: corpus.count, firstSeconds: seconds[0], firstRecordsPerSecond: Double(corpus.count) / seconds[0],
            firstClientCPUSeconds: cpu[0], rerunSeconds: seconds[1], rerunRecordsPerSecond: Double(corpus.count) / seconds[1],
            rerunClientCPUSeconds: cpu[1])
    }

    /// User and system CPU time of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The default pipeline's records for `input`, repeated under new page ids up to `count`.
    static func corpus(input: [String], count: Int, logger: Logger) async throws -> [EncodedRecord] {
        let definition = try PipelineLoader.load(nil)
        let runner = PipelineRunner(
            pipeline: definition.makePipeline(registry: StageCatalog.registry),
            options: RunOptions(concurrency: RunOptions.defaultConcurrency, maxFailureRatio: 1, runID: "bench"), logger: logger)
        let collector = RecordCollector()
        _ = try await runner.run(reader: try LocalFileReader(inputs: input.map(LocalInput.path)), sinks: [collector])
        let pages = await collector.records
        guard !pages.isEmpty else { throw RunError(.missingInput, "the inputs gave no page records to write") }
        return try (0..<count).map { index in
            var record = pages[index % pages.count].record
            record.pageID = PageID(canonicalSource: "bench/\(index)/\(record.source.url)")
            record.source.url = "https://bench.example/\(index)/" + record.source.url
            return try EncodedRecord(record: record)
        }
    }
}
