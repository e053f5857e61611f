import Foundation
import IngestCore
import IngestFetch
import IngestHTML
import IngestSinks
import IngestTestSupport
import Logging
import Testing

@Suite struct SinkTests {
    /// Runs strip over `input` into a JSONL file pair and a SQLite file in `directory`.
    @discardableResult
    static func run(input: URL, into directory: URL, runID: String) async throws -> RunSummary {
        let sinks: [any RecordSink] = [
            try JSONLSink(
                recordsPath: directory.appendingPathComponent("pages.jsonl").path,
                deadLettersPath: directory.appendingPathComponent("pages.dead-letters.jsonl").path),
            try SQLiteSink(path: directory.appendingPathComponent("ingest.sqlite").path, runID: runID, pipeline: "events"),
        ]
        let runner = PipelineRunner(
            pipeline: Pipeline(name: "events", stages: [HTMLStrip()]), options: RunOptions(concurrency: 2, runID: runID),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        return try await runner.run(reader: try LocalFileReader(inputs: [.path(input.path)]), sinks: sinks)
    }

    static func lines(_ url: URL) throws -> [[UInt8]] {
        try Data(contentsOf: url).split(separator: 0x0A).map(Array.init)
    }

    @Test("every JSONL record and dead letter conforms to its JSON Schema")
    func jsonlMatchesSchema() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let summary = try await Self.run(input: FixturePaths.pages, into: directory, runID: "r_schema")
        let records = try Self.lines(directory.appendingPathComponent("pages.jsonl"))
        let letters = try Self.lines(directory.appendingPathComponent("pages.dead-letters.jsonl"))
        #expect(records.count == summary.records)
        #expect(letters.count == summary.deadLetters)
        let recordSchema = try JSONSchemaValidator(schemaAt: FixturePaths.schemas.appendingPathComponent("page-record.schema.json"))
        let letterSchema = try JSONSchemaValidator(schemaAt: FixturePaths.schemas.appendingPathComponent("dead-letter.schema.json"))
        for line in records { #expect(recordSchema.problems(inJSON: line).isEmpty, "\(recordSchema.problems(inJSON: line))") }
        for line in letters { #expect(letterSchema.problems(inJSON: line).isEmpty, "\(letterSchema.problems(inJSON: line))") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("the schema check rejects records that break the contract", arguments: [
        (#"{"schema_version":2}"#, "must be 1"),
        (#"{"schema_version":1,"page_id":"x"}"#, "does not match"),
        (#"{"schema_version":1,"surprise":true}"#, "unexpected property 'surprise'"),
        (#"{"schema_version":1,"text":7}"#, "expected string, got integer"),
        (#"{"schema_version":1}"#, "missing required 'pipeline'"),
    ])
    func schemaRejects(_ json: String, _ problem: String) throws {
        let schema = try JSONSchemaValidator(schemaAt: FixturePaths.schemas.appendingPathComponent("page-record.schema.json"))
        let problems = schema.problems(inJSON: Array(json.utf8))
        #expect(problems.contains { $0.description.contains(problem) }, "\(problems)")
    }

    @Test("re-running the same input into SQLite changes no page row")
    func sqliteIdempotent() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let database = SQLiteRows(path: directory.appendingPathComponent("ingest.sqlite").path)
        let first = try await Self.run(input: FixturePaths.pages, into: directory, runID: "r_first")
        let before = try database.rows("SELECT page_id, record_sha256, first_run_id, changed_run_id FROM pages ORDER BY page_id")
        let lettersBefore = try database.rows("SELECT * FROM dead_letters ORDER BY page_id")
        let second = try await Self.run(input: FixturePaths.pages, into: directory, runID: "r_second")
        #expect(first.records == second.records)
        #expect(before.count == first.records)
        #expect(try database.rows("SELECT page_id, record_sha256, first_run_id, changed_run_id FROM pages ORDER BY page_id") == before)
        #expect(try database.rows("SELECT * FROM dead_letters ORDER BY page_id") == lettersBefore)
        #expect(before.allSatisfy { $0[2] == "r_first" && $0[3] == "r_first" })
        let runs = try database.rows("SELECT run_id, inputs, records, dead_letters, skipped FROM runs ORDER BY run_id")
        #expect(runs.map { $0[0] } == ["r_first", "r_second"])
        #expect(runs[1][1] == String(second.inputs) && runs[1][2] == String(second.records))
    }

    @Test("a page that succeeds after failing loses its dead letter, and a changed page is updated")
    func deadLetterCleared() async throws {
        let input = try FixturePaths.temporaryDirectory()
        let output = try FixturePaths.temporaryDirectory()
        let page = input.appendingPathComponent("event.html")
        try Data().write(to: page)
        try await Self.run(input: input, into: output, runID: "r_1")
        let database = SQLiteRows(path: output.appendingPathComponent("ingest.sqlite").path)
        #expect(try database.rows("SELECT code FROM dead_letters") == [["empty-input"]])

        try Data("<article><p>The forum opened on Monday, with over two hundred guests.</p></article>".utf8).write(to: page)
        try await Self.run(input: input, into: output, runID: "r_2")
        #expect(try database.rows("SELECT code FROM dead_letters").isEmpty)
        #expect(try database.rows("SELECT text, changed_run_id FROM pages") == [["The forum opened on Monday, with over two hundred guests.", "r_2"]])

        try Data("<article><p>The forum closed on Tuesday, with over three hundred guests.</p></article>".utf8).write(to: page)
        try await Self.run(input: input, into: output, runID: "r_3")
        #expect(try database.rows("SELECT first_run_id, changed_run_id FROM pages") == [["r_2", "r_3"]])
    }

    @Test("a database from a newer schema is refused with a configuration error")
    func newerSchemaRefused() throws {
        let directory = try FixturePaths.temporaryDirectory()
        let path = directory.appendingPathComponent("ingest.sqlite").path
        _ = try SQLiteSink(path: path, runID: "r_1", pipeline: "events")
        try SQLiteRows(path: path).execute("PRAGMA user_version = 99")
        #expect {
            _ = try SQLiteSink(path: path, runID: "r_2", pipeline: "events")
        } throws: { error in
            guard let error = error as? RunError else { return false }
            return error.exitStatus == .config && error.message.contains("schema version 99, newer than this build supports (\(DatabaseSchema.version))")
        }
    }

    @Test("an unwritable SQLite path is a cannot-create error")
    func unwritable() {
        #expect {
            _ = try SQLiteSink(path: "/nonexistent-dir/x/ingest.sqlite", runID: "r", pipeline: "events")
        } throws: { error in
            (error as? RunError)?.exitStatus == .cannotCreate
        }
    }
}

@Suite struct JSONLOutputTests {
    @Test("special files are written through, never replaced by rename")
    func specialFilesAreNotReplaced() {
        #expect(!JSONLSink.isRegularFileOrMissing("/dev/null"))
        #expect(JSONLSink.isRegularFileOrMissing("/nonexistent-\(UUID().uuidString).jsonl"))
    }

    @Test("output through a symlink lands in its target and the link stays a link")
    func symlinkOutput() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let target = directory.appendingPathComponent("target.jsonl")
        let link = directory.appendingPathComponent("link.jsonl")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let sink = try JSONLSink(recordsPath: link.path, deadLettersPath: nil)
        let document = TestStages.documents(["x"])[0]
        try await sink.write(EncodedRecord(record: PageRecord(document: document, pipeline: PipelineInfo(name: "t", version: "0", stages: []))))
        try await sink.finish(summary: RunSummary(runID: "r", pipeline: "t", stageNames: []))
        let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        let content = try String(contentsOf: target, encoding: .utf8)
        #expect(content.hasPrefix("{") && content.hasSuffix("}\n") && !content.contains("old"))
    }
}
