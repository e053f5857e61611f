import Foundation
import IngestCore
import IngestTestSupport
import Testing

/// The README's example queries, read from the README itself, run against a database the sinks wrote,
/// so a schema change that breaks one fails here rather than for a user.
@Suite struct ReadmeQueryTests {
    static let backends = TestDatabase.Backend.enabled

    /// Every statement of the `sql` blocks under "Example queries", without the comment lines.
    static func queries() throws -> [String] {
        let readme = try String(contentsOf: FixturePaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n### Example queries\n"))
        let rest = readme[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        var statements: [String] = []
        for block in section.components(separatedBy: "```sql\n").dropFirst() {
            let code = block.components(separatedBy: "```")[0]
            let lines = code.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            for statement in lines.joined(separator: "\n").split(separator: ";") {
                let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { statements.append(trimmed) }
            }
        }
        return statements
    }

    /// Pages whose events have organisers, and a dead letter, so every query has rows to return.
    static func records() throws -> [EncodedRecord] {
        try SyntheticPages.records(count: 6).map { encoded in
            var record = encoded.record
            for index in record.events.indices {
                record.events[index].organisers = [.object(["name": .string("Cluster Alliance"), "role": .string("organiser")])]
            }
            return try EncodedRecord(record: record)
        }
    }

    @Test("every example query runs and returns rows (SQLite: those without jsonb)", arguments: backends)
    func exampleQueries(_ backend: TestDatabase.Backend) async throws {
        let queries = try Self.queries()
        #expect(queries.count >= 7)
        #expect(queries.contains { $0.contains("page_records") })
        let database = try await TestDatabase.make(backend)
        let letter = DeadLetter(
            runID: "r_1", pageID: PageID(canonicalSource: "https://example.org/broken"),
            source: SourceRef(url: "https://example.org/broken"), stage: "strip", code: "empty-input", message: "no bytes")
        let records = try Self.records()
        try await database.write(records, runID: "r_1", deadLetters: [letter])
        for query in queries {
            if backend == .sqlite, query.contains("jsonb") || query.contains("->") { continue }
            #expect(try await !database.rows(query).isEmpty, "\(query)")
        }
    }

    @Test("the whole-record query gives the record the JSON Lines output has", arguments: backends)
    func wholeRecordQuery(_ backend: TestDatabase.Backend) async throws {
        let query = try #require(try Self.queries().first { $0.contains("page_records") })
        let records = try Self.records()
        let database = try await TestDatabase.make(backend)
        try await database.write(records, runID: "r_1")
        // The query names the page by URL; the synthetic page 3 has the URL it names.
        #expect(query.contains("'\(records[3].record.source.url)'"))
        let rows = try await database.rows(query)
        let json = try #require(rows.first?.first ?? nil)
        let found = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        let expected = try JSONSerialization.jsonObject(with: Data(records[3].json)) as? NSDictionary
        #expect(found != nil && found == expected)
    }
}
