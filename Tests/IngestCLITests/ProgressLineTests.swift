import InMemoryLogging
import IngestCore
@testable import ingest
import Logging
import Testing

@Suite struct ProgressLineTests {
    @Test("ETA durations read as seconds, minutes or hours", arguments: [(4.4, "4s"), (59.6, "1m00s"), (185, "3m05s"), (7_620, "2h07m")] as [(Double, String)])
    func durations(seconds: Double, text: String) {
        #expect(ProgressLine.duration(seconds) == text)
    }

    @Test("without a terminal, progress is logged at notice, which the default log level shows")
    func loggedAtNotice() {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test", factory: { _ in handler })
        logger.logLevel = .notice  // `ingest run`'s default --log-level
        let progress = ProgressLine(interactive: false, logger: logger)
        var summary = RunSummary(runID: "r", pipeline: "p", stageNames: [])
        summary.inputs = 9_999
        progress.update(summary)
        #expect(handler.entries.isEmpty)
        summary.inputs = 10_000
        progress.update(summary)
        #expect(handler.entries.map(\.level) == [.notice])
        #expect(handler.entries.first?.metadata["progress"]?.description.hasPrefix("inputs 10000") == true)
    }

    /// The count comes from names: a file that turns out to hold WARC records yields more inputs.
    @Test("the share and ETA show while inputs are within the count expected, and drop out past it")
    func pastTheExpectedCount() {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test", factory: { _ in handler })
        logger.logLevel = .notice
        let progress = ProgressLine(interactive: false, logger: logger, expectedInputs: 20_000)
        var summary = RunSummary(runID: "r", pipeline: "p", stageNames: [])
        summary.inputs = 10_000
        progress.update(summary)
        summary.inputs = 20_001
        progress.update(summary)
        let lines = handler.entries.compactMap { $0.metadata["progress"]?.description }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("inputs 10000/20000 (50%)") == true)
        #expect(lines.last?.hasPrefix("inputs 20001 |") == true)
    }
}
