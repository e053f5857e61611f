import ArgumentParser
import IngestCore

/// `ingest validate`: checks pipeline files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline files: unknown stages, unknown options and bad values, with file and line.",
        discussion: "Exit status 0 when every file is valid, 78 otherwise.")

    @Argument(help: "Pipeline files (YAML).")
    var pipelines: [String]

    func run() throws {
        var failed = false
        for path in pipelines {
            do {
                let definition = try PipelineLoader.load(path)
                print("\(path): ok, pipeline '\(definition.name)': \(definition.stages.map(\.name).joined(separator: " → "))")
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.config.rawValue) }
    }
}
