import Foundation

/// Lines of a path list, read lazily from a file or from standard input (`-`), so a list of millions
/// of paths is never held in memory.
package final class LineSource {
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    package init(path: String) {
        handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        atEnd = handle == nil
    }

    package func nextLine() -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[position..<newline], as: UTF8.self)
                position = newline + 1
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = String(decoding: buffer[position...], as: UTF8.self)
                position = buffer.count
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let chunk = (try? handle?.read(upToCount: 64 << 10)) ?? nil
            if let chunk, !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                atEnd = true
            }
        }
    }

    deinit {
        if handle !== FileHandle.standardInput { try? handle?.close() }
    }
}
