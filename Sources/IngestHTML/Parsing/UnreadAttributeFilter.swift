import Glibc

/// Cuts the attributes strip never reads (`href`, `data-*`, `srcset`, `alt`, event handlers…) out of
/// start tags before libxml2 parses them: on the Scrapinghub pages they are a third of what is left after
/// ``MarkupPrefilter``, and libxml2 copies every value it reads.
///
/// The scan follows libxml2's HTML parser (2.9) where it matters: what is a start tag ("<" and an ASCII
/// letter), how an attribute name, a quoted or unquoted value and a bogus token end, that `script` and
/// `style` hold raw text up to their end tag, and where comments, processing instructions, doctypes and
/// end tags end. An attribute is cut only from a start tag read to its end; at anything it cannot
/// follow exactly (a NUL byte, an unterminated quote or tag) the rest of the page is left as it is.
/// Tags of `meta` keep all their attributes. The tree strip builds is the same, attribute for attribute
/// among those it reads, as from the uncut page (the tree tests compare them).
enum UnreadAttributeFilter {
    static func filter(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input in
            var scanner = Scanner(input: input)
            return scanner.run() ?? bytes
        }
    }

    private struct Scanner {
        let input: UnsafeBufferPointer<UInt8>
        var out: [UInt8] = []
        var copiedUpTo = 0
        var changed = false

        init(input: UnsafeBufferPointer<UInt8>) {
            self.input = input
        }

        /// The filtered bytes, or nil when nothing was cut.
        mutating func run() -> [UInt8]? {
            let count = input.count
            var index = 0
            scan: while let open = next(UInt8(ascii: "<"), from: index) {
                guard open + 1 < count else { break }
                let second = input[open + 1]
                if isASCIILetter(second) {
                    guard let end = startTag(at: open) else { break scan }
                    index = end
                } else if second == UInt8(ascii: "/") {
                    guard open + 2 < count else { break }
                    if isNameStart(input[open + 2]) {
                        guard let close = next(UInt8(ascii: ">"), from: open + 2) else { break scan }
                        index = close + 1
                    } else {
                        index = open + 2
                    }
                } else if second == UInt8(ascii: "!") {
                    if matches(open + 2, "--") {
                        guard let end = commentEnd(from: open + 4) else { break scan }
                        index = end
                    } else if matchesCaseless(open + 2, "doctype") {
                        guard let end = doctypeEnd(from: open + 9) else { break scan }
                        index = end
                    } else {
                        index = open + 1
                    }
                } else if second == UInt8(ascii: "?") {
                    guard open + 2 < count else { break }
                    let target = input[open + 2]
                    if isASCIILetter(target) || target == UInt8(ascii: "_") || target == UInt8(ascii: ":") {
                        guard let close = next(UInt8(ascii: ">"), from: open + 2) else { break scan }
                        index = close + 1
                    } else if target >= 0x80 {
                        break scan
                    } else {
                        index = open + 2
                    }
                } else {
                    index = open + 1
                }
            }
            guard changed else { return nil }
            out.append(contentsOf: input[copiedUpTo...])
            return out
        }

        /// Reads the start tag at `open`, cuts its unread attributes, and returns where content goes on
        /// (after the raw text of a `script` or `style`); nil when the tag cannot be followed.
        mutating func startTag(at open: Int) -> Int? {
            let count = input.count
            var index = open + 1
            let nameStart = index
            while index < count, index - nameStart < 100, isNameCharacter(input[index]) { index += 1 }
            let nameEnd = index
            let keepsAll = equalsCaseless(nameStart..<nameEnd, "meta")
            var cuts: [Range<Int>] = []
            index = skipBlanks(index)
            while true {
                guard index < count else { return nil }
                let byte = input[index]
                if byte == 0 { return nil }
                if byte == UInt8(ascii: ">") || (byte == UInt8(ascii: "/") && index + 1 < count && input[index + 1] == UInt8(ascii: ">")) {
                    break
                }
                let attributeStart = index
                if isNameStart(byte) {
                    let attributeNameStart = index
                    while index < count, index - attributeNameStart < 100, isNameCharacter(input[index]) { index += 1 }
                    let attributeName = attributeNameStart..<index
                    var end = index
                    index = skipBlanks(index)
                    if index < count, input[index] == UInt8(ascii: "=") {
                        index = skipBlanks(index + 1)
                        guard index < count else { return nil }
                        let quote = input[index]
                        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                            guard let close = next(quote, from: index + 1), !containsNUL(index + 1..<close) else { return nil }
                            index = close + 1
                        } else {
                            while index < count, !isBlank(input[index]), input[index] != UInt8(ascii: ">"), input[index] != 0 {
                                index += 1
                            }
                        }
                        end = index
                    }
                    if !keepsAll, !isRead(attributeName) { cuts.append(attributeStart..<end) }
                } else {
                    // A bogus token: libxml2 skips it up to a blank or the end of the tag.
                    while index < count, input[index] != 0, !isBlank(input[index]), input[index] != UInt8(ascii: ">"),
                        !(input[index] == UInt8(ascii: "/") && index + 1 < count && input[index + 1] == UInt8(ascii: ">"))
                    {
                        index += 1
                    }
                }
                index = skipBlanks(index)
            }
            let selfClosing = input[index] == UInt8(ascii: "/")
            let tagEnd = index + (selfClosing ? 2 : 1)
            for cut in cuts {
                out.append(contentsOf: input[copiedUpTo..<cut.lowerBound])
                copiedUpTo = cut.upperBound
                changed = true
            }
            guard !selfClosing, equalsCaseless(nameStart..<nameEnd, "script") || equalsCaseless(nameStart..<nameEnd, "style")
            else { return tagEnd }
            // Raw text: it ends where "</" is followed by the element's name, in any case.
            let name = Array(input[nameStart..<nameEnd])
            var search = tagEnd
            while let close = next(UInt8(ascii: "<"), from: search) {
                if close + 1 < count, input[close + 1] == UInt8(ascii: "/"), matchesCaseless(close + 2, name) { return close }
                search = close + 1
            }
            return count
        }

        /// After "<!--": the end of "-->" or "--!>", or nil when the comment never ends.
        func commentEnd(from start: Int) -> Int? {
            var index = start
            while let dash = next(UInt8(ascii: "-"), from: index) {
                if matches(dash, "-->") { return dash + 3 }
                if matches(dash, "--!>") { return dash + 4 }
                index = dash + 1
            }
            return nil
        }

        /// After "<!DOCTYPE": past the first ">", unless it may sit inside a quoted identifier.
        func doctypeEnd(from start: Int) -> Int? {
            var quote: UInt8? = nil
            var index = start
            while index < input.count {
                let byte = input[index]
                if byte == 0 { return nil }
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return index + 1
                }
                index += 1
            }
            return nil
        }

        private static let readNames: [[UInt8]] = [
            "class", "id", "role", "hidden", "aria-hidden", "style", "type", "property", "name", "content", "datetime",
            "itemprop", "pubdate", "src",
        ].map { Array($0.utf8) }

        func isRead(_ name: Range<Int>) -> Bool {
            Self.readNames.contains { name.count == $0.count && matchesCaseless(name.lowerBound, $0) }
        }

        func next(_ byte: UInt8, from start: Int) -> Int? {
            guard start < input.count, let base = input.baseAddress,
                let found = memchr(base + start, Int32(byte), input.count - start)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        func containsNUL(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty, let base = input.baseAddress else { return false }
            return memchr(base + range.lowerBound, 0, range.count) != nil
        }

        func skipBlanks(_ start: Int) -> Int {
            var index = start
            while index < input.count, isBlank(input[index]) { index += 1 }
            return index
        }

        func matches(_ index: Int, _ literal: StaticString) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard index + length <= input.count else { return false }
            return literal.withUTF8Buffer { pattern in (0..<length).allSatisfy { input[index + $0] == pattern[$0] } }
        }

        func matchesCaseless(_ index: Int, _ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { matchesCaseless(index, Array($0)) }
        }

        /// `lower` is lower-case ASCII.
        func matchesCaseless(_ index: Int, _ lower: [UInt8]) -> Bool {
            guard index + lower.count <= input.count else { return false }
            for offset in 0..<lower.count {
                let byte = input[index + offset]
                if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != (lower[offset] >= 0x41 && lower[offset] <= 0x5A ? lower[offset] | 0x20 : lower[offset]) {
                    return false
                }
            }
            return true
        }

        func equalsCaseless(_ range: Range<Int>, _ literal: StaticString) -> Bool {
            range.count == literal.utf8CodeUnitCount && matchesCaseless(range.lowerBound, literal)
        }
    }
}

/// libxml2's blanks: space, tab, line feed and carriage return (not form feed).
private func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

private func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
}

/// What may start a name in libxml2's HTML parser.
private func isNameStart(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
}

private func isNameCharacter(_ byte: UInt8) -> Bool {
    isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
}
