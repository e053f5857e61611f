import IngestCore

/// One pass of `UnicodeCleanup` over a text's UTF-8 bytes. Nothing is written until the first change;
/// from then on the unchanged stretches are copied whole and only the changed scalars are encoded.
struct UnicodeCleanupPass {
    /// What the pass found and, when something changed, the cleaned text's bytes.
    struct Outcome {
        var output: [UInt8]?
        /// Every kept scalar lies in `UnicodeCleanup.nfcStableRanges`, so the output is in NFC.
        var stable = true
        var controls = 0
        var invisibles = 0
        var spaces = 0
        var lookAlikeWords = 0
        var apostrophes = 0
    }

    /// `UnicodeCleanup.ukrainianApostrophe`, as a constant the loop can compare with.
    static let ukrainianApostrophe: UInt32 = 0x02BC

    let bytes: UnsafeBufferPointer<UInt8>
    let flags: UnsafeBufferPointer<UInt8>
    private(set) var result = Outcome()
    /// Where the bytes not yet copied to the output begin.
    private var pending = 0

    init(bytes: UnsafeBufferPointer<UInt8>, flags: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.flags = flags
    }

    mutating func run() {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let flag = flags[Int(byte)]
                if flag & UnicodeCleanup.alphabeticFlag != 0 {
                    index = word(from: index)
                } else if flag & UnicodeCleanup.dropFlag != 0 {
                    replace(index..<(index + 1), with: nil)
                    result.controls += 1
                    index += 1
                } else {
                    index += 1
                }
                continue
            }
            let (value, length) = decode(at: index)
            let flag = flag(of: value)
            if flag & UnicodeCleanup.dropFlag != 0 {
                switch UnicodeCleanup.kind(of: value) {
                case .control:
                    result.controls += 1
                    replace(index..<(index + length), with: nil)
                case .invisible:
                    result.invisibles += 1
                    replace(index..<(index + length), with: nil)
                case .space, nil:
                    result.spaces += 1
                    replace(index..<(index + length), with: 0x20)
                }
                index += length
            } else if flag & UnicodeCleanup.alphabeticFlag != 0 {
                index = word(from: index)
            } else {
                if flag & UnicodeCleanup.stableFlag == 0 { result.stable = false }
                index += length
            }
        }
        if result.output != nil {
            result.output!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<count]))
        }
    }

    /// Handles the word that starts with the alphabetic scalar at `start` and returns where it ends. A word
    /// runs over alphabetic scalars and over apostrophes between them; its Latin look-alikes become Cyrillic
    /// only when the word is otherwise Cyrillic, and its apostrophes become the Ukrainian one when it has any
    /// Cyrillic letter.
    private mutating func word(from start: Int) -> Int {
        var end = start
        var cyrillic = 0
        var latin = 0
        var convertibleLetters = true
        var otherApostrophe = false
        while end < bytes.count {
            let (value, length) = decode(at: end)
            let flag = flag(of: value)
            if flag & UnicodeCleanup.alphabeticFlag == 0 {
                // An apostrophe belongs to the word only when a letter follows it.
                guard flag & UnicodeCleanup.apostropheFlag != 0, end + length < bytes.count,
                    self.flag(of: decode(at: end + length).value) & UnicodeCleanup.alphabeticFlag != 0
                else { break }
            }
            if flag & UnicodeCleanup.stableFlag == 0 { result.stable = false }
            if (0x400...0x4FF).contains(value) {
                cyrillic += 1
            } else {
                if value < 0x250, flag & UnicodeCleanup.alphabeticFlag != 0 { latin += 1 }
                if flag & UnicodeCleanup.apostropheFlag != 0 {
                    if value != Self.ukrainianApostrophe { otherApostrophe = true }
                } else if value >= 0x80 || CyrillicLookAlike.cyrillic(forASCII: value) == 0 {
                    convertibleLetters = false
                }
            }
            end += length
        }
        let convertible = CyrillicLookAlike.readsAsCyrillic(cyrillicLetters: cyrillic, latinLetters: latin, everyLatinLetterTwinned: convertibleLetters)
        if convertible { result.lookAlikeWords += 1 }
        guard convertible || (cyrillic > 0 && otherApostrophe) else { return end }
        var index = start
        while index < end {
            let (value, length) = decode(at: index)
            let twin = convertible && value < 0x80 ? CyrillicLookAlike.cyrillic(forASCII: value) : 0
            if twin != 0 {
                replace(index..<(index + length), with: twin)
            } else if cyrillic > 0, value < UnicodeCleanup.tableLimit, flags[Int(value)] & UnicodeCleanup.apostropheFlag != 0,
                value != Self.ukrainianApostrophe
            {
                result.apostrophes += 1
                replace(index..<(index + length), with: Self.ukrainianApostrophe)
            }
            index += length
        }
        return end
    }

    private func flag(of value: UInt32) -> UInt8 {
        if value < UnicodeCleanup.tableLimit { return flags[Int(value)] }
        var flag: UInt8 = 0
        if Unicode.Scalar(value)?.properties.isAlphabetic == true { flag |= UnicodeCleanup.alphabeticFlag }
        if UnicodeCleanup.kind(of: value) != nil { flag |= UnicodeCleanup.dropFlag }
        return flag
    }

    /// The scalar at `index` of valid UTF-8 and its length in bytes.
    private func decode(at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F, 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F, 3)
        }
        return (
            (lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
                | UInt32(bytes[index + 3]) & 0x3F, 4
        )
    }

    /// Replaces the bytes of `range` with the scalar `value`, or removes them when it is nil.
    private mutating func replace(_ range: Range<Int>, with value: UInt32?) {
        if result.output == nil {
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 4)
            result.output = output
        }
        result.output!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<range.lowerBound]))
        if let value {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { buffer in
                let written = UTF8ScalarWriter.write(value, into: buffer, at: 0)
                result.output!.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<written]))
            }
        }
        pending = range.upperBound
    }
}
