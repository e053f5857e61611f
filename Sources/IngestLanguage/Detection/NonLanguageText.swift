/// Stretches of a text that are in no language: web addresses, e-mail addresses and @handles, and
/// markup tags. Scraped text and short snippets carry them ("Білеты тут: https://bycard.by/…",
/// "<a href=…>"), and their letters are Latin whatever the language around them, so a Belarusian
/// sentence with a link read as English. The detector leaves them out.
enum NonLanguageText {
    /// Longest tag taken for markup: a lone "<" (as in "a < b") must not swallow the text after it.
    static let longestTag = 512

    /// Whether the text may hold any: it has a "://", "@", "<" or "www." in it. One pass over the UTF-8
    /// bytes that looks twice only at the few bytes below "A", so text without them, nearly all of it,
    /// pays little more.
    static func mayOccur(in text: Substring) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable(mayOccur(inBytes:)) { return answer }
        var copy = String(text)
        return copy.withUTF8(mayOccur(inBytes:))
    }

    private static func mayOccur(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        let w = UInt8(ascii: "w")
        for index in bytes.indices where bytes[index] < UInt8(ascii: "A") {
            switch bytes[index] {
            case UInt8(ascii: "@"), UInt8(ascii: "<"):
                return true
            case UInt8(ascii: ":"):
                if index + 2 < bytes.count && bytes[index + 1] == slash && bytes[index + 2] == slash { return true }
            case UInt8(ascii: "."):
                // "www." in either case: bit 0x20 lower-cases an ASCII letter.
                if index >= 3 && bytes[index - 1] | 0x20 == w && bytes[index - 2] | 0x20 == w
                    && bytes[index - 3] | 0x20 == w {
                    return true
                }
            default:
                break
            }
        }
        return false
    }

    /// The text with every tag taken out and every whitespace-separated token that is an address or a
    /// handle replaced by a space; what is left keeps its order.
    static func removed(from text: Substring) -> String {
        let untagged = withoutTags(Array(text.unicodeScalars))
        var kept = String.UnicodeScalarView()
        kept.reserveCapacity(untagged.count)
        var start = 0
        while start < untagged.count {
            if LetterFolding.isWhitespace(untagged[start].value) {
                kept.append(untagged[start])
                start += 1
                continue
            }
            var end = start
            while end < untagged.count && !LetterFolding.isWhitespace(untagged[end].value) { end += 1 }
            let token = untagged[start..<end]
            if isAddressOrHandle(token) {
                kept.append(" ")
            } else {
                kept.append(contentsOf: token)
            }
            start = end
        }
        return String(kept)
    }

    /// Removes each "<" that starts a tag ("<a", "</", "<!") up to its ">", when that comes within
    /// ``longestTag`` scalars; a tag becomes a space, so words either side stay apart.
    private static func withoutTags(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", index + 1 < scalars.count, startsTag(scalars[index + 1]),
               let close = scalars[(index + 1)..<min(scalars.count, index + longestTag)].firstIndex(of: ">") {
                out.append(" ")
                index = close + 1
            } else {
                out.append(scalar)
                index += 1
            }
        }
        return out
    }

    private static func startsTag(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "/" || scalar == "!" || ("a"..."z").contains(asciiLowercased(scalar))
    }

    /// An ASCII letter in lower case; any other scalar as it is.
    private static func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar
    }

    /// "https://…", "www.…", "name@host", "@handle".
    private static func isAddressOrHandle(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        var beforeLast: Unicode.Scalar = " "
        var last: Unicode.Scalar = " "
        for scalar in token {
            if scalar == "@" || (scalar == "/" && last == "/" && beforeLast == ":") { return true }
            beforeLast = last
            last = scalar
        }
        return token.prefix(4).map(asciiLowercased) == ["w", "w", "w", "."]
    }
}
