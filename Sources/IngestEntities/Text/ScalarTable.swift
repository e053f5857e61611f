import Foundation

/// Per-scalar facts the tokenizer and the gazetteer ask of every letter, precomputed for the Latin and
/// Cyrillic blocks from the same Unicode properties they would otherwise query one scalar at a time.
///
/// Outside the table (Greek, whose lower case depends on context, and every script the four languages
/// do not use) callers fall back to the properties themselves.
struct ScalarTable: Sendable {
    /// Scalars below this value are in the table, except Greek.
    static let limit: UInt32 = 0x0530
    static let greek: ClosedRange<UInt32> = 0x0370...0x03FF

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let letter = Flags(rawValue: 1 << 0)
        static let upper = Flags(rawValue: 1 << 1)
        static let mark = Flags(rawValue: 1 << 2)
        static let space = Flags(rawValue: 1 << 3)
        /// Composes or decomposes under canonical normalisation, or may: a word holding one is not
        /// known to be in NFC.
        static let unsure = Flags(rawValue: 1 << 4)
        /// Not ``unsure`` and with a one-scalar lower case: a word of such scalars is lower-cased and
        /// looked up scalar by scalar. Also set for the right single quote, outside the table.
        static let sure = Flags(rawValue: 1 << 5)
    }

    /// The General Punctuation block (dashes, quotes, the line separator), common in running text and
    /// outside the main table: its flags, with ``Flags/sure`` only for the right single quote.
    static let punctuation: ClosedRange<UInt32> = 0x2000...0x206F
    let punctuationFlags: [Flags]

    /// Sentinel in ``lower`` and ``folded``: the mapping is not one scalar.
    static let several: UInt32 = 0xFFFF_FFFF
    /// Sentinel in ``folded``: the scalar folds to nothing (a combining mark).
    static let nothing: UInt32 = 0xFFFF_FFFE

    let flags: [Flags]
    let lower: [UInt32]
    let folded: [UInt32]

    static let shared = ScalarTable()

    init() {
        var flags: [Flags] = []
        var lower: [UInt32] = []
        var folded: [UInt32] = []
        for value in 0..<Self.limit {
            guard let scalar = Unicode.Scalar(value), !Self.greek.contains(value) else {
                flags.append(.unsure)
                lower.append(Self.several)
                folded.append(Self.several)
                continue
            }
            var f: Flags = []
            if Tokenizer.isLetter(scalar) { f.insert(.letter) }
            if Tokenizer.isUpper(scalar) { f.insert(.upper) }
            if Tokenizer.isMark(scalar) { f.insert(.mark) }
            if Tokenizer.isSpace(scalar) { f.insert(.space) }
            let single = String(scalar)
            if f.contains(.mark) || scalar.properties.canonicalCombiningClass.rawValue != 0
                || !single.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(single.unicodeScalars)
            {
                f.insert(.unsure)
            }
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            lower.append(mapped.count == 1 ? mapped.first!.value : Self.several)
            if !f.contains(.unsure), mapped.count == 1 { f.insert(.sure) }
            flags.append(f)
            let fold = Gazetteer.fold(single).unicodeScalars
            folded.append(fold.isEmpty ? Self.nothing : fold.count == 1 ? fold.first!.value : Self.several)
        }
        self.flags = flags
        self.lower = lower
        self.folded = folded
        punctuationFlags = Self.punctuation.map { value in
            let scalar = Unicode.Scalar(value)!
            return Self.flags(of: scalar)
        }
    }

    /// The flags of a scalar outside the table, from its Unicode properties.
    static func flags(of scalar: Unicode.Scalar) -> Flags {
        var f: Flags = []
        if Tokenizer.isLetter(scalar) { f.insert(.letter) }
        if Tokenizer.isUpper(scalar) { f.insert(.upper) }
        if Tokenizer.isMark(scalar) { f.insert(.mark) }
        if Tokenizer.isSpace(scalar) { f.insert(.space) }
        if scalar == "\u{2019}" { f.insert(.sure) }
        return f
    }

    /// The flags of any scalar: through the tables where they cover it, else from its properties.
    @inline(__always)
    func flags(_ scalar: Unicode.Scalar) -> Flags {
        let value = scalar.value
        if value < Self.limit, !Self.greek.contains(value) { return flags[Int(value)] }
        if Self.punctuation.contains(value) { return punctuationFlags[Int(value - Self.punctuation.lowerBound)] }
        return Self.flags(of: scalar)
    }
}
