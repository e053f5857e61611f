import ArgumentParser
import IngestCore

/// The `ingest` command: scraped pages in, clean page records out.
@main
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Turn scraped web pages into clean, normalised records.",
        discussion: "Logs and the summary go to standard error; standard output carries data only.",
        version: IngestVersion.current,
        subcommands: [RunCommand.self, StripCommand.self, ValidateCommand.self, StagesCommand.self, BenchCommand.self, CharsetCommand.self, RepairCommand.self, DBCommand.self, ExtractCommand.self, DetectCommand.self])
}
