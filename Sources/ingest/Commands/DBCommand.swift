import ArgumentParser

/// `ingest db`: database maintenance, kept apart from runs so a schema change is a deliberate step.
struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Database maintenance and the sink benchmark.",
        subcommands: [DBMigrateCommand.self, DBBenchCommand.self])
}
