/// What the repairer asks about the characters a reading yields (is it a letter, which case, which
/// script, is it at home in these languages), read from one table of flags per character below U+2600
/// instead of a chain of range checks or a Unicode property lookup: every reading of every span asks
/// these questions of each character, most of them Latin, Cyrillic or punctuation, where the range checks
/// fall through to the property tables (ą, ł, “, —). The table is made from the functions it stands
/// for (``MojibakeRepairer/isLetter(_:)`` and the others), which still answer beyond it, so the two
/// cannot disagree.
struct ScalarClasses: Sendable {
    private static let flatLimit: UInt32 = 0x2600

    /// The script, as ``ScriptRun/Script``'s raw value plus one (zero for none), in the top four bits.
    private static let scriptShift: UInt16 = 12

    private let flat: [UInt16]

    init() {
        precondition(ScriptRun.Script.other.rawValue + 1 < 1 << (16 - Self.scriptShift))
        precondition(Question.allCases.allSatisfy { $0.rawValue < 1 << Self.scriptShift })
        flat = (0..<Self.flatLimit).map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            var flags: UInt16 = 0
            for question in Question.allCases where question.answer(scalar) { flags |= question.rawValue }
            if let script = ScriptRun.script(scalar) { flags |= UInt16(script.rawValue + 1) << Self.scriptShift }
            return flags
        }
    }

    /// The answer to `question` for `scalar`: from the table below U+2600, from the function beyond it.
    @inline(__always)
    func answer(_ question: Question, for scalar: Unicode.Scalar) -> Bool {
        guard scalar.value < Self.flatLimit else { return question.answer(scalar) }
        return flat.withUnsafeBufferPointer { $0[Int(scalar.value)] } & question.rawValue != 0
    }

    /// Whether two characters are letters or marks of the same script, or both of none.
    @inline(__always)
    func sameScript(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        guard first.value < Self.flatLimit, second.value < Self.flatLimit else { return ScriptRun.script(first) == ScriptRun.script(second) }
        return flat.withUnsafeBufferPointer { $0[Int(first.value)] >> Self.scriptShift == $0[Int(second.value)] >> Self.scriptShift }
    }
}
