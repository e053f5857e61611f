import IngestText
/// Scores bytes as one single-byte encoding read in one language, straight from the bytes: each byte's
/// reading (letter, punctuation, implausible) and its index in the language's alphabet are precomputed,
/// and letter pairs are looked up in a dense matrix. Built once per (encoding, language).
struct PairScorer: Sendable {
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

    init?(encoding: String, language code: String) {
        guard let table = SingleByteTable.named(encoding), let language = LetterPairModel.shared.languages[code] else {
            return nil
        }
        var alphabet: [UInt32] = [LetterPairModel.boundary]
        for key in language.scores.keys {
            for symbol in [UInt32(key >> 32), UInt32(key & 0xFFFF_FFFF)] where !alphabet.contains(symbol) {
                alphabet.append(symbol)
            }
        }
        alphabet = [alphabet[0]] + alphabet.dropFirst().sorted()
        width = alphabet.count
        var matrix = [Int16](repeating: Int16(StatisticalCharsetDetector.unseenPair), count: width * width)
        for (key, score) in language.scores {
            if let first = alphabet.firstIndex(of: UInt32(key >> 32)), let second = alphabet.firstIndex(of: UInt32(key & 0xFFFF_FFFF)) {
                matrix[first * width + second] = score
            }
        }
        self.matrix = matrix
        var readings = [Reading](repeating: .other, count: 256)
        var indices = [UInt8](repeating: 0, count: 256)
        for byte in 0...255 {
            let scalar = String(decoding: table.decode([UInt8(byte)]), as: UTF8.self).unicodeScalars.first
            guard let scalar else { continue }
            if scalar.properties.isAlphabetic {
                let lower = StatisticalCharsetDetector.lowercase(scalar.value)
                readings[byte] = (0x400...0x52F).contains(lower) ? .cyrillicLetter : .latinLetter
                indices[byte] = alphabet.firstIndex(of: lower).map { UInt8(truncatingIfNeeded: $0) } ?? Self.unknown
            } else if byte >= 0x80 {
                readings[byte] = StatisticalCharsetDetector.isImplausible(scalar.value) ? .implausible : .punctuation
            }
        }
        self.readings = readings
        self.indices = indices
    }

    /// Average score per scored pair (100 · log10 units), or nil when no byte is beyond ASCII.
    func score(_ bytes: [UInt8]) -> Double? {
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
                } else if index == Self.unknown || previousIndex == Self.unknown {
                    total += StatisticalCharsetDetector.unseenPair
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
}
