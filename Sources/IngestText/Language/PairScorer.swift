/// Scores bytes as one single-byte encoding read in one language, straight from the bytes: each byte's
/// reading (letter, punctuation, implausible) and its index in the language's alphabet are precomputed,
/// and letter pairs are looked up in a dense matrix. Built once per (encoding, language).
public struct PairScorer: Sendable {
    private enum Reading: UInt8 {
        case other, latinLetter, cyrillicLetter, punctuation, implausible
    }

    /// Per byte: how it reads, and its alphabet index (0 is the word boundary, `unknown` a letter the
    /// language's table has never seen).
    private let readings: [Reading]
    private let indices: [UInt8]
    private let matrix: [Int16]
    private let width: Int
    private static let unknown: UInt8 = 255

    public init?(encoding: String, language code: String) {
        guard let table = SingleByteTable.named(encoding), let language = LetterPairModel.shared.languages[code] else {
            return nil
        }
        width = language.alphabet.count
        // Every index must fit a byte below `unknown`, which `score` relies on to stay inside the matrix.
        precondition(width < Int(Self.unknown), "a letter-pair alphabet of \(width) symbols")
        matrix = language.matrix
        var readings = [Reading](repeating: .other, count: 256)
        var indices = [UInt8](repeating: 0, count: 256)
        for (byte, scalar) in table.scalars.enumerated() {
            if scalar.properties.isAlphabetic {
                let lower = Self.lowercase(scalar.value)
                readings[byte] = (0x400...0x52F).contains(lower) ? .cyrillicLetter : .latinLetter
                indices[byte] = language.index(of: lower).map { UInt8(truncatingIfNeeded: $0) } ?? Self.unknown
            } else if byte >= 0x80 {
                readings[byte] = Self.isImplausible(scalar.value) ? .implausible : .punctuation
            }
        }
        self.readings = readings
        self.indices = indices
    }

    /// Average score per scored pair (100 · log10 units), or nil when no byte is beyond ASCII.
    ///
    /// The charset detector runs this over every candidate's evidence for every page, so it reads the
    /// tables through buffer pointers: `readings`, `indices` and `matrix` are built so that every byte
    /// and every pair of indices is in bounds.
    public func score(_ bytes: [UInt8]) -> Double? {
        readings.withUnsafeBufferPointer { readings in
            indices.withUnsafeBufferPointer { indices in
                matrix.withUnsafeBufferPointer { matrix in
                    bytes.withUnsafeBufferPointer { bytes in
                        Self.score(bytes, readings: readings, indices: indices, matrix: matrix, width: width)
                    }
                }
            }
        }
    }

    private static func score(
        _ bytes: UnsafeBufferPointer<UInt8>, readings: UnsafeBufferPointer<Reading>, indices: UnsafeBufferPointer<UInt8>,
        matrix: UnsafeBufferPointer<Int16>, width: Int
    ) -> Double? {
        guard let readings = readings.baseAddress, let indices = indices.baseAddress, let matrix = matrix.baseAddress else {
            return nil
        }
        var total = 0
        var pairs = 0
        var previousIndex: UInt8 = 0
        var previousReading = Reading.other
        var previousIsASCII = true
        for byte in bytes {
            let reading = readings[Int(byte)]
            let isASCII = byte < 0x80
            var index: UInt8 = 0
            switch reading {
            case .latinLetter, .cyrillicLetter:
                index = indices[Int(byte)]
            case .punctuation:
                total -= 120
                pairs += 1
            case .implausible:
                total -= 500
                pairs += 1
            case .other:
                break
            }
            if !(isASCII && previousIsASCII), !(index == 0 && previousIndex == 0) {
                let bothLetters = index != 0 && previousIndex != 0
                if bothLetters, reading != previousReading {
                    total -= 600
                } else if index == unknown || previousIndex == unknown {
                    total += unseenPair
                } else {
                    total += Int(matrix[Int(previousIndex) * width + Int(index)])
                }
                pairs += 1
            }
            previousIndex = index
            previousReading = reading
            previousIsASCII = isASCII
        }
        return pairs == 0 ? nil : Double(total) / Double(pairs)
    }

    /// The code pages scorers are prepared for: every single-byte encoding detection or repair reads.
    public static let encodings = [
        "windows-1252", "windows-1251", "windows-1250", "iso-8859-2", "windows-874", "koi8-r", "koi8-u",
        "iso-8859-5", "ibm866", "x-mac-cyrillic", "macintosh",
    ]
    public static let languages = ["bg", "pl", "uk", "en"]

    /// One scorer per (encoding, language), built once and shared by detection and repair.
    private static let cache: [String: PairScorer] = {
        var cache: [String: PairScorer] = [:]
        for encoding in encodings {
            for language in languages { cache[encoding + "|" + language] = PairScorer(encoding: encoding, language: language) }
        }
        return cache
    }()

    /// The shared scorer for an encoding read as a language, if both are known.
    public static func shared(encoding: String, language: String) -> PairScorer? {
        cache[encoding + "|" + language]
    }

    /// The score of a pair the language's table has never seen: one floor for all languages, so their
    /// averages compare fairly.
    public static let unseenPair = -450

    public static func lowercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A, 0x410...0x42F, 0xC0...0xD6, 0xD8...0xDE: return value + 0x20
        case 0x400...0x40F: return value + 0x50
        default:
            return Unicode.Scalar(value)?.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
        }
    }

    /// Characters a misread byte turns into but that text in these languages does not use.
    public static func isImplausible(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0x9F, 0x2500...0x259F, 0xFFFD: return true
        case 0xA0, 0xAB, 0xBB, 0xB7, 0xB0, 0xA9, 0xAE, 0x2013, 0x2014, 0x2018...0x201E, 0x2022, 0x2026, 0x2116, 0x20AC,
            0x2122:
            return false
        case 0xA1...0xBF, 0xD7, 0xF7, 0x2020, 0x2021, 0x2030, 0x2039, 0x203A, 0x2219, 0x221A, 0x2248, 0x2260, 0x2264,
            0x2265, 0x2320, 0x2321, 0x25A0:
            return true
        default: return false
        }
    }
}
