@testable import IngestHTML
import IngestText
import Testing

/// The page check stops counting early; what it answers must be what counting every byte answers.
@Suite struct UTF8ValidationTests {
    struct Page: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }
    }

    static let bulgarian = "Концертът на оркестъра ще се състои в събота вечерта в зала „България“, билетите са в продажба. "

    static func legacy(_ text: String, _ encoding: String) -> [UInt8] {
        guard let table = SingleByteTable.named(encoding) else { return [] }
        return text.unicodeScalars.compactMap { scalar in table.scalars.firstIndex(of: scalar).map { UInt8($0) } }
    }

    static let pages: [Page] = {
        let utf8 = Array(String(repeating: bulgarian, count: 20).utf8)
        let cp1251 = legacy(String(repeating: bulgarian, count: 20), "windows-1251")
        var mostly = utf8
        for position in stride(from: 100, to: mostly.count, by: 400) { mostly[position] = 0xFF }
        var half = utf8
        for position in stride(from: 1, to: half.count, by: 9) { half[position] = 0xC0 }
        return [
            Page(name: "ASCII", bytes: Array("<p>plain text</p>".utf8)),
            Page(name: "valid UTF-8", bytes: utf8),
            Page(name: "windows-1251", bytes: cp1251),
            Page(name: "UTF-8 with a stray byte per 400", bytes: mostly),
            Page(name: "UTF-8 with a broken byte per 9", bytes: half),
            Page(name: "UTF-8 then windows-1251", bytes: utf8 + cp1251),
            Page(name: "windows-1251 then UTF-8", bytes: cp1251 + utf8),
            Page(name: "a cut sequence at the end", bytes: utf8 + [0xD0]),
            Page(name: "ibm866", bytes: legacy(String(repeating: bulgarian, count: 20), "ibm866")),
            Page(name: "iso-8859-5", bytes: legacy(String(repeating: bulgarian, count: 20), "iso-8859-5")),
            Page(name: "koi8-u", bytes: legacy(String(repeating: bulgarian, count: 20), "koi8-u")),
            Page(name: "three- and four-byte sequences", bytes: Array(String(repeating: "€ 😀 „x“ ąę ж", count: 50).utf8)),
        ] + (0..<40).map { seed in Page(name: "random bytes \(seed)", bytes: randomBytes(seed: UInt64(seed))) }
    }()

    /// Bytes of every kind UTF-8 tells apart (ASCII, whole two- and three-byte sequences, continuations,
    /// C0 and C1, leads of every length, bytes that start nothing), drawn with a fixed seed; each page draws
    /// one kind more often than the others, so that long runs of it occur.
    static func randomBytes(seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let kinds: [[ClosedRange<UInt8>]] = [
            [0x20...0x7E], [0xC2...0xDF, 0x80...0xBF], [0xE1...0xEC, 0x80...0xBF, 0x80...0xBF], [0x80...0xBF],
            [0xC0...0xC1], [0xC2...0xDF], [0xE0...0xEF], [0xF0...0xF4], [0xF5...0xFF],
        ]
        let favourite = Int(seed % UInt64(kinds.count))
        var bytes: [UInt8] = []
        while bytes.count < 200 + Int(seed) * 37 {
            let draw = next()
            let kind = draw % 2 == 0 ? favourite : Int((draw >> 8) % UInt64(kinds.count))
            for range in kinds[kind] {
                bytes.append(range.lowerBound + UInt8(truncatingIfNeeded: (next() >> 20) % UInt64(range.count)))
            }
        }
        return bytes
    }

    @Test("every ratio gets the answer a full count gives, and exact counts whenever that answer is yes", arguments: pages)
    func earlyStop(_ page: Page) {
        // The collection overload walks every byte: the reference.
        let full = UTF8Validation.check(page.bytes[...])
        for ratio in [1, 8, Int.max] {
            let fast = UTF8Validation.check(page.bytes, validPerInvalid: ratio)
            switch (full, fast) {
            case (.ascii, .ascii), (.valid, .valid): continue
            case (.invalid(let valid, let invalid), .invalid(let seenValid, let seenInvalid)):
                let accepted = invalid.multipliedReportingOverflow(by: ratio).overflow ? false : valid >= ratio * invalid
                let seenAccepted =
                    seenInvalid.multipliedReportingOverflow(by: ratio).overflow ? false : seenValid >= ratio * seenInvalid
                #expect(accepted == seenAccepted, "ratio \(ratio)")
                if accepted { #expect(seenValid == valid && seenInvalid == invalid, "ratio \(ratio)") }
            default: Issue.record("ratio \(ratio): \(fast), a full count says \(full)")
            }
        }
    }

    @Test("a page only asked whether it is UTF-8 stops at its first invalid byte")
    func firstInvalidByte() {
        let page = Self.legacy(String(repeating: Self.bulgarian, count: 20), "windows-1251")
        #expect(UTF8Validation.check(page, validPerInvalid: .max) == .invalid(validSequences: 0, invalidBytes: 1))
    }
}
