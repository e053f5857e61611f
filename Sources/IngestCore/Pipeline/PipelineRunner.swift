public import Logging

/// Runs documents from a reader through a pipeline's stages into sinks, with a bounded number in flight.
///
/// One task group; each child takes one document through every stage and returns an ``Outcome``. The
/// parent loop is the only writer: it counts, writes to the sinks and only then pulls the next input, so
/// a slow sink slows reading instead of filling a buffer. Every input ends as exactly one of: a record,
/// a dead letter, or a counted skip.
public struct PipelineRunner: Sendable {
    public var pipeline: Pipeline
    public var options: RunOptions
    public var logger: Logger

    public init(pipeline: Pipeline, options: RunOptions, logger: Logger) {
        self.pipeline = pipeline
        self.options = options
        self.logger = logger
    }

    /// Reads every input and returns the summary once all sinks have finished.
    ///
    /// - Parameters:
    ///   - progress: called on the writing task after each input is settled; it must be cheap.
    ///   - stop: when requested, no further input is read; documents in flight finish and the sinks are
    ///     finished as at the end of the input.
    /// - Throws: ``RunError`` when a sink fails. Documents never make a run throw.
    public func run(
        reader: some DocumentReader,
        sinks: [any RecordSink],
        progress: (@Sendable (RunSummary) -> Void)? = nil,
        stop: StopRequest? = nil
    ) async throws(RunError) -> RunSummary {
        let clock = ContinuousClock()
        let started = clock.now
        var summary = RunSummary(runID: options.runID, pipeline: pipeline.name, stageNames: pipeline.stages.map(\.name))
        let shard = options.shard
        summary.shard = shard?.description
        let stages = pipeline.stages
        let info = pipeline.info
        let runID = options.runID
        let baseLogger = logger
        let window = options.concurrency
        let byteBudget = options.inFlightBytes
        // One entry per distinct input, so an input listed twice is counted once as a skip, not processed twice.
        var seen = SeenPageIDs()
        var scratchFailureLogged = false
        var exhausted = false

        do {
            try await withThrowingTaskGroup(of: (outcome: Outcome, bytes: Int).self) { group in
                var iterator = reader.makeAsyncIterator()
                var inFlight = 0
                var bytesInFlight = 0
                // A document read whose bytes would take the documents in flight past the budget: it starts when
                // enough of them have finished, or alone. It was counted as an input, so it is always processed.
                var held: Document?
                func admit(_ document: Document) {
                    var documentLogger = baseLogger
                    documentLogger[metadataKey: "doc.id"] = "\(document.id)"
                    let context = StageContext(runID: runID, logger: documentLogger)
                    let bytes = document.raw.count
                    group.addTask {
                        (await Self.process(document, stages: stages, context: context, info: info), bytes)
                    }
                    inFlight += 1
                    bytesInFlight += bytes
                }
                // Whether the document may start now: it fits the budget, or nothing else is in flight.
                func fits(_ document: Document) -> Bool {
                    inFlight == 0 || bytesInFlight + document.raw.count <= byteBudget
                }
                while true {
                    if let waiting = held, fits(waiting) {
                        held = nil
                        admit(waiting)
                    }
                    while held == nil, !exhausted, inFlight < window, !Task.isCancelled, stop?.isRequested != true {
                        guard let item = await iterator.next(isolation: nil) else {
                            exhausted = true
                            break
                        }
                        summary.inputs += 1
                        if let shard, !shard.contains(item.id) {
                            summary.skipped += 1
                            summary.outOfShard += 1
                            summary.skipReasons[RunSummary.outOfShardReason, default: 0] += 1
                            progress?(summary)
                            continue
                        }
                        switch item {
                        case .failed(let id, let source, let code, let message):
                            let letter = DeadLetter(
                                runID: runID, pageID: id, source: source, stage: "input", code: code.rawValue,
                                message: message)
                            try await record(.failed(letter, trail: []), into: &summary, sinks: sinks)
                        case .skipped(_, _, let reason):
                            summary.skipped += 1
                            summary.skipReasons[reason, default: 0] += 1
                        case .document(let document):
                            summary.bytes += document.raw.count
                            let isNew = seen.insert(document.id)
                            if let failure = seen.scratchFailure, !scratchFailureLogged {
                                scratchFailureLogged = true
                                baseLogger.warning(
                                    "page ids seen stay in memory: \(failure)", metadata: ["seen.count": "\(seen.count)"])
                            }
                            guard isNew else {
                                summary.skipped += 1
                                summary.skipReasons["duplicate input", default: 0] += 1
                                continue
                            }
                            if fits(document) {
                                admit(document)
                            } else {
                                held = document
                            }
                        }
                        progress?(summary)
                    }
                    guard let (outcome, bytes) = try await group.next() else { break }
                    inFlight -= 1
                    bytesInFlight -= bytes
                    try await record(outcome, into: &summary, sinks: sinks)
                    progress?(summary)
                }
            }
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError(.internal, "run failed: \(error)")
        }

        // A stop that came after the last input was read changed nothing: the run is complete.
        summary.stoppedBySignal = exhausted ? nil : stop?.signalNumber
        summary.wallNanoseconds = UInt64((clock.now - started).nanoseconds)
        for sink in sinks {
            try await sink.finish(summary: summary)
        }
        return summary
    }

    private func record(_ outcome: Outcome, into summary: inout RunSummary, sinks: [any RecordSink]) async throws(RunError) {
        for entry in outcome.trail {
            if let index = summary.stages.firstIndex(where: { $0.stage == entry.stage }) {
                summary.stages[index].count(entry)
            }
        }
        switch outcome {
        case .record(let record, _):
            summary.records += 1
            for sink in sinks { try await sink.write(record) }
        case .failed(let letter, _):
            summary.deadLetters += 1
            summary.failureReasons["\(letter.stage)/\(letter.code)", default: 0] += 1
            logger.info(
                "dead letter",
                metadata: [
                    "doc.id": "\(letter.pageID)", "doc.source": "\(letter.source.url)", "stage": "\(letter.stage)",
                    "error.code": "\(letter.code)", "error.message": "\(letter.message)",
                ])
            for sink in sinks { try await sink.write(letter) }
        case .skipped(let stage, let reason, _):
            summary.skipped += 1
            summary.skipReasons["\(stage): \(reason)", default: 0] += 1
        }
    }

    /// Takes one document through every stage. Runs in a child task; never throws.
    static func process(_ input: Document, stages: [any Stage], context: StageContext, info: PipelineInfo) async
        -> Outcome
    {
        var document = input
        let clock = ContinuousClock()
        for stage in stages {
            let started = clock.now
            do {
                let decision = try await stage.process(&document, context: context)
                let elapsed = UInt64((clock.now - started).nanoseconds)
                switch decision {
                case .keep:
                    document.trail.append(TrailEntry(stage: stage.name, result: .passed, nanoseconds: elapsed))
                case .skip(let reason):
                    document.trail.append(TrailEntry(stage: stage.name, result: .skipped, nanoseconds: elapsed))
                    return .skipped(stage: stage.name, reason: reason, trail: document.trail)
                }
            } catch {
                let elapsed = UInt64((clock.now - started).nanoseconds)
                document.trail.append(TrailEntry(stage: stage.name, result: .failed, nanoseconds: elapsed))
                let letter = DeadLetter(
                    runID: context.runID, pageID: document.id, source: document.source, stage: stage.name,
                    code: error.code.rawValue, message: error.message)
                return .failed(letter, trail: document.trail)
            }
        }
        do {
            return .record(
                try EncodedRecord(record: PageRecord(document: document, pipeline: info), fetchState: document.fetchState),
                trail: document.trail)
        } catch {
            let letter = DeadLetter(
                runID: context.runID, pageID: document.id, source: document.source, stage: "record",
                code: StageError.Code.internal.rawValue, message: "the record could not be encoded as JSON: \(error)")
            return .failed(letter, trail: document.trail)
        }
    }
}
