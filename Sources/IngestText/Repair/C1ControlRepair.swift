/// windows-1252 text read as ISO-8859-1: its curly quotes, dashes and ellipsis come out as the C1
/// control characters of the same byte ("\u{84}Handwerk\u{93}"). No text means those controls, so each
/// one windows-1252 defines is read as windows-1252; the five it leaves undefined (0x81, 0x8D, 0x8F, 0x90,
/// 0x9D) stay as they are, since nothing says what they were.
enum C1ControlRepair {
    static let chain = "windows-1252 read as iso-8859-1"

    private static let table = SingleByteTable.named("windows-1252")

    /// The text with its C1 controls read as windows-1252, and how many were; nil when there were none.
    static func repair(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], count: Int)? {
        guard let table, scalars.contains(where: { isRepairable($0, table) }) else { return nil }
        var count = 0
        let repaired = scalars.map { scalar -> Unicode.Scalar in
            guard isRepairable(scalar, table) else { return scalar }
            count += 1
            return table.scalars[Int(scalar.value)]
        }
        return (repaired, count)
    }

    private static func isRepairable(_ scalar: Unicode.Scalar, _ table: SingleByteTable) -> Bool {
        (0x80...0x9F).contains(scalar.value) && table.scalars[Int(scalar.value)].value != scalar.value
    }
}
