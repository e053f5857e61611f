import NIOCore
import PostgresNIO

/// One column of a batch as a one-dimensional PostgreSQL array in binary format, bound as a single
/// parameter that `unnest` turns back into rows.
///
/// The driver's own array encoding has no NULL elements, and a table's optional columns need them, so
/// the elements are written here as `array_recv` reads them: each one's length and bytes, or a length
/// of -1 for NULL.
struct PostgresColumnArray: PostgresDynamicTypeEncodable, Sendable {
    private let kind: BatchColumn.Kind
    private var elements: ByteBuffer
    private var count = 0
    private var hasNull = false

    init(_ kind: BatchColumn.Kind, capacity: Int) {
        self.kind = kind
        elements = ByteBufferAllocator().buffer(capacity: capacity)
    }

    private var elementType: PostgresDataType {
        switch kind {
        case .text, .json: .text
        case .integer: .int8
        case .real: .float8
        }
    }

    var psqlType: PostgresDataType {
        switch kind {
        case .text, .json: .textArray
        case .integer: .int8Array
        case .real: .float8Array
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    /// The text of a `text` or `json` column.
    mutating func append(utf8 bytes: UnsafeRawBufferPointer) {
        elements.writeInteger(Int32(bytes.count))
        elements.writeBytes(bytes)
        count += 1
    }

    mutating func append(_ value: Int) {
        elements.writeInteger(Int32(8))
        elements.writeInteger(Int64(value))
        count += 1
    }

    mutating func append(_ value: Double) {
        elements.writeInteger(Int32(8))
        elements.writeInteger(value.bitPattern)
        count += 1
    }

    mutating func appendNull() {
        elements.writeInteger(Int32(-1))
        hasNull = true
        count += 1
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        guard count > 0 else {
            // No dimensions: the empty array.
            buffer.writeInteger(Int32(0))
            buffer.writeInteger(Int32(0))
            buffer.writeInteger(elementType.rawValue)
            return
        }
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(hasNull ? 1 : 0))
        buffer.writeInteger(elementType.rawValue)
        buffer.writeInteger(Int32(count))
        // The lower bound of the one dimension.
        buffer.writeInteger(Int32(1))
        buffer.writeImmutableBuffer(elements)
    }
}
