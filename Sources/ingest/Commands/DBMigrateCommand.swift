import ArgumentParser
import IngestCore
import IngestPostgres
import IngestSinks
import Logging

/// `ingest db migrate`: brings a database to this build's schema version.
///
/// Runs refuse a database at any other version than their own (exit 78), so upgrading ingest over an
/// existing database is: install, `ingest db migrate`, run.
struct DBMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade a database to this build's schema.",
        discussion: "Exit status: 0 when the database is at this build's schema version, 78 when it is newer.")

    @Option(name: .long, help: "The SQLite database FILE (created if missing).")
    var sqlite: String?

    @OptionGroup var postgres: PostgresOptions

    @Option(name: .long, help: "Migrate only up to this schema version (default: this build's).")
    var to: Int?

    func validate() throws {
        if sqlite == nil && postgres.url == nil { throw ValidationError("give --sqlite FILE or --postgres-url URL") }
    }

    func run() async throws {
        let target = to ?? DatabaseSchema.version
        let logger = LogSetup.bootstrap(level: .notice)
        do throws(RunError) {
            if let path = sqlite {
                let from = try SQLiteSchema.migrate(path: path, to: target)
                Diagnostics.write(Self.describe(database: path, from: from, to: target))
            }
            if let text = postgres.url {
                let url = try PostgresURL(text)
                let from = try await PostgresSchema.migrate(url: url, to: target, policy: postgres.retryPolicy, logger: logger)
                Diagnostics.write(Self.describe(database: "PostgreSQL \(url)", from: from, to: target))
            }
        } catch {
            Diagnostics.error(error.message)
            throw ExitCode(error.exitStatus.rawValue)
        }
    }

    static func describe(database: String, from: Int, to target: Int) -> String {
        from >= target
            ? "\(database) is at schema version \(from); nothing to do"
            : "\(database) migrated from schema version \(from) to \(target)"
    }
}
