import ArgumentParser
import Foundation
import IngestCore
import IngestFetch
import IngestHTTP
import IngestPostgres
import IngestSinks
import Logging

/// `ingest run`: the main job.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over local pages, WARC files or pages fetched over HTTP into JSON Lines, SQLite and/or PostgreSQL.",
        discussion: """
            Without PIPELINE the built-in default (Pipelines/events.yaml) runs. Outputs named on the command \
            line replace the pipeline file's outputs. Exit status: 0 when dead letters stay within the \
            failure ratio, 65 above it; see the README for all codes.
            """)

    @Argument(help: "A pipeline file (YAML). Defaults to the built-in events pipeline.")
    var pipeline: String?

    @Option(
        name: .long,
        help: "A file or directory of pages or WARC files, or - for standard input (repeatable). Directories are read recursively.")
    var input: [String] = []

    @Option(name: .long, help: "A file listing one path per line, or - for standard input (repeatable).")
    var inputList: [String] = []

    @OptionGroup(title: "Fetching over HTTP") var fetch: FetchOptions

    @Option(name: .long, help: "Write page records as JSON Lines to FILE, or - for standard output.")
    var output: String?

    @Option(name: .long, help: "Upsert page records into the SQLite database FILE (created if missing).")
    var sqlite: String?

    @OptionGroup var postgres: PostgresOptions

    @Option(name: .long, help: "Write dead letters as JSON Lines to FILE.")
    var deadLetters: String?

    @Option(name: .long, help: "Write the run summary as JSON to FILE.")
    var stats: String?

    @Option(name: .long, help: "Documents in flight at once (default: the pipeline's, else one per core).")
    var concurrency: Int?

    @Option(
        name: .long,
        help: "Megabytes of input the documents in flight may hold between them; a larger page runs alone (default: 32).")
    var inFlightMB: Int?

    @Option(name: .long, help: "Exit 65 when more than this share of inputs become dead letters.")
    var maxFailureRatio: Double?

    @Option(name: .long, help: "File endings read from directories, comma-separated.")
    var extensions: String = LocalFileReader.defaultExtensions.sorted().joined(separator: ",")

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Process only shard K of N (K from 0 to N-1); pages are assigned by a hash of their id.",
            discussion: "Without it, SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX choose the shard.",
            valueName: "K/N"))
    var shard: String?

    @Option(name: .long, help: "The number of shards when the index comes from JOB_COMPLETION_INDEX (or set INGEST_SHARD_COUNT).")
    var shardCount: Int?

    @Option(
        name: .long,
        help: "The state database (SQLite) for the run lock, shard completions and fetch state (default: the --sqlite database, else the PostgreSQL one).")
    var state: String?

    @Flag(name: .long, help: "Run a shard even when the state database says it was completed over these inputs.")
    var noSkipCompleted = false

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    @Option(name: .long, help: "Progress line: auto (on a terminal), always, never.")
    var progress: ProgressMode = .auto

    enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    func validate() throws {
        if input.isEmpty && inputList.isEmpty && fetch.urls.isEmpty {
            throw ValidationError("give at least one --input, --input-list or --urls")
        }
        if !fetch.urls.isEmpty && !(input.isEmpty && inputList.isEmpty) {
            throw ValidationError("--urls cannot be combined with --input or --input-list; run them separately")
        }
        let readsOfStandardInput = (input + inputList + fetch.urls).filter { $0 == "-" }.count
        if readsOfStandardInput > 1 {
            throw ValidationError("standard input (-) can be read once, but it is named \(readsOfStandardInput) times")
        }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if let inFlightMB, inFlightMB < 1 { throw ValidationError("--in-flight-mb must be at least 1") }
        if let ratio = maxFailureRatio, !(0...1).contains(ratio) {
            throw ValidationError("--max-failure-ratio must be between 0 and 1")
        }
    }

    func run() async throws {
        let logger = LogSetup.bootstrap(level: logLevel)
        let definition = try PipelineLoader.load(pipeline)
        let runID = Self.makeRunID()
        let shardSpec: Shard?
        do throws(ShardError) {
            shardSpec = try ShardResolver(environment: ProcessInfo.processInfo.environment).resolve(flag: shard, count: shardCount)
        } catch {
            Diagnostics.error(error.message)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let options = RunOptions(
            concurrency: concurrency ?? definition.concurrency ?? RunOptions.defaultConcurrency,
            maxFailureRatio: maxFailureRatio ?? definition.maxFailureRatio, runID: runID, shard: shardSpec,
            inFlightBytes: inFlightMB.map { $0 << 20 } ?? RunOptions.defaultInFlightBytes)
        if let shardSpec { logger.notice("processing one shard", metadata: ["shard": "\(shardSpec)"]) }

        let outputs = resolveOutputs(definition.output)
        var sinks: [any RecordSink] = []
        var described: [String] = []
        var reader: LocalFileReader? = nil
        let fetching = !fetch.urls.isEmpty
        var runState: RunState? = nil
        // Whether a sink's database is the state database, so it writes fetched pages' state with them.
        var sinkKeepsFetchState = false
        do throws(RunError) {
            if fetching {
                for list in fetch.urls where list != "-" && !FileManager.default.fileExists(atPath: list) {
                    throw RunError(.missingInput, "URL list not found: \(list)")
                }
            } else {
                let inputs = input.map(LocalInput.path) + inputList.map(LocalInput.list)
                let endings = Set(extensions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
                reader = try LocalFileReader(inputs: inputs, extensions: endings, shard: shardSpec)
            }
            // The lock and the completion check come before any output is opened, so a run that must not
            // go ahead touches nothing. A URL list has no completion key: the same list fetched again
            // tomorrow is new work, made cheap by conditional requests.
            let postgresConfiguration = try postgres.sinkConfiguration()
            let stateLocation: RunState.Location? =
                if let path = state ?? outputs.sqlite {
                    .sqlite(path: path)
                } else if let postgresConfiguration {
                    .postgres(postgresConfiguration)
                } else {
                    nil
                }
            if let stateLocation {
                let inputKey = reader?.inputKey(salt: "\(IngestVersion.current)\u{0}\(definition.stages.map(\.name))")
                let opened = try await RunState.open(
                    stateLocation, pipeline: definition.name, shard: shardSpec, inputKey: inputKey, logger: logger)
                if !noSkipCompleted, let done = try await opened.completion() {
                    Diagnostics.write(
                        "\(shardSpec.map { "shard \($0) of pipeline" } ?? "pipeline") \(definition.name) over these inputs was completed by run \(done.runID) at \(done.completedAt); nothing to do (--no-skip-completed runs it again)"
                    )
                    return
                }
                runState = opened
            }
            if outputs.jsonl != nil || outputs.deadLetters != nil {
                let events = outputs.jsonl.flatMap(JSONLSink.eventsPath(besideRecords:))
                sinks.append(try JSONLSink(recordsPath: outputs.jsonl, deadLettersPath: outputs.deadLetters, eventsPath: events))
                if let path = outputs.jsonl { described.append("page records to \(path == "-" ? "standard output" : path)") }
                if let events { described.append("events to \(events)") }
                if let path = outputs.deadLetters { described.append("dead letters to \(path)") }
            }
            if let path = outputs.sqlite {
                // Fetch state belongs to the state database only; a separate --state file keeps it there.
                let keepsFetchState = state.map { Self.sameFile($0, path) } ?? true
                sinks.append(try SQLiteSink(path: path, runID: runID, pipeline: definition.name, keepsFetchState: keepsFetchState))
                sinkKeepsFetchState = sinkKeepsFetchState || keepsFetchState
                described.append("page records and dead letters to SQLite \(path)")
            }
            if var configuration = postgresConfiguration {
                if case .postgres = stateLocation {} else { configuration.keepsFetchState = false }
                sinkKeepsFetchState = sinkKeepsFetchState || configuration.keepsFetchState
                sinks.append(
                    try await PostgresSink(configuration: configuration, runID: runID, pipeline: definition.name, logger: logger))
                described.append("page records and dead letters to PostgreSQL \(configuration.url)")
            }
        } catch {
            Diagnostics.error(error.message)
            throw ExitCode(error.exitStatus.rawValue)
        }

        let interactive = progress == .always || (progress == .auto && Diagnostics.standardErrorIsTerminal)
        let progressLine = progress == .never ? nil : ProgressLine(interactive: interactive, logger: logger, expectedInputs: reader?.expectedInputCount())
        let stop = StopRequest()
        let trap = SignalTrap(stop: stop) { number in
            logger.notice("stopping: no more inputs are read; the documents in flight finish and the outputs are flushed", metadata: ["signal": "\(SignalTrap.name(number))"])
        }
        var pipeline = definition.makePipeline(registry: StageCatalog.registry)
        if inputList.isEmpty, var sampleReader = reader, !sampleReader.readsAStream {
            // Templates are learned from the whole input, not the shard, so every shard strips a page exactly as
            // an unsharded run would.
            sampleReader.shard = nil
            pipeline = await TemplatePrepass.prepare(pipeline, reader: sampleReader, shard: shardSpec, logger: logger, stop: stop)
        } else {
            let once = fetching ? "URL lists are fetched" : inputList.isEmpty ? "pipes and devices are read" : "path lists are read"
            logger.notice("template learning skipped: \(once) once, so there is no pre-pass")
        }
        let runner = PipelineRunner(pipeline: pipeline, options: options, logger: logger)
        let summary: RunSummary
        var report: (@Sendable (RunSummary) -> Void)? = nil
        if let progressLine {
            report = { @Sendable summary in progressLine.update(summary) }
        }
        // The session is made last, so no early exit leaves its client open; it is shut down on every path.
        var session: HTTPFetchSession? = nil
        do throws(RunError) {
            if let reader {
                summary = try await runner.run(reader: reader, sinks: sinks, progress: report, stop: stop)
            } else {
                let fetchSession = HTTPFetchSession(configuration: fetch.configuration(pipelineUserAgent: definition.userAgent), logger: logger)
                session = fetchSession
                // A page's fetch state goes with its record and is committed in the page's transaction by the
                // sink whose database is the state database. Only a state database no sink writes needs the
                // recorder, last, so state is saved after every other sink has finished with the records.
                let recorder = sinkKeepsFetchState ? nil : runState.map { FetchStateRecorder(ledger: FetchStateLedger(), store: $0.store) }
                let fetcher = try HTTPFetcher(
                    lists: fetch.urls, session: fetchSession, state: runState?.store, ledger: recorder?.ledger, shard: shardSpec, stop: stop)
                let fetchSinks = sinks + (recorder.map { [$0] } ?? [])
                summary = try await runner.run(reader: fetcher, sinks: fetchSinks, progress: report, stop: stop)
                await fetchSession.shutdown()
            }
        } catch {
            await session?.shutdown()
            progressLine?.finish()
            Diagnostics.error(error.message)
            throw ExitCode(error.exitStatus.rawValue)
        }
        progressLine?.finish()

        if let stats {
            do {
                try Data(RecordJSON.encode(summary)).write(to: URL(fileURLWithPath: stats))
                described.append("run summary to \(stats)")
            } catch {
                Diagnostics.error("cannot write \(stats): \(error)")
                throw ExitCode(ExitStatus.ioError.rawValue)
            }
        }
        for line in SummaryPrinter.lines(summary, outputs: described) { Diagnostics.write(line) }
        guard summary.addsUp else {
            Diagnostics.error("the run summary does not add up; this is a bug")
            throw ExitCode(ExitStatus.software.rawValue)
        }
        withExtendedLifetime(trap) {}
        if let signal = summary.stoppedBySignal {
            Diagnostics.error("stopped by \(SignalTrap.name(signal)) after flushing every input read; run again to finish")
            throw ExitCode(signal == SIGINT ? ExitStatus.interrupted.rawValue : ExitStatus.terminated.rawValue)
        }
        do throws(RunError) {
            try await runState?.markComplete(runID: runID)
        } catch {
            Diagnostics.error(error.message)
            throw ExitCode(error.exitStatus.rawValue)
        }
        if summary.failureRatio > options.maxFailureRatio {
            Diagnostics.error(
                String(
                    format: "%d of %d inputs (%.1f%%) became dead letters, over the allowed %.1f%%", summary.deadLetters,
                    summary.inputs, summary.failureRatio * 100, options.maxFailureRatio * 100))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }

    /// Command-line outputs replace the pipeline file's; dead letters always have somewhere to go.
    private func resolveOutputs(_ fromFile: OutputSettings) -> OutputSettings {
        let named = output != nil || sqlite != nil || postgres.url != nil
        var outputs = named ? OutputSettings(jsonl: output, deadLetters: nil) : fromFile
        if sqlite != nil { outputs.sqlite = sqlite }
        if let deadLetters { outputs.deadLetters = deadLetters }
        if outputs.deadLetters == nil, let jsonl = outputs.jsonl {
            if jsonl != "-", JSONLSink.isRegularFileOrMissing(jsonl) {
                let stem = jsonl.hasSuffix(".jsonl") ? String(jsonl.dropLast(6)) : jsonl
                outputs.deadLetters = stem + ".dead-letters.jsonl"
            } else if outputs.sqlite == nil && postgres.url == nil {
                outputs.deadLetters = "dead-letters.jsonl"
            }
        }
        return outputs
    }

    static func sameFile(_ first: String, _ second: String) -> Bool {
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return canonical(first) == canonical(second)
    }

    /// Sortable and unique enough for concurrent cron runs: UTC time plus random bits.
    static func makeRunID() -> String {
        let stamp = RFC3339.string(from: Date()).filter { $0.isNumber || $0 == "T" }
        return "r_\(stamp)_\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }
}
