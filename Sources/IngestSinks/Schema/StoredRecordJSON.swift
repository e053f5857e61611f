public import IngestCore

/// The JSON a `pages` row keeps in `record_json`: the page record without its `text`, which the row's
/// `text` column already holds (schema version 4).
///
/// The text is about two fifths of a record's bytes. Kept in both columns, PostgreSQL parsed it into
/// `jsonb` and compressed and logged it a second time on every page written, the largest single cost of a
/// first load; the view `page_records` puts it back for readers who want the whole record.
///
/// The record's canonical JSON (``RecordJSON``) has sorted keys, so `text` is always followed by
/// nothing but the optional `title` and the `warnings`: the bytes to cut are found by writing that tail
/// and the text's literal again and checking they are exactly where they must be, rather than by
/// parsing the record.
public enum StoredRecordJSON {
    /// `json` is `record`'s canonical JSON.
    public static func withoutText(_ json: [UInt8], of record: PageRecord) throws(RunError) -> [UInt8] {
        var removed: [UInt8] = Array(#","text":"#.utf8)
        JSONStringLiteral.append(record.text, to: &removed)
        var tail: [UInt8] = []
        if let title = record.title {
            tail.append(contentsOf: #","title":"#.utf8)
            JSONStringLiteral.append(title, to: &tail)
        }
        tail.append(contentsOf: #","warnings":["#.utf8)
        for (index, warning) in record.warnings.enumerated() {
            if index > 0 { tail.append(UInt8(ascii: ",")) }
            var writer = RecordJSONWriter()
            writer.write(warning)
            tail.append(contentsOf: writer.bytes)
        }
        tail.append(contentsOf: "]}".utf8)
        let start = json.count - tail.count - removed.count
        guard start > 0, json[start..<(start + removed.count)].elementsEqual(removed),
            json[(start + removed.count)...].elementsEqual(tail)
        else {
            throw RunError(.internal, "page \(record.pageID.rawValue): its record JSON does not end with its text, title and warnings")
        }
        var stored = [UInt8]()
        stored.reserveCapacity(json.count - removed.count)
        stored.append(contentsOf: json[..<start])
        stored.append(contentsOf: tail)
        return stored
    }
}
