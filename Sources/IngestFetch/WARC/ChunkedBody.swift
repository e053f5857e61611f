/// Undoes HTTP/1.1 chunked transfer coding, which some WARC writers keep in the stored response.
enum ChunkedBody {
    /// - Returns: the joined chunks, or `nil` when the framing is broken (the caller keeps the bytes as
    ///   stored and says so).
    static func decode(_ body: ArraySlice<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = body.startIndex
        while true {
            guard let lineEnd = body[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            var sizeEnd = lineEnd
            if let semicolon = body[index..<lineEnd].firstIndex(of: UInt8(ascii: ";")) { sizeEnd = semicolon }
            let digits = String(decoding: body[index..<sizeEnd], as: UTF8.self).filter(\.isHexDigit)
            guard let size = Int(digits, radix: 16), size >= 0 else { return nil }
            index = lineEnd + 1
            if size == 0 { return output }
            guard body.endIndex - index >= size else { return nil }
            output.append(contentsOf: body[index..<(index + size)])
            index += size
            // CRLF after the chunk data.
            while index < body.endIndex, body[index] == UInt8(ascii: "\r") || body[index] == UInt8(ascii: "\n") {
                index += 1
            }
        }
    }
}
