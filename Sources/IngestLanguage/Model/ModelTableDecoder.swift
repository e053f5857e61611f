import CZlib

/// Lays the model's table out in memory while zlib decompresses it, a chunk at a time.
///
/// Loading the model is most of what a short `ingest detect` run costs. Decompressing the whole payload
/// first meant allocating, zeroing and faulting in several megabytes that were read once and thrown
/// away; streaming it through one small buffer that stays in cache, straight into the table's slots,
/// leaves the table as the only large memory the load touches.
struct ModelTableDecoder {
    /// Size of the buffer zlib decompresses into.
    static let chunkSize = 64 << 10

    let entries: Int
    let languages: Int
    /// Bytes per table entry.
    let stride: Int
    /// The table's memory: `entries * stride` bytes, written in full by the time ``finish()`` succeeds.
    let table: UnsafeMutableRawPointer
    /// Entries per top-16-bit bucket, at `bucket + 1`; ``finish()`` turns them into start offsets.
    private(set) var directory: [UInt32]
    private var row = 0
    private var key: UInt64 = 0
    /// The varint being read when a chunk ends inside it.
    private var partial: UInt64 = 0
    private var shift: UInt64 = 0
    /// Bytes of the values section placed so far.
    private var values = 0

    init(entries: Int, languages: Int, stride: Int, table: UnsafeMutableRawPointer) {
        self.entries = entries
        self.languages = languages
        self.stride = stride
        self.table = table
        directory = [UInt32](repeating: 0, count: (1 << LanguageModel.directoryBits) + 1)
    }

    /// Decompresses `compressed` (a zlib stream) into `table`, returning the directory of its entries.
    static func decode(
        _ compressed: UnsafeRawBufferPointer, entries: Int, languages: Int, stride: Int, into table: UnsafeMutableRawPointer
    ) -> Result<[UInt32], LanguageModelError> {
        var stream = z_stream()
        guard czlib_inflate_init(&stream, 15) == Z_OK else {
            return .failure(LanguageModelError("zlib could not start to decompress the language model"))
        }
        defer { inflateEnd(&stream) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var decoder = ModelTableDecoder(entries: entries, languages: languages, stride: stride, table: table)
        stream.next_in = UnsafeMutablePointer(mutating: compressed.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(compressed.count)
        // A damaged stream can yield garbage before zlib notices: the first complaint about the table is
        // held back until the stream has been checked to its end, so damage is reported as damage.
        var complaint: LanguageModelError?
        return Result { () throws(LanguageModelError) in
            while true {
                stream.next_out = chunk.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(chunkSize)
                let status = inflate(&stream, Z_NO_FLUSH)
                let produced = chunkSize - Int(stream.avail_out)
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw LanguageModelError("language model's table does not decompress (zlib status \(status))")
                }
                if complaint == nil {
                    do throws(LanguageModelError) {
                        try decoder.consume(UnsafeRawBufferPointer(rebasing: chunk[..<produced]))
                    } catch {
                        complaint = error
                    }
                }
                if status == Z_STREAM_END { break }
            }
            if let complaint { throw complaint }
            guard stream.avail_in == 0 else { throw LanguageModelError("language model has bytes after its table") }
            return try decoder.finish()
        }
    }

    /// Places the next decompressed bytes: first the keys' varints, then the rows of values.
    mutating func consume(_ bytes: UnsafeRawBufferPointer) throws(LanguageModelError) {
        var index = 0
        let count = bytes.count
        while index < count, row < entries {
            let byte = bytes[index]
            index += 1
            partial |= UInt64(byte & 0x7F) << shift
            guard byte < 0x80 else {
                shift += 7
                guard shift <= LanguageModel.keyBits else { throw Self.outOfOrder }
                continue
            }
            let delta = partial
            partial = 0
            shift = 0
            key &+= delta
            guard key <= LanguageModel.keyMask, row == 0 || delta > 0 else { throw Self.outOfOrder }
            directory[Int(key >> LanguageModel.directoryShift) + 1] += 1
            let slot = table + row * stride
            slot.storeBytes(of: key, as: UInt64.self)
            for word in 1..<(stride / 8) { slot.storeBytes(of: 0, toByteOffset: word * 8, as: UInt64.self) }
            row += 1
        }
        guard index < count else { return }
        guard values + (count - index) <= entries * languages else { throw rowsMismatch }
        let base = bytes.baseAddress!
        while index < count {
            let column = values % languages
            let target = table + (values / languages) * stride + LanguageModel.valueOffset
            if column == 0, count - index >= languages {
                target.copyMemory(from: base + index, byteCount: languages)
                index += languages
                values += languages
            } else {
                target.storeBytes(of: bytes[index], toByteOffset: column, as: UInt8.self)
                index += 1
                values += 1
            }
        }
    }

    /// The directory, once every entry and value has arrived.
    mutating func finish() throws(LanguageModelError) -> [UInt32] {
        guard row == entries, shift == 0, values == entries * languages else { throw rowsMismatch }
        for bucket in 0..<(1 << LanguageModel.directoryBits) { directory[bucket + 1] += directory[bucket] }
        return directory
    }

    static let outOfOrder = LanguageModelError("language model's keys are out of order or out of range")

    var rowsMismatch: LanguageModelError {
        LanguageModelError("language model's table does not have \(entries) rows of \(languages) values")
    }
}
