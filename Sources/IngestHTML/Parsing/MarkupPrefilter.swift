import Glibc

/// Cuts the parts of a page that can never be text before libxml2 sees them: comments and the whole of
/// `script`, `style`, `svg`, `noscript`, `template` and `iframe` elements. On real pages these are more
/// than half of the bytes, and libxml2 reads every byte of them one character at a time.
///
/// Scripts of type `application/ld+json` are kept: they carry the page's structured metadata. The scan
/// follows the HTML tokenizer where it matters (a script ends at the first `</script`, a comment at the
/// first `-->`), and an element left open runs to the end of the page, as it does in a browser.
enum MarkupPrefilter {
    private static let rawTextElements: [[UInt8]] = ["script", "style", "svg", "noscript", "template", "iframe"].map {
        Array($0.utf8)
    }

    static func filter(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { input in
            let count = input.count
            var copiedUpTo = 0
            var index = 0
            while let open = nextLessThan(input, from: index) {
                index = open + 1
                if matches(input, at: open + 1, "!--") {
                    out.append(contentsOf: input[copiedUpTo..<open])
                    let end = find(input, "-->", from: open + 4).map { $0 + 3 } ?? count
                    copiedUpTo = end
                    index = end
                    continue
                }
                guard let element = rawTextElement(input, at: open + 1) else { continue }
                let name = rawTextElements[element]
                let tagEnd = find(input, ">", from: open + 1 + name.count).map { $0 + 1 } ?? count
                if element == 0, containsCaseless(input, "ld+json", in: open..<tagEnd) { continue }
                out.append(contentsOf: input[copiedUpTo..<open])
                var end = count
                var search = tagEnd
                while let close = find(input, "</", from: search) {
                    if matchesCaseless(input, at: close + 2, name) {
                        end = find(input, ">", from: close + 2 + name.count).map { $0 + 1 } ?? count
                        break
                    }
                    search = close + 2
                }
                copiedUpTo = end
                index = end
            }
            out.append(contentsOf: input[copiedUpTo..<count])
        }
        return out
    }

    private static func nextLessThan(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        firstIndex(of: UInt8(ascii: "<"), in: input, from: start)
    }

    /// memchr: the C library's vectorised scan, which is what makes this pass cheap.
    private static func firstIndex(of byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress,
            let found = memchr(base + start, Int32(byte), input.count - start)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Which raw-text element starts at `index` (just after `<`), if its name is followed by a delimiter.
    private static func rawTextElement(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index < input.count else { return nil }
        let first = input[index] | 0x20
        guard first == UInt8(ascii: "s") || first == UInt8(ascii: "n") || first == UInt8(ascii: "t") || first == UInt8(ascii: "i")
        else { return nil }
        for (offset, name) in rawTextElements.enumerated() where matchesCaseless(input, at: index, name) {
            let after = index + name.count
            guard after < input.count else { return offset }
            let delimiter = input[after]
            if delimiter == 0x20 || delimiter == 0x09 || delimiter == 0x0A || delimiter == 0x0D || delimiter == 0x0C
                || delimiter == UInt8(ascii: ">") || delimiter == UInt8(ascii: "/")
            {
                return offset
            }
        }
        return nil
    }

    private static func matches(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= input.count else { return false }
        return literal.withUTF8Buffer { pattern in (0..<length).allSatisfy { input[index + $0] == pattern[$0] } }
    }

    private static func matchesCaseless(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ name: [UInt8]) -> Bool {
        guard index + name.count <= input.count else { return false }
        for offset in 0..<name.count {
            let byte = input[index + offset]
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != name[offset] { return false }
        }
        return true
    }

    private static func containsCaseless(_ input: UnsafeBufferPointer<UInt8>, _ needle: StaticString, in range: Range<Int>) -> Bool {
        let pattern = needle.withUTF8Buffer { Array($0) }
        guard range.count >= pattern.count else { return false }
        return (range.lowerBound...(range.upperBound - pattern.count)).contains { matchesCaseless(input, at: $0, pattern) }
    }

    private static func find(_ input: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from start: Int) -> Int? {
        let length = literal.utf8CodeUnitCount
        return literal.withUTF8Buffer { pattern -> Int? in
            var index = start
            while let candidate = firstIndex(of: pattern[0], in: input, from: index), candidate + length <= input.count {
                var offset = 1
                while offset < length, input[candidate + offset] == pattern[offset] { offset += 1 }
                if offset == length { return candidate }
                index = candidate + 1
            }
            return nil
        }
    }
}
