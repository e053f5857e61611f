/// The named fields of a WARC record header (WARC 1.0/1.1), with names matched case-insensitively.
struct WARCRecordHead {
    /// Field names lower-cased.
    var fields: [String: String] = [:]

    var type: String { fields["warc-type"]?.lowercased() ?? "" }
    var targetURI: String? { fields["warc-target-uri"].map(Self.unbracketed) }
    var date: String? { fields["warc-date"] }
    var recordID: String? { fields["warc-record-id"] }
    var contentLength: Int? { fields["content-length"].flatMap { Int($0) } }

    /// WARC 1.0 writes the URI bare, some writers wrap it in angle brackets as WARC 1.1's grammar suggests.
    private static func unbracketed(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") ? String(uri.dropFirst().dropLast()) : uri
    }

    /// The lower-cased name of a `Name: value` line; nil when the line has no colon.
    static func name(of line: [UInt8]) -> String? {
        line.firstIndex(of: UInt8(ascii: ":")).map { name(of: line, colon: $0) }
    }

    private static func name(of line: [UInt8], colon: Int) -> String {
        String(decoding: line[..<colon], as: UTF8.self).lowercased()
    }

    /// Adds a `Name: value` line; false when the line has no colon.
    mutating func add(line: [UInt8]) -> Bool {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        fields[Self.name(of: line, colon: colon)] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
        return true
    }
}

extension String {
    /// Without leading and trailing spaces and tabs, the only whitespace header grammars allow around values.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
