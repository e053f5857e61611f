/// What an input holds, told from its first bytes where its name cannot be trusted to say.
///
/// A WARC file is read record by record and a page whole, so telling them apart decides whether a crawl
/// becomes thousands of records or one record of garbage. Names decide for files that carry them
/// (`.warc`, `.warc.gz`), but standard input and pipes (`--input -`, `--input <(zcat crawl.warc.gz)`) have
/// none, and a downloaded file may have lost its ending (`crawl.warc.gz.1`, `CC-MAIN-….warc.gz?dl=1`).
/// Whether WARC data is gzipped is told from its magic bytes by whoever reads it.
enum InputContent: Equatable {
    case page
    /// WARC records, gzip-compressed or not.
    case warc

    /// How many leading bytes settle the question: a gzip header with its optional file name, and the
    /// deflate block header before the first record's first bytes, fit well inside.
    static let leadingLength = 4096

    /// - Parameter leading: the input's first bytes, up to ``leadingLength`` (fewer when it is shorter).
    init(leading: [UInt8]) {
        if leading.starts(with: Inflater.gzipMagic) {
            self = Self.startsWithRecord(Self.inflatedStart(of: leading)) ? .warc : .page
        } else {
            self = Self.startsWithRecord(leading[...]) ? .warc : .page
        }
    }

    /// A record's version line ("WARC/1.0", "WARC/1.1", or one damaged, "XARC/1.0") followed by a WARC
    /// named field, after any blank lines: a page that merely begins with the letters "WARC/" is still a
    /// page, and a file whose first record is damaged is still read as WARC, costing that record only.
    private static func startsWithRecord(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.firstIndex { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") } ?? bytes.endIndex
        return WARCRecordStart.intactFirstLine(in: bytes, at: start) || WARCRecordStart.damagedFirstLine(in: bytes, at: start)
    }

    /// The first bytes the gzip data decompresses to, as many as the leading bytes give; none when they
    /// are corrupt (the page reader then reports the corruption).
    private static func inflatedStart(of compressed: [UInt8]) -> ArraySlice<UInt8> {
        guard let inflater = try? Inflater() else { return [] }
        var output = [UInt8](repeating: 0, count: WARCRecordStart.lookahead + 64)
        let step = compressed.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { inflater.step(input: input, output: $0) }
        }
        return output[..<step.produced]
    }
}
