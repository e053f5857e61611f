/// From a character back to the byte a single-byte code page decodes to it: the first step of undoing a
/// misreading. A flat table covers every character below U+2600, where all but three of these code pages'
/// characters live, so the hot loop of the repairer costs one array read per character.
struct CodePageReverseMap: Sendable {
    let name: String
    /// Byte for each scalar below ``flatLimit``; 0 where the code page has none (byte 0 never needs one).
    /// The tables made from the maps at start-up (``CodePageMasks``, the repairer's bytes of all pages)
    /// read it whole rather than ask about each of its characters.
    let flat: [UInt8]
    /// The characters below ``flatLimit`` that ``flat`` has a byte for, each once: about 130 of its 9,728
    /// entries, so the tables made from ``flat`` at start-up visit these instead of scanning it.
    let flatCharacters: [UInt16]
    /// The few characters at or beyond ``flatLimit`` (three, all of them macintosh's), as (scalar, byte):
    /// searched in turn, and no dictionary type to set up at start-up for them.
    private let rest: [(scalar: UInt32, byte: UInt8)]
    static let flatLimit: UInt32 = 0x2600

    /// - Parameter undefinedFrom: Another code page whose characters stand in for bytes this one leaves
    ///   undefined, because that is how decoders in the wild filled them.
    init?(codePage name: String, undefinedFrom fallbackName: String? = nil) {
        guard let scalars = Self.scalars(of: name) else { return nil }
        self.name = name
        var flat = [UInt8](repeating: 0, count: Int(Self.flatLimit))
        var flatCharacters: [UInt16] = []
        var rest: [(scalar: UInt32, byte: UInt8)] = []
        func set(_ scalar: Unicode.Scalar, _ byte: Int) {
            guard scalar.value >= Self.flatLimit else {
                if flat[Int(scalar.value)] == 0 { flatCharacters.append(UInt16(scalar.value)) }
                flat[Int(scalar.value)] = UInt8(byte)
                return
            }
            // A later byte for the same character replaces the earlier one, as in the flat table.
            rest.removeAll { $0.scalar == scalar.value }
            rest.append((scalar.value, UInt8(byte)))
        }
        // Bytes a code page leaves undefined come through browsers and scrapers as the C1 control of the
        // same value, so a C1 control maps back to its byte in every code page.
        for byte in 0x80...0x9F { set(Unicode.Scalar(UInt8(byte)), byte) }
        if let fallbackName, let fallback = Self.scalars(of: fallbackName) {
            for byte in 0x80...0x9F where scalars[byte].value == UInt32(byte) { set(fallback[byte], byte) }
        }
        for byte in 0x80...0xFF where scalars[byte] != "\u{FFFD}" { set(scalars[byte], byte) }
        self.flat = flat
        self.flatCharacters = flatCharacters
        self.rest = rest
    }

    /// What each byte decodes to in a code page: the Encoding Standard's single-byte encodings, and the
    /// few code pages only repair reads back (``RepairCodePages``).
    static func scalars(of name: String) -> [Unicode.Scalar]? {
        if let table = SingleByteTable.named(name) { return table.scalars }
        guard let index = RepairCodePages.tables[name] else { return nil }
        return (0..<0x80).map { Unicode.Scalar(UInt8($0)) } + index.map { Unicode.Scalar(UInt32($0)) ?? "\u{FFFD}" }
    }

    /// The byte for a non-ASCII scalar, or nil when this code page cannot produce it.
    @inline(__always)
    func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < Self.flatLimit {
            let byte = flat[Int(value)]
            return byte == 0 ? nil : byte
        }
        for entry in rest where entry.scalar == value { return entry.byte }
        return nil
    }
}
