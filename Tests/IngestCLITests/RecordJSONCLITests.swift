import Foundation
import IngestCore
import IngestTestSupport
import Testing

/// Records are written by a hand-written encoder for speed; what it writes for every fixture page, read
/// from disk and from a WARC and taken through the whole default pipeline, must be exactly what
/// `JSONEncoder` writes for the same record, so stored `record_sha256` values stay valid.
@Suite(.serialized) struct RecordJSONCLITests {
    @Test("every record of the fixture pages is byte for byte JSONEncoder's encoding of it", arguments: [
        FixturePaths.pages.path, FixturePaths.warc.appendingPathComponent("pages.warc.gz").path,
    ])
    func recordsMatchJSONEncoder(_ input: String) async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let output = directory.appendingPathComponent("pages.jsonl")
        let result = try await IngestProcess.run(["run", "--input", input, "--output", output.path, "--max-failure-ratio", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Data(contentsOf: output).split(separator: UInt8(ascii: "\n"))
        #expect(lines.count >= FixturePaths.pageNames().count - 2)
        var entities = 0
        var events = 0
        for line in lines {
            let record = try JSONDecoder().decode(PageRecord.self, from: Data(line))
            let expected = try RecordJSON.encoder.encode(record)
            #expect(Data(line) == expected, "\(record.source.url): the record differs from JSONEncoder's")
            #expect(try RecordJSON.encode(record) == Array(expected))
            for event in record.events {
                #expect(try RecordJSON.encode(event) == Array(try RecordJSON.encoder.encode(event)), "\(record.source.url): \(event.eventID)")
                events += 1
            }
            for entity in record.entities {
                var writer = RecordJSONWriter()
                try writer.write(entity.normalised)
                #expect(writer.bytes == Array(try RecordJSON.encoder.encode(entity.normalised)))
                entities += 1
            }
        }
        // The comparison covers the parts written by hand for the stages after strip, too.
        #expect(entities > 100)
        #expect(events > 3)
    }
}
