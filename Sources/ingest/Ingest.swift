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

    /// ArgumentParser's own `main`, except for `ingest repair` and `ingest detect` with plain flags (see
    /// ``RepairCommand/plainInvocation(_:)``, ``DetectCommand/plainInvocation(_:)``) and `ingest charset`: plain paths run it straight from the C
    /// arguments (see ``CharsetCommand/plainPaths(_:)``), plain paths and options without ArgumentParser
    /// (see ``CharsetCommand/plainInvocation(_:)``), and otherwise ArgumentParser is handed
    /// only the first of its paths (see ``CharsetCommand/splitPaths(_:)``): thousands of paths would
    /// otherwise cost seconds of parsing.
    static func main() async {
        let argv = UnsafeBufferPointer(start: CommandLine.unsafeArgv, count: Int(CommandLine.argc))
        if argv.count > 1, let paths = CharsetCommand.plainPaths(UnsafeBufferPointer(rebasing: argv[1...])) {
            return runWithoutParser { try CharsetCommand.run(paths: paths) }
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let repair = RepairCommand.plainInvocation(arguments) {
            return runWithoutParser { try RepairCommand.run(jsonl: repair.jsonl, cleanup: repair.cleanup) }
        }
        if let invocation = CharsetCommand.plainInvocation(arguments) {
            return runWithoutParser { try CharsetCommand.run(invocation) }
        }
        if let invocation = DetectCommand.plainInvocation(arguments) {
            return runWithoutParser { try DetectCommand.run(invocation) }
        }
        let split = CharsetCommand.splitPaths(arguments)
        do {
            var command = try await asyncParseAsRoot(split?.parsed ?? arguments)
            // A cast to a concrete type is a comparison; a cast to a protocol scans every conformance.
            if var charset = command as? CharsetCommand {
                charset.files += split?.laterPaths ?? []
                try charset.run()
            } else if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    /// A command run without ArgumentParser ends as one ArgumentParser ran would: its error printed the
    /// same way, with the same exit status.
    private static func runWithoutParser(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            exit(withError: error)
        }
    }
}
