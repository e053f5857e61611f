/// WHATWG encoding labels, mapped to the canonical names the Encoding Standard gives them.
///
/// Only labels of encodings this build can decode are listed; an unknown label is treated as no
/// declaration at all (with a warning), which is what browsers do.
enum EncodingLabel {
    /// The canonical name for a label, or nil when the label is unknown or undecodable here.
    static func canonicalName(for label: String) -> String? {
        table[normalized(label)]
    }

    /// The Encoding Standard's "get an encoding": strip ASCII whitespace (tab, line feed, form feed,
    /// carriage return, space) and lowercase ASCII letters only, so that a label with a no-break space or a
    /// letter whose Unicode lowercase is ASCII ("\u{212A}oi8-r", Kelvin sign) is not taken for a real one.
    static func normalized(_ label: String) -> String {
        var bytes = Array(label.utf8)[...]
        let isASCIIWhitespace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        while let first = bytes.first, isASCIIWhitespace(first) { bytes.removeFirst() }
        while let last = bytes.last, isASCIIWhitespace(last) { bytes.removeLast() }
        return String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static let table: [String: String] = {
        var table: [String: String] = [:]
        func add(_ name: String, _ labels: [String]) {
            for label in labels { table[label] = name }
            table[name] = name
        }
        add("utf-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf8", "x-unicode20utf8"])
        add("ibm866", ["866", "cp866", "csibm866"])
        add("iso-8859-2", ["csisolatin2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"])
        add("iso-8859-5", ["csisolatincyrillic", "cyrillic", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"])
        add("iso-8859-15", ["csisolatin9", "iso8859-15", "iso885915", "iso_8859-15", "l9"])
        add("koi8-r", ["cskoi8r", "koi", "koi8", "koi8_r"])
        add("koi8-u", ["koi8-ru"])
        add("x-mac-cyrillic", ["x-mac-ukrainian"])
        add("windows-874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"])
        add("windows-1250", ["cp1250", "x-cp1250"])
        add("windows-1251", ["cp1251", "x-cp1251"])
        add(
            "windows-1252",
            [
                "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
                "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "x-cp1252",
            ])
        add("windows-1253", ["cp1253", "x-cp1253"])
        add("windows-1254", ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "l5", "latin5", "x-cp1254"])
        add("windows-1257", ["cp1257", "x-cp1257"])
        add("iso-8859-4", ["csisolatin4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "l4", "latin4"])
        add("iso-8859-13", ["iso8859-13", "iso885913"])
        add("utf-16le", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16"])
        add("utf-16be", ["unicodefffe"])
        return table
    }()
}
