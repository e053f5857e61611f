import Foundation
import IngestCore
import IngestSinks
import Testing

/// `pages.record_json` holds the record without its text (schema version 4); `page_records` gives the
/// whole record back, in both databases.
@Suite struct StoredRecordTests {
    static let backends = TestDatabase.Backend.enabled

    /// Records whose text, title and warnings make cutting the text out easy to get wrong: a text that
    /// looks like the JSON around it, an entity whose text is the page's text, no title, no text.
    static func awkwardRecords() throws -> [EncodedRecord] {
        var records = try SyntheticPages.records(count: 6)
        var looksLikeJSON = records[0].record
        looksLikeJSON.text = "\",\"text\":\"x\",\"title\":\"y\",\"warnings\":[]} \\\"quoted\\\" tab\tend"
        looksLikeJSON.warnings = [StageWarning(stage: "strip", code: "odd", message: #"a "text":"b" warning"#)]
        records[0] = try EncodedRecord(record: looksLikeJSON)
        var untitled = records[1].record
        untitled.title = nil
        untitled.warnings = [
            StageWarning(stage: "decode", code: "one", message: "first"), StageWarning(stage: "strip", code: "two", message: "second"),
        ]
        records[1] = try EncodedRecord(record: untitled)
        var entityIsText = records[2].record
        entityIsText.text = "Valencia"
        entityIsText.entities[0].text = "Valencia"
        records[2] = try EncodedRecord(record: entityIsText)
        var empty = records[3].record
        empty.text = ""
        empty.title = ""
        records[3] = try EncodedRecord(record: empty)
        return records
    }

    static func object(_ json: some Sequence<UInt8>) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(json)) as? NSDictionary)
    }

    @Test("the stored JSON is the record without text, byte for byte as the encoder writes it")
    func withoutText() throws {
        for encoded in try Self.awkwardRecords() {
            let stored = try StoredRecordJSON.withoutText(encoded.json, of: encoded.record)
            var expected = encoded.record
            expected.text = ""
            // The encoder's bytes with the empty text member taken out.
            let full = String(decoding: try RecordJSON.encoder.encode(expected), as: UTF8.self)
            #expect(String(decoding: stored, as: UTF8.self) == full.replacingOccurrences(of: #","text":"","#, with: ",", options: [], range: full.range(of: #","text":"","#, options: .backwards)))
            var whole = try #require(try JSONSerialization.jsonObject(with: Data(encoded.json)) as? [String: Any])
            #expect(whole["text"] as? String == encoded.record.text)
            whole["text"] = nil
            #expect(NSDictionary(dictionary: whole) == (try Self.object(stored)))
        }
    }

    @Test("JSON that is not the record's own is refused, not cut blindly")
    func foreignJSONRefused() throws {
        let records = try SyntheticPages.records(count: 2)
        #expect {
            _ = try StoredRecordJSON.withoutText(records[1].json, of: records[0].record)
        } throws: { error in
            (error as? RunError)?.exitStatus == .software
        }
    }

    @Test("page_records gives every page's whole record; record_json has no text", arguments: backends)
    func wholeRecordView(_ backend: TestDatabase.Backend) async throws {
        let records = try Self.awkwardRecords()
        let database = try await TestDatabase.make(backend)
        try await database.write(records, runID: "r_1")
        #expect(try await database.rows("SELECT count(*) FROM pages WHERE \(Self.hasText(backend))") == [["0"]])
        let rows = try await database.rows("SELECT page_id, record_json FROM page_records ORDER BY page_id")
        #expect(rows.count == records.count)
        for record in records {
            let row = try #require(rows.first { $0[0] == record.record.pageID.rawValue })
            #expect(try Self.object(try #require(row[1]).utf8) == (try Self.object(record.json)), "\(record.record.pageID.rawValue)")
        }
    }

    static func hasText(_ backend: TestDatabase.Backend) -> String {
        switch backend {
        case .sqlite: "json_type(record_json, '$.text') IS NOT NULL"
        case .postgres: "record_json ? 'text'"
        }
    }

    @Test("version 4 takes the text out of stored records; a rerun then rewrites nothing", arguments: backends)
    func migrationFromVersion3(_ backend: TestDatabase.Backend) async throws {
        let records = try Self.awkwardRecords()
        let reference = try await TestDatabase.make(backend, label: "reference")
        try await reference.write(records, runID: "r_1")

        // A version 3 database as its sinks left it: the same rows, with the whole record in record_json.
        let database = try await TestDatabase.make(backend)
        try await database.write(records, runID: "r_1")
        for record in records {
            let json = String(decoding: record.json, as: UTF8.self).replacingOccurrences(of: "'", with: "''")
            try await database.execute(
                "UPDATE pages SET record_json = '\(json)' WHERE page_id = '\(record.record.pageID.rawValue)'")
        }
        try await database.execute("DROP VIEW page_records")
        switch backend {
        case .sqlite: try await database.execute("PRAGMA user_version = 3")
        case .postgres: try await database.execute("DELETE FROM schema_version WHERE version = 4")
        }
        #expect(try await database.version() == 3)
        #expect(try await database.rows("SELECT count(*) FROM pages WHERE \(Self.hasText(backend))") == [["\(records.count)"]])
        try await database.migrate()
        #expect(try await database.version() == DatabaseSchema.version)
        #expect(try await database.rows("SELECT count(*) FROM pages WHERE \(Self.hasText(backend))") == [["0"]])
        let migrated = try await database.contents()
        try await database.write(records, runID: "r_2")
        #expect(try await database.contents() == migrated)
        #expect(try await database.rows("SELECT DISTINCT changed_run_id FROM pages") == [["r_1"]])
        // The same rows as a database written at version 4, compared as JSON where SQLite keeps text.
        var expected = try await reference.contents()
        var found = migrated
        let jsonColumn = 8
        for (index, row) in (expected["pages"] ?? []).enumerated() {
            let other = try #require(found["pages"]?[index])
            #expect(try Self.object(try #require(row[jsonColumn]).utf8) == (try Self.object(try #require(other[jsonColumn]).utf8)))
            var a = row, b = other
            a[jsonColumn] = nil
            b[jsonColumn] = nil
            #expect(a == b)
        }
        expected["pages"] = nil
        found["pages"] = nil
        #expect(expected == found)
    }
}
