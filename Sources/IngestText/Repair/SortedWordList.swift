/// A word list kept as one static string, a word a line in code-point order (which is UTF-8 byte order),
/// searched in place: no set is built at start-up, and a look-up, which only short texts in capitals
/// make, reads a few dozen lines.
struct SortedWordList: Sendable {
    let lines: StaticString

    /// Whether `word`, as UTF-8 bytes, is a whole line of the list.
    func contains(_ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return false }
        return lines.withUTF8Buffer { bytes in
            // The lines that can still hold `word` lie within low..<high, which starts at a line's start
            // and ends at one's end or just past its line break.
            var low = 0
            var high = bytes.count
            while low < high {
                let middle = (low + high) / 2
                var start = middle
                while start > low, bytes[start - 1] != Self.lineBreak { start -= 1 }
                var end = middle
                while end < high, bytes[end] != Self.lineBreak { end += 1 }
                switch Self.compare(bytes[start..<end], word) {
                case 0: return true
                case ..<0: low = end + 1
                default: high = start
                }
            }
            return false
        }
    }

    private static let lineBreak = UInt8(ascii: "\n")

    /// Byte order of `line` against `word`: negative when the line sorts first.
    private static func compare(_ line: Slice<UnsafeBufferPointer<UInt8>>, _ word: [UInt8]) -> Int {
        for (lineByte, wordByte) in zip(line, word) where lineByte != wordByte {
            return lineByte < wordByte ? -1 : 1
        }
        return line.count - word.count
    }
}
