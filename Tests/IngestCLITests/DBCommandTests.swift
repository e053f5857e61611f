import Foundation
import IngestTestSupport
import Testing

@Suite struct DBCommandTests {
    let pages = FixturePaths.pages.path

    @Test("a run refuses a database at an older schema (78) until `ingest db migrate` upgrades it")
    func olderSQLiteMigrates() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let database = directory.appendingPathComponent("old.sqlite").path
        let create = try await IngestProcess.run(["db", "migrate", "--sqlite", database, "--to", "1"])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stderr.contains("migrated from schema version 0 to 1"))

        let refused = try await IngestProcess.run(["run", "--input", pages, "--sqlite", database])
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("has schema version 1, older than this build's"))
        #expect(refused.stderr.contains("run `ingest db migrate --sqlite \(database)` first"))

        let migrate = try await IngestProcess.run(["db", "migrate", "--sqlite", database])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stderr.contains("migrated from schema version 1 to"))
        let again = try await IngestProcess.run(["db", "migrate", "--sqlite", database])
        #expect(again.stderr.contains("nothing to do"))

        let run = try await IngestProcess.run(["run", "--input", pages, "--sqlite", database])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("db migrate without a database is a usage error")
    func noDatabase() async throws {
        #expect(try await IngestProcess.run(["db", "migrate"]).status == 64)
    }

    @Test("db bench refuses a target the run would not measure, naming the ones it would", arguments: [
        (["--target", "sqlite", "--target", "postgres-copy-w2"], "postgres-copy-w2", "sqlite"),
        (["--target", "postgres-copy-w3", "--postgres-url", "postgres://u@127.0.0.1:1/db"], "postgres-copy-w3",
         "sqlite, postgres-unnest-w2, postgres-unnest-w1, postgres-copy-w2, postgres-prepared-w2"),
    ])
    func unknownBenchTarget(options: [String], unknown: String, known: String) async throws {
        let result = try await IngestProcess.run(["db", "bench", "--input", "Fixtures/pages"] + options)
        #expect(result.status == 64)
        #expect(result.stderr.contains("this run has no target \(unknown); its targets are \(known)"), "\(result.stderr)")
    }
}
