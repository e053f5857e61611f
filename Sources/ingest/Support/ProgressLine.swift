import Foundation
import IngestCore
import Logging
import Synchronization

/// Shows how a run is going: a redrawn line on a terminal (at most four times a second), or a notice
/// log line every 30 seconds or 10,000 inputs when standard error is a file or a pipe (cron).
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw = ContinuousClock.now
        var lastLoggedInputs = 0
        var drewLine = false
    }

    private let state = Mutex(State())
    private let interactive: Bool
    private let started = ContinuousClock.now
    private let logger: Logger

    /// Inputs the run will read, when known before it starts; it makes the line show an ETA.
    private let expectedInputs: Int?

    init(interactive: Bool, logger: Logger, expectedInputs: Int? = nil) {
        self.interactive = interactive
        self.logger = logger
        self.expectedInputs = expectedInputs
    }

    func update(_ summary: RunSummary) {
        let now = ContinuousClock.now
        state.withLock { state in
            if interactive {
                guard now - state.lastDraw >= .milliseconds(250) else { return }
                state.lastDraw = now
                state.drewLine = true
                Diagnostics.writeRaw("\r\u{1B}[K" + line(summary, now: now))
            } else if now - state.lastDraw >= .seconds(30) || summary.inputs - state.lastLoggedInputs >= 10_000 {
                state.lastDraw = now
                state.lastLoggedInputs = summary.inputs
                logger.notice("progress", metadata: ["progress": "\(line(summary, now: now))"])
            }
        }
    }

    /// Clears the redrawn line before the summary is printed.
    func finish() {
        state.withLock { state in
            if state.drewLine { Diagnostics.writeRaw("\r\u{1B}[K") }
        }
    }

    private func line(_ summary: RunSummary, now: ContinuousClock.Instant) -> String {
        let seconds = max(0.001, Double((now - started).nanoseconds) / 1e9)
        let rate = Double(summary.inputs) / seconds
        var counts = "inputs \(summary.inputs)"
        var eta = ""
        // The count comes from names; a file that turns out to hold WARC records yields more inputs than
        // that, and the share would then mean nothing.
        if let expected = expectedInputs, expected > 0, summary.inputs <= expected {
            counts += "/\(expected) (\(summary.inputs * 100 / expected)%)"
            if rate > 0, summary.inputs < expected { eta = " | ETA \(Self.duration(Double(expected - summary.inputs) / rate))" }
        }
        return "\(counts) | \(String(format: "%.0f", rate))/s\(eta) | records \(summary.records) "
            + "| dead letters \(summary.deadLetters) | skipped \(summary.skipped)"
    }

    /// `42s`, `3m05s`, `2h07m`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
    }
}
