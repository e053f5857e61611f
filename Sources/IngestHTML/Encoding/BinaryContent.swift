/// Tells binary files (images, archives, executables saved with an .html name) from text, so they
/// become `not-text` dead letters instead of pages of garbage.
///
/// A NUL byte alone does not make a page binary: scraped pages carry the odd stray one (a NUL pasted from
/// a form, padding after the closing tag), and a browser reads past it, as the HTML parser does here. What
/// gives binary files away is where their NULs are and how many: file formats keep their signatures and
/// headers in the first bytes, which are full of them in images, fonts, media and executables, and
/// compressed or encrypted data has one NUL in 256 bytes and one other control byte in ten. PDF, whose
/// header is text, is told by its signature.
enum BinaryContent {
    /// The first bytes, where file formats keep their signatures and headers (JPEG's segment length at
    /// byte 4, GIF's width at 6, ZIP's and gzip's flags from byte 3, PNG's length field at 8, ICO, MP4, WOFF
    /// and ELF from byte 0 to 7).
    static let headerBytes = 16

    /// A sentence saying why the bytes are not text, or nil when they look like text.
    static func reason(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(8192)
        if sample.starts(with: "%PDF-".utf8) { return "the input is a PDF document (it starts with %PDF-), not text" }
        var controls = 0
        var nuls = 0
        for (offset, byte) in sample.enumerated() where byte < 0x20 {
            if byte == 0 {
                if offset < headerBytes {
                    return "the input has a NUL byte at offset \(offset), among the first \(headerBytes) bytes where file formats keep their headers; it is binary, not text"
                }
                nuls += 1
            }
            if byte != 0x09, byte != 0x0A, byte != 0x0C, byte != 0x0D { controls += 1 }
        }
        // More than four NULs, or one in a thousand bytes of a long page, are no longer stray ones.
        if nuls > max(4, sample.count / 1000) {
            return "\(nuls) of the first \(sample.count) bytes are NUL; it is binary, not text"
        }
        if controls * 10 > sample.count {
            return "\(controls) of the first \(sample.count) bytes are control characters; it is binary, not text"
        }
        return nil
    }
}
