import NIOCore

/// Rows in PostgreSQL's `COPY … FROM STDIN` text format, written straight from UTF-8 bytes: tab between
/// fields, newline after a row, `\N` for NULL, and backslash escapes for the four bytes that would
/// otherwise be read as structure. Every other byte, multi-byte UTF-8 included, passes through as is.
struct CopyTextEncoder {
    private(set) var buffer: ByteBuffer
    private var fieldsInRow = 0

    init(capacity: Int = 1 << 20) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    mutating func text(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { escape($0) }
    }

    mutating func text(_ value: String?) {
        guard let value else { return null() }
        text(value)
    }

    mutating func utf8(_ bytes: [UInt8]) {
        separate()
        bytes.withUnsafeBufferPointer { escape($0) }
    }

    mutating func integer(_ value: Int) {
        separate()
        buffer.writeString(String(value))
    }

    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        integer(value)
    }

    mutating func real(_ value: Double) {
        separate()
        buffer.writeString(value.isFinite ? "\(value)" : "NaN")
    }

    mutating func null() {
        separate()
        buffer.writeStaticString("\\N")
    }

    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    private mutating func separate() {
        if fieldsInRow > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    private mutating func escape(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<bytes.count {
            let escaped: UInt8
            switch bytes[index] {
            case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
            default: continue
            }
            buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            buffer.writeInteger(UInt8(ascii: "\\"))
            buffer.writeInteger(escaped)
            start = index + 1
        }
        buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}
