import Foundation
import IngestCore
import Logging
import Synchronization

/// Shows how a run is going: a redrawn line on a terminal (at most four times a second), or an info
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

    init(interactive: Bool, logger: Logger) {
        self.interactive = interactive
        self.logger = logger
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
                logger.info("progress", metadata: ["progress": "\(line(summary, now: now))"])
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
        return "inputs \(summary.inputs) | \(String(format: "%.0f", rate))/s | records \(summary.records) "
            + "| dead letters \(summary.deadLetters) | skipped \(summary.skipped)"
    }
}
