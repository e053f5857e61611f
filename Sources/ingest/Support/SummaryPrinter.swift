import Foundation
import IngestCore

/// The end-of-run summary on standard error: totals that add up, then per-stage counters.
enum SummaryPrinter {
    static func lines(_ summary: RunSummary, outputs: [String]) -> [String] {
        var lines: [String] = []
        let seconds = Double(summary.wallNanoseconds) / 1e9
        let shard = summary.shard.map { ", shard \($0)" } ?? ""
        lines.append("run \(summary.runID) (pipeline \(summary.pipeline)\(shard)) finished in \(String(format: "%.2f", seconds)) s")
        lines.append(
            "inputs \(summary.inputs) = records \(summary.records) + dead letters \(summary.deadLetters) + skipped \(summary.skipped)"
        )
        if let signal = summary.stoppedBySignal {
            lines.append("stopped early by \(SignalTrap.name(signal)): the inputs above are all accounted for, the rest were not read")
        }
        for (reason, count) in summary.failureReasons.sorted(by: { $0.key < $1.key }) {
            lines.append("  dead letters \(reason): \(count)")
        }
        for (reason, count) in summary.skipReasons.sorted(by: { $0.key < $1.key }) {
            lines.append("  skipped (\(reason)): \(count)")
        }
        lines.append(row(["stage", "in", "out", "dropped", "failed", "ms"]))
        for stage in summary.stages {
            let milliseconds = String(format: "%.1f", Double(stage.nanoseconds) / 1e6)
            lines.append(row([stage.stage, "\(stage.input)", "\(stage.output)", "\(stage.dropped)", "\(stage.failed)", milliseconds]))
        }
        for output in outputs { lines.append("wrote \(output)") }
        return lines
    }

    /// The stage name left-aligned in 12 columns, the numbers right-aligned in 9.
    private static func row(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            let width = index == 0 ? 12 : 9
            let padding = String(repeating: " ", count: max(0, width - cell.count))
            line += index == 0 ? cell + padding : padding + cell
        }
        return line
    }
}
