/// What the repairer asks about the characters a reading yields (is it a letter, which case, which
/// script, is it at home in these languages), read from one table of flags per character below U+2600
/// instead of a chain of range checks or a Unicode property lookup: every reading of every span asks
/// these questions of each character, most of them Latin, Cyrillic or punctuation, where the range checks
/// fall through to the property tables (ą, ł, “, —).
///
/// The table ships generated (``ScalarClassTable``) because making it from the functions it stands for
/// (``MojibakeRepairer/isLetter(_:)`` and the others) takes up to four Unicode property look-ups for
/// each of its 9,728 characters (alphabetic, lowercase, uppercase, general category), over a millisecond
/// at every start-up of a short `ingest repair`. The functions still answer beyond the
/// table, and a test holds the table to what they answer below it, so the two cannot disagree.
struct ScalarClasses: Sendable {
    private static let flatLimit: UInt32 = 0x2600

    /// The script, as ``ScriptRun/Script``'s raw value plus one (zero for none), in the top four bits.
    private static let scriptShift: UInt16 = 12

    private let flat: [UInt16]

    init() {
        flat = Self.generatedFlags()
    }

    /// The flags of every character below ``flatLimit``, as the functions answer them today: what
    /// `Scripts/build-scalar-class-table.sh` writes into ``ScalarClassTable``.
    static func computedFlags() -> [UInt16] {
        precondition(ScriptRun.Script.other.rawValue + 1 < 1 << (16 - Self.scriptShift))
        precondition(Question.allCases.allSatisfy { $0.rawValue < 1 << Self.scriptShift })
        return (0..<Self.flatLimit).map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            var flags: UInt16 = 0
            for question in Question.allCases where question.answer(scalar) { flags |= question.rawValue }
            if let script = ScriptRun.script(scalar) { flags |= UInt16(script.rawValue + 1) << Self.scriptShift }
            return flags
        }
    }

    /// ``ScalarClassTable/flags`` read back: four hexadecimal digits per character, line breaks skipped.
    static func generatedFlags() -> [UInt16] {
        var flags: [UInt16] = []
        flags.reserveCapacity(Int(flatLimit))
        var value: UInt16 = 0
        var digits = 0
        var text = ScalarClassTable.flags
        text.withUTF8 { bytes in
            for byte in bytes {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte &- 0x30
                case 0x41...0x46: digit = byte &- 0x37
                default: continue
                }
                value = value << 4 | UInt16(digit)
                digits += 1
                if digits == 4 {
                    flags.append(value)
                    value = 0
                    digits = 0
                }
            }
        }
        precondition(flags.count == Int(flatLimit), "ScalarClassTable holds \(flags.count) entries, not \(flatLimit)")
        return flags
    }

    /// The answer to `question` for `scalar`: from the table below U+2600, from the function beyond it.
    @inline(__always)
    func answer(_ question: Question, for scalar: Unicode.Scalar) -> Bool {
        guard scalar.value < Self.flatLimit else { return question.answer(scalar) }
        return flat.withUnsafeBufferPointer { $0[Int(scalar.value)] } & question.rawValue != 0
    }

    /// The questions every one of `scalars` answers yes to and those some one does, as flags, and whether
    /// a capital comes right after a small letter among them: one pass over a reading that is asked several
    /// questions, where asking them one at a time takes a pass each.
    func answers(over scalars: UnsafeBufferPointer<Unicode.Scalar>) -> (every: UInt16, some: UInt16, capitalAfterSmall: Bool) {
        let questions: UInt16 = 1 << Self.scriptShift - 1
        // A small letter's flag shifted up one is a capital's: the previous character's flags so shifted,
        // AND-ed with this one's, keep the capital bit only where a capital follows a small letter, and
        // OR-ing those over the reading says whether one ever did.
        let uppercase = Question.uppercase.rawValue
        assert(Question.lowercase.rawValue << 1 == uppercase)
        var every = questions
        var some: UInt16 = 0
        var smallThenCapital: UInt16 = 0
        var previous: UInt16 = 0
        flat.withUnsafeBufferPointer { flat in
            for scalar in scalars {
                let flags: UInt16
                if scalar.value < Self.flatLimit {
                    flags = flat[Int(scalar.value)] & questions
                } else {
                    flags = Question.allCases.reduce(0) { $1.answer(scalar) ? $0 | $1.rawValue : $0 }
                }
                every &= flags
                some |= flags
                smallThenCapital |= previous &<< 1 & flags
                previous = flags
            }
        }
        return (every, some, smallThenCapital & uppercase != 0)
    }

    /// Whether two characters are letters or marks of the same script, or both of none.
    @inline(__always)
    func sameScript(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        guard first.value < Self.flatLimit, second.value < Self.flatLimit else { return ScriptRun.script(first) == ScriptRun.script(second) }
        return flat.withUnsafeBufferPointer { $0[Int(first.value)] >> Self.scriptShift == $0[Int(second.value)] >> Self.scriptShift }
    }
}
