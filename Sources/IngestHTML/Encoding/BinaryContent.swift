/// Tells binary files (images, archives, executables saved with an .html name) from text, so they
/// become `not-text` dead letters instead of pages of garbage.
enum BinaryContent {
    /// A sentence saying why the bytes are not text, or nil when they look like text.
    static func reason(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(8192)
        var controls = 0
        for (offset, byte) in sample.enumerated() {
            if byte == 0 { return "the input contains a NUL byte at offset \(offset); it is binary, not text" }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0C, byte != 0x0D { controls += 1 }
        }
        if controls * 10 > sample.count {
            return "\(controls) of the first \(sample.count) bytes are control characters; it is binary, not text"
        }
        return nil
    }
}
