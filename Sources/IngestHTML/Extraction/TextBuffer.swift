/// Accumulates one block's text straight from libxml2's UTF-8, collapsing whitespace as HTML renders it.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var scalars = 0
    private(set) var linkScalars = 0
    private var pendingSpace = false

    var isEmpty: Bool { bytes.isEmpty }

    /// Appends UTF-8 text. No-break spaces collapse like spaces: in running text they only keep words on
    /// one line, which plain text has no use for.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, inLink: Bool) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < count, text[index + 1] == 0xA0 {
                pendingSpace = true
                index += 2
                continue
            }
            if pendingSpace {
                pendingSpace = false
                if let last = bytes.last, last != 0x0A {
                    bytes.append(0x20)
                    scalars += 1
                    if inLink { linkScalars += 1 }
                }
            }
            bytes.append(byte)
            if byte & 0xC0 != 0x80 {
                scalars += 1
                if inLink { linkScalars += 1 }
            }
            index += 1
        }
    }

    /// A `<br>`: a new line within the block.
    mutating func lineBreak() {
        pendingSpace = false
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    /// True when the text so far ends with a line break, i.e. a second `<br>` in a row.
    var endsWithLineBreak: Bool { bytes.last == 0x0A }

    /// Hands over the text, trimmed, and empties the buffer.
    mutating func take() -> (text: [UInt8], scalars: Int, linkScalars: Int)? {
        defer {
            bytes.removeAll(keepingCapacity: true)
            scalars = 0
            linkScalars = 0
            pendingSpace = false
        }
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return nil }
        return (Array(bytes[..<end]), scalars - (bytes.count - end), min(linkScalars, scalars - (bytes.count - end)))
    }
}
