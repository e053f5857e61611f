import Foundation
import IngestCore

/// The end-of-run summary on standard error: totals that add up, then per-stage counters.
enum SummaryPrinter {
    static func lines(_ summary: RunSummary, outputs: [String]) -> [String] {
        var lines: [String] = []
        let seconds = Double(summary.wallNanoseconds) / 1e9
        lines.append("run \(summary.runID) (pipeline \(summary.pipeline)) finished in \(String(format: "%.2f", seconds)) s")
        lines.append(
            "inputs \(summary.inputs) = records \(summary.records) + dead letters \(summary.deadLetters) + skipped \(summary.skipped)"
        )
        for (reason, count) in summary.failureReasons.sorted(by: { $0.key < $1.key }) {
            lines.append("  dead letters \(reason): \(count)")
        }
        for (reason, count) in summary.skipReasons.sorted(by: { $0.key < $1.key }) {
            lines.append("  skipped (\(reason)): \(count)")
        }
        lines.append(String(format: "%-10@ %8@ %8@ %8@ %8@ %10@", "stage", "in", "out", "dropped", "failed", "ms"))
        for stage in summary.stages {
            lines.append(
                "\(pad(stage.stage, 10)) \(pad(stage.input, 8)) \(pad(stage.output, 8)) \(pad(stage.dropped, 8)) "
                    + "\(pad(stage.failed, 8)) \(pad(String(format: "%.1f", Double(stage.nanoseconds) / 1e6), 10))")
        }
        for output in outputs { lines.append("wrote \(output)") }
        return lines
    }

    private static func pad(_ value: some CustomStringConvertible, _ width: Int) -> String {
        let text = value.description
        return text.count >= width ? text : (value is String ? text + String(repeating: " ", count: width - text.count)
            : String(repeating: " ", count: width - text.count) + text)
    }
}
