extension ScalarClasses {
    /// A question the table answers; its raw value is the flag that holds the answer.
    enum Question: UInt16, CaseIterable {
        case letter = 0x01
        case lowercase = 0x02
        case uppercase = 0x04
        case plausible = 0x08
        case expected = 0x10
        case rare = 0x20
        case commonLetter = 0x40
        case neutral = 0x80
        /// Asked by the legacy re-reading's census (``LegacyMisreadingRepair/CharacterClasses``).
        case oddSymbol = 0x100

        /// The answer of the function the table is made from, which also answers beyond the table.
        func answer(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .letter: MojibakeRepairer.isLetter(scalar)
            case .lowercase: MojibakeRepairer.isLowercase(scalar)
            case .uppercase: MojibakeRepairer.isUppercase(scalar)
            case .plausible: MojibakeRepairer.isPlausibleCharacter(scalar)
            case .expected: MojibakeRepairer.isExpected(scalar)
            case .rare: MojibakeRepairer.isRare(scalar)
            case .commonLetter: MojibakeRepairer.isCommonLetter(scalar)
            case .neutral: ScriptRun.isNeutral(scalar)
            case .oddSymbol: LegacyMisreadingRepair.isOddSymbol(scalar)
            }
        }
    }
}
