/// The status line and headers at the start of a WARC response record's block.
struct HTTPResponseHead {
    var status: Int
    /// Header names lower-cased; repeated headers joined with `, ` as HTTP allows.
    var headers: [String: String]
    /// Where the body starts in the block.
    var bodyStart: Int

    /// Parses `HTTP/x.y NNN reason` and the header lines up to the blank line; `nil` when the block does not
    /// start with an HTTP response (a `dns:` record, say) or its head never ends.
    init?(block: [UInt8], maxHeadBytes: Int = 64 << 10) {
        guard block.starts(with: Array("HTTP/".utf8)) else { return nil }
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        var index = 0
        let limit = min(block.count, maxHeadBytes)
        var end: Int?
        while index < limit {
            if block[index] == UInt8(ascii: "\n") {
                var lineEnd = index
                if lineEnd > lineStart, block[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                if lineEnd == lineStart {
                    end = index + 1
                    break
                }
                lines.append(block[lineStart..<lineEnd])
                lineStart = index + 1
            }
            index += 1
        }
        guard let end, let statusLine = lines.first else { return nil }
        let parts = statusLine.split(separator: UInt8(ascii: " "), maxSplits: 2)
        guard parts.count >= 2, let status = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            if let existing = headers[name] {
                headers[name] = existing + ", " + value
            } else {
                headers[name] = value
            }
        }
        self.status = status
        self.headers = headers
        self.bodyStart = end
    }
}
