/// Whole lines that are page furniture whatever the markup around them: counters ("3 views",
/// "0 comments"), "Skip to content", "Read more", cookie notices, in Bulgarian, Polish, Ukrainian and
/// English. The phrases are data (`Data/boilerplate-phrases.tsv`, compiled into ``BoilerplatePhrases``).
///
/// Matching is on the whole line, case-folded with whitespace collapsed, so a sentence that merely
/// contains "read more" stays; a prefix ("This website uses cookies") only condemns a short line.
enum BoilerplateLines {
    /// Lines longer than this are never matched whole: furniture is short.
    static let maxLineBytes = 96
    /// A line that starts with a furniture prefix is furniture up to this many bytes (a cookie notice of
    /// two or three sentences); longer lines are prose.
    static let maxPrefixedLineBytes = 800
    /// Only this much of a line is case-folded to test the prefixes, so long paragraphs cost little.
    private static let prefixWindowBytes = 120

    static func matches(_ text: [UInt8]) -> Bool {
        if text.count <= maxLineBytes {
            let folded = fold(text)
            if BoilerplatePhrases.lines.contains(folded) || isCounter(folded) { return true }
            return hasFurniturePrefix(folded)
        }
        guard text.count <= maxPrefixedLineBytes else { return false }
        return hasFurniturePrefix(String(decoding: text.prefix(prefixWindowBytes), as: UTF8.self).lowercased())
    }

    /// The prefixes by their first character: a line can only start with a prefix that starts with its
    /// own first character, so each line is compared with a few prefixes instead of all of them.
    private static let prefixesByFirstCharacter: [Character: [String]] = Dictionary(
        grouping: BoilerplatePhrases.prefixes.filter { !$0.isEmpty }, by: { $0.first! })

    private static func hasFurniturePrefix(_ line: String) -> Bool {
        guard let first = line.first, let candidates = prefixesByFirstCharacter[first] else { return false }
        return candidates.contains { line.hasPrefix($0) }
    }

    /// The line lower-cased, with runs of spaces and line breaks collapsed to one space and none at
    /// either end. Every block of a page that is short enough is folded, so this runs on the bytes: ASCII
    /// byte by byte, other letters by their scalar's lower-case mapping, which is what
    /// `String.lowercased()` gives scalar by scalar, without building and splitting a string per line.
    static func fold(_ text: [UInt8]) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.count)
        var pendingSpace = false
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 || byte == 0x0A {
                pendingSpace = !folded.isEmpty
                index += 1
                continue
            }
            if pendingSpace {
                folded.append(0x20)
                pendingSpace = false
            }
            if byte < 0x80 {
                folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
                continue
            }
            guard let (scalar, length) = Self.scalar(in: text, at: index) else {
                // Not UTF-8: the bytes are read as String reads them, with replacement characters.
                return foldDecoded(text)
            }
            let properties = scalar.properties
            if properties.changesWhenLowercased {
                folded.append(contentsOf: properties.lowercaseMapping.utf8)
            } else {
                folded.append(contentsOf: text[index..<index + length])
            }
            index += length
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// The well-formed UTF-8 scalar starting at `index`, and its length in bytes.
    private static func scalar(in text: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        var iterator = text[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    /// ``fold(_:)`` for bytes that are not all UTF-8.
    private static func foldDecoded(_ text: [UInt8]) -> String {
        fold(Array(String(decoding: text, as: UTF8.self).utf8))
    }

    /// "8", "3 views", "3 views0 comments", "1 коментар".
    private static func isCounter(_ line: String) -> Bool {
        var rest = Substring(line)
        var sawNumber = false
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            sawNumber = true
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            let word = rest.prefix { $0.isLetter }
            if word.isEmpty { return rest.isEmpty }
            guard BoilerplatePhrases.counterWords.contains(String(word)) else { return false }
            rest = rest.dropFirst(word.count).drop { $0 == " " || $0 == "·" || $0 == "|" }
        }
        return sawNumber
    }
}
