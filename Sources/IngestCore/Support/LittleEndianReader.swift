/// Reads fixed-width little-endian fields from a byte array front to back, checking the bytes left before
/// every read, so a file or record cut short or garbled throws instead of reading past the end.
///
/// The error thrown is the caller's (`truncated`), so each format reports a short read in its own terms
/// without a translation at every call. Everything is `@inlinable` so that reads in other modules are
/// specialised for their error and integer type.
public struct LittleEndianReader<Failure: Error> {
    @usableFromInline let storage: [UInt8]
    @usableFromInline var position = 0
    @usableFromInline let truncated: Failure

    /// - Parameter truncated: what every read throws when fewer bytes are left than it needs.
    @inlinable
    public init(_ bytes: [UInt8], truncated: Failure) {
        self.storage = bytes
        self.truncated = truncated
    }

    /// How many bytes have been read or skipped.
    @inlinable
    public var offset: Int { position }

    /// How many bytes are left.
    @inlinable
    public var remaining: Int { storage.count - position }

    @inlinable
    public var isAtEnd: Bool { position == storage.count }

    /// The next `T.bitWidth / 8` bytes as a little-endian integer.
    @inlinable
    public mutating func integer<T: FixedWidthInteger & UnsignedInteger>(_: T.Type = T.self) throws(Failure) -> T {
        let width = MemoryLayout<T>.size
        guard width <= storage.count - position else { throw truncated }
        let start = position
        position += width
        return T(littleEndian: storage.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: T.self) })
    }

    /// The next `count` bytes, as a slice of the array read (no copy).
    @inlinable
    public mutating func bytes(_ count: Int) throws(Failure) -> ArraySlice<UInt8> {
        guard count >= 0, count <= storage.count - position else { throw truncated }
        let start = position
        position += count
        return storage[start..<position]
    }

    /// Moves past `count` bytes without reading them.
    @inlinable
    public mutating func skip(_ count: Int) throws(Failure) {
        guard count >= 0, count <= storage.count - position else { throw truncated }
        position += count
    }
}
