import Foundation
import IngestCore
import IngestSinks
import IngestTestSupport

/// One fresh database of one backend for one test, with the sink under test and an independent reader.
struct TestDatabase: Sendable {
    enum Backend: String, Sendable, CaseIterable, CustomStringConvertible {
        case sqlite, postgres
        var description: String { rawValue }

        /// SQLite always; PostgreSQL when a server is configured.
        static var enabled: [Backend] { [.sqlite] }
    }

    let backend: Backend
    /// The SQLite file path.
    let location: String

    static func make(_ backend: Backend, label: String = #function) async throws -> TestDatabase {
        switch backend {
        case .sqlite:
            let directory = try FixturePaths.temporaryDirectory(label)
            return TestDatabase(backend: .sqlite, location: directory.appendingPathComponent("ingest.sqlite").path)
        case .postgres:
            throw TestDatabaseError(message: "PostgreSQL tests are not wired up in this build")
        }
    }

    func sink(runID: String) async throws -> any RecordSink {
        try SQLiteSink(path: location, runID: runID, pipeline: "events")
    }

    func migrate(to target: Int = DatabaseSchema.version) async throws {
        try SQLiteSchema.migrate(path: location, to: target)
    }

    func version() async throws -> Int {
        try SQLiteSchema.version(path: location)
    }

    func rows(_ sql: String) async throws -> [[String?]] {
        try SQLiteRows(path: location).rows(sql)
    }

    func execute(_ sql: String) async throws {
        try SQLiteRows(path: location).execute(sql)
    }

    func setVersion(_ version: Int) async throws {
        try await execute("PRAGMA user_version = \(version)")
    }

    /// Every content table, in a stable order, for comparing two databases or two moments.
    func contents() async throws -> [String: [[String?]]] {
        var tables: [String: [[String?]]] = [:]
        for (table, order) in Self.contentTables {
            tables[table] = try await rows("SELECT * FROM \(table) ORDER BY \(order)")
        }
        return tables
    }

    /// Content tables without the columns that name the run that wrote them.
    static let contentTables: [(String, String)] = [
        ("pages", "page_id"), ("entities", "page_id, ordinal"), ("events", "event_id"),
        ("event_pages", "event_id, page_id"), ("dead_letters", "page_id"),
    ]

    /// Writes `records` through one sink and finishes it, as a run would.
    func write(_ records: [EncodedRecord], runID: String, deadLetters: [DeadLetter] = []) async throws {
        let sink = try await sink(runID: runID)
        for record in records { try await sink.write(record) }
        for letter in deadLetters { try await sink.write(letter) }
        var summary = RunSummary(runID: runID, pipeline: "events", stageNames: [])
        summary.inputs = records.count + deadLetters.count
        summary.records = records.count
        summary.deadLetters = deadLetters.count
        try await sink.finish(summary: summary)
    }
}

struct TestDatabaseError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
