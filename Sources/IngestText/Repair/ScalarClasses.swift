/// What the repairer asks about the characters a reading yields (is it a letter, which case, which
/// script, is it at home in these languages), read from one table of flags per character below U+2600
/// instead of a chain of range checks or a Unicode property lookup: every reading of every span asks
/// these questions of each character, most of them Latin, Cyrillic or punctuation, where the range checks
/// fall through to the property tables (ą, ł, “, —). The table is made from the functions it stands
/// for (``MojibakeRepairer/isLetter(_:)`` and the others), which still answer beyond it, so the two
/// cannot disagree.
struct ScalarClasses: Sendable {
    private static let flatLimit: UInt32 = 0x2600

    private static let letter: UInt16 = 1 << 0
    private static let lowercase: UInt16 = 1 << 1
    private static let uppercase: UInt16 = 1 << 2
    private static let plausible: UInt16 = 1 << 3
    private static let expected: UInt16 = 1 << 4
    private static let rare: UInt16 = 1 << 5
    private static let commonLetter: UInt16 = 1 << 6
    private static let neutral: UInt16 = 1 << 7
    /// The script, as ``ScriptRun/Script``'s raw value plus one (zero for none), in the top four bits.
    private static let scriptShift: UInt16 = 12

    private let flat: [UInt16]

    init() {
        precondition(ScriptRun.Script.other.rawValue + 1 < 1 << (16 - Self.scriptShift))
        flat = (0..<Self.flatLimit).map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            var flags: UInt16 = 0
            if MojibakeRepairer.isLetter(scalar) { flags |= Self.letter }
            if MojibakeRepairer.isLowercase(scalar) { flags |= Self.lowercase }
            if MojibakeRepairer.isUppercase(scalar) { flags |= Self.uppercase }
            if MojibakeRepairer.isPlausibleCharacter(scalar) { flags |= Self.plausible }
            if MojibakeRepairer.isExpected(scalar) { flags |= Self.expected }
            if MojibakeRepairer.isRare(scalar) { flags |= Self.rare }
            if MojibakeRepairer.isCommonLetter(scalar) { flags |= Self.commonLetter }
            if ScriptRun.isNeutral(scalar) { flags |= Self.neutral }
            if let script = ScriptRun.script(scalar) { flags |= UInt16(script.rawValue + 1) << Self.scriptShift }
            return flags
        }
    }

    @inline(__always)
    private func has(_ flag: UInt16, _ value: UInt32) -> Bool {
        flat.withUnsafeBufferPointer { $0[Int(value)] } & flag != 0
    }

    @inline(__always)
    func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.flatLimit ? has(Self.letter, scalar.value) : MojibakeRepairer.isLetter(scalar)
    }

    @inline(__always)
    func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.flatLimit ? has(Self.lowercase, scalar.value) : MojibakeRepairer.isLowercase(scalar)
    }

    @inline(__always)
    func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.flatLimit ? has(Self.uppercase, scalar.value) : MojibakeRepairer.isUppercase(scalar)
    }

    @inline(__always)
    func isPlausible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.flatLimit ? has(Self.plausible, scalar.value) : MojibakeRepairer.isPlausibleCharacter(scalar)
    }

    @inline(__always)
    func isExpected(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.flatLimit ? has(Self.expected, scalar.value) : MojibakeRepairer.isExpected(scalar)
    }

    @inline(__always)
    func isRare(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.flatLimit ? has(Self.rare, scalar.value) : MojibakeRepairer.isRare(scalar)
    }

    @inline(__always)
    func isCommonLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.flatLimit ? has(Self.commonLetter, scalar.value) : MojibakeRepairer.isCommonLetter(scalar)
    }

    @inline(__always)
    func isNeutral(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.flatLimit ? has(Self.neutral, scalar.value) : ScriptRun.isNeutral(scalar)
    }

    /// Whether two characters are letters or marks of the same script, or both of none.
    @inline(__always)
    func sameScript(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        guard first.value < Self.flatLimit, second.value < Self.flatLimit else { return ScriptRun.script(first) == ScriptRun.script(second) }
        return flat.withUnsafeBufferPointer { $0[Int(first.value)] >> Self.scriptShift == $0[Int(second.value)] >> Self.scriptShift }
    }
}
