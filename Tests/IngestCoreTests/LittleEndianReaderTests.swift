import IngestCore
import Testing

@Suite struct LittleEndianReaderTests {
    struct Short: Error, Equatable {
        let field: String
    }

    @Test("fields of every width read back little-endian, in order")
    func readsFields() throws {
        let bytes: [UInt8] = [0xAB, 0x34, 0x12, 0x78, 0x56, 0x34, 0x12, 0xEF, 0xCD, 0xAB, 0x89, 0x67, 0x45, 0x23, 0x01, 0x61, 0x62, 0xFF]
        var reader = LittleEndianReader(bytes, truncated: Short(field: "any"))
        #expect(try reader.integer(UInt8.self) == 0xAB)
        #expect(try reader.integer(UInt16.self) == 0x1234)
        #expect(try reader.integer(UInt32.self) == 0x1234_5678)
        #expect(reader.offset == 7)
        #expect(try reader.integer(UInt64.self) == 0x0123_4567_89AB_CDEF)
        #expect(Array(try reader.bytes(2)) == [0x61, 0x62])
        #expect(reader.remaining == 1)
        #expect(!reader.isAtEnd)
        try reader.skip(1)
        #expect(reader.isAtEnd)
        #expect(try reader.bytes(0).isEmpty)
    }

    @Test("a read past the end throws the caller's error and leaves the position where it was", arguments: [0, 1, 3, 7])
    func truncated(_ available: Int) {
        var reader = LittleEndianReader([UInt8](repeating: 1, count: available), truncated: Short(field: "count"))
        #expect(throws: Short(field: "count")) { try reader.integer(UInt64.self) }
        #expect(throws: Short(field: "count")) { try reader.bytes(available + 1) }
        #expect(throws: Short(field: "count")) { try reader.skip(available + 1) }
        #expect(reader.offset == 0)
        #expect(reader.remaining == available)
    }

    @Test("a negative count, as a garbled length gives, is refused")
    func negativeCount() {
        var reader = LittleEndianReader([1, 2, 3, 4], truncated: Short(field: "length"))
        #expect(throws: Short(field: "length")) { try reader.bytes(-1) }
        #expect(throws: Short(field: "length")) { try reader.skip(-4) }
        #expect(throws: Short(field: "length")) { try reader.bytes(Int.max) }
        #expect(reader.offset == 0)
    }

    @Test("an integer straddling the end is refused, the bytes before it having been read")
    func straddling() throws {
        var reader = LittleEndianReader([0x01, 0x00, 0x02, 0x00, 0x00], truncated: Short(field: "tail"))
        #expect(try reader.integer(UInt16.self) == 1)
        #expect(throws: Short(field: "tail")) { try reader.integer(UInt32.self) }
        #expect(try reader.integer(UInt16.self) == 2)
        #expect(throws: Short(field: "tail")) { try reader.integer(UInt16.self) }
        #expect(try reader.integer(UInt8.self) == 0)
        #expect(reader.isAtEnd)
    }
}
