import Foundation

/// Lines of a path list, read lazily from a file or from standard input (`-`), so a list of millions
/// of paths is never held in memory.
package final class LineSource {
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    /// Whether a `%` of a line that is not UTF-8 is escaped too: yes for paths, no for URLs.
    private let escapesPercent: Bool

    package init(path: String, escapesPercent: Bool = true) {
        handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        atEnd = handle == nil
        self.escapesPercent = escapesPercent
    }

    /// Whether the last line returned was UTF-8. When it was not, its bytes that are not are written `%XX`
    /// (``PathBytes``): no file has that name, and the reader says why instead of "no such file"; a URL
    /// gets the escapes a browser would give it.
    package private(set) var lastLineIsUTF8 = true

    /// The next line without its line ending (LF or CR LF), and without the byte order mark an editor may
    /// have put before the first.
    package func nextLine() -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = decode(buffer[position..<end])
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = decode(buffer[position...])
                position = buffer.count
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let chunk = (try? handle?.read(upToCount: 64 << 10)) ?? nil
            if let chunk, !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
                if !startRead {
                    startRead = true
                    if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
                }
            } else {
                atEnd = true
            }
        }
    }

    /// Whether the first chunk, where a byte order mark would be, has been read.
    private var startRead = false

    private func decode(_ bytes: ArraySlice<UInt8>) -> String {
        let line = PathBytes.text(of: bytes, escapingPercent: escapesPercent)
        lastLineIsUTF8 = line.isUTF8
        return line.text
    }

    deinit {
        if handle !== FileHandle.standardInput { try? handle?.close() }
    }
}
