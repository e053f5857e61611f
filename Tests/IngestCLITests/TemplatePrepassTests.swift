import Foundation
import IngestTestSupport
import Testing

@Suite struct TemplatePrepassTests {
    static let warning = "sampled pages are no longer kept for the run"

    /// A folder of real fixture pages, so the pre-pass samples (and keeps) every one of them.
    static func input() throws -> URL {
        let input = try FixturePaths.temporaryDirectory("prepass-input")
        for name in FixturePaths.pageNames().filter({ $0.hasPrefix("seed-") || $0.hasPrefix("site-") }) {
            try Data(FixturePaths.bytes(ofPage: name)).write(to: input.appendingPathComponent(name))
        }
        return input
    }

    /// Records as lines sorted by their text: a run writes them in the order they finish.
    static func records(_ stdout: String) -> [Substring] {
        stdout.split(separator: "\n").sorted()
    }

    @Test("the kept pages leave nothing in the temporary directory, and a missing one costs a warning, not a record")
    func scratchFileAndMissingDirectory() async throws {
        let input = try Self.input()
        let scratch = try FixturePaths.temporaryDirectory("prepass-scratch")
        let kept = try await IngestProcess.run(["run", "--input", input.path, "--output", "-"], environment: ["TMPDIR": scratch.path])
        #expect(kept.status == 0)
        #expect(!kept.stderr.contains(Self.warning))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)

        let missing = scratch.appendingPathComponent("not-there").path
        let stripped = try await IngestProcess.run(["run", "--input", input.path, "--output", "-"], environment: ["TMPDIR": missing])
        #expect(stripped.status == 0)
        #expect(stripped.stderr.components(separatedBy: Self.warning).count == 2)
        #expect(stripped.stderr.contains("not-there"))
        #expect(Self.records(stripped.stdout).count >= 10)
        #expect(Self.records(stripped.stdout) == Self.records(kept.stdout))
    }
}
