import ArgumentParser
import Foundation
import IngestCore
import IngestPostgres

/// The PostgreSQL connection options shared by `run`, `db migrate` and `db bench`. The URL comes from
/// the command line or the environment only, so it never has to be written into a pipeline file.
struct PostgresOptions: ParsableArguments {
    @Option(
        name: .customLong("postgres-url"),
        help: "Also upsert into PostgreSQL at URL (postgres://user:password@host:5432/db); default: $INGEST_POSTGRES_URL.")
    var explicitURL: String?

    @Option(name: .long, help: "Seconds to keep retrying an unreachable PostgreSQL server, at start and mid-run.")
    var postgresRetry: Double = 30

    @Option(name: .long, help: "Seconds one batch's transaction, or one start-up or state statement, may take before the connection is treated as lost.")
    var postgresTimeout: Double = 60

    @Option(name: .long, help: "Records per PostgreSQL transaction; also the most held in memory while the server is away.")
    var postgresBatch: Int = 1000

    @Option(name: .long, help: "Connections writing batches at once; each page always goes through the same one.")
    var postgresWriters: Int = 2

    @Option(name: .long, help: "How batches reach PostgreSQL: unnest (arrays bound to one insert per table), copy or prepared.")
    var postgresLoad: PostgresLoadMethod = .unnest

    /// The URL from the command line, else from `INGEST_POSTGRES_URL`.
    var url: String? {
        explicitURL ?? ProcessInfo.processInfo.environment["INGEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        if postgresRetry < 0 { throw ValidationError("--postgres-retry must not be negative") }
        if postgresTimeout <= 0 { throw ValidationError("--postgres-timeout must be positive") }
        if postgresBatch < 1 { throw ValidationError("--postgres-batch must be at least 1") }
        if !(1...16).contains(postgresWriters) { throw ValidationError("--postgres-writers must be between 1 and 16") }
    }

    var retryPolicy: PostgresRetryPolicy {
        PostgresRetryPolicy(
            budget: .milliseconds(Int64(postgresRetry * 1000)), answerTimeout: .milliseconds(Int64(postgresTimeout * 1000)))
    }

    func sinkConfiguration() throws(RunError) -> PostgresSink.Configuration? {
        guard let url else { return nil }
        return PostgresSink.Configuration(
            url: try PostgresURL(url), retry: retryPolicy, batchSize: postgresBatch, loadMethod: postgresLoad,
            transactionTimeout: .milliseconds(Int64(postgresTimeout * 1000)), writers: postgresWriters)
    }
}

extension PostgresLoadMethod: ExpressibleByArgument {}
