/// Given names and surnames by folded key (``Gazetteer/fold(_:)``), with their Polish and Ukrainian
/// inflected forms: many towns share a name with people ("Marek", "Mary", "Владимир", "Иванов"), and the
/// places rule asks these before taking such a word for a town.
///
/// Parsed once per process from the generated table (Scripts/build-person-names.py).
struct PersonNames: Sendable {
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt8
        static let given = Kinds(rawValue: 1)
        static let surname = Kinds(rawValue: 2)
    }

    private let kinds: [String: Kinds]

    static let shared = PersonNames(table: PersonNameData.table)

    /// Reads the table's UTF-8 bytes: it has some 50,000 lines, and splitting it as `Character`s took most
    /// of the entities stage's start-up.
    init(table: String) {
        var kinds: [String: Kinds] = [:]
        var table = table
        table.withUTF8 { bytes in
            kinds.reserveCapacity(bytes.count / 16)
            var lineStart = 0
            var tab = -1
            var found: Kinds = []
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                switch byte {
                case UInt8(ascii: "\t"): tab = index
                case UInt8(ascii: "g") where tab >= 0: found.insert(.given)
                case UInt8(ascii: "s") where tab >= 0: found.insert(.surname)
                case UInt8(ascii: "\n"):
                    if tab > lineStart {
                        kinds[String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tab]), as: UTF8.self)] = found
                    }
                    lineStart = index + 1
                    tab = -1
                    found = []
                default: break
                }
            }
        }
        self.kinds = kinds
    }

    /// What a folded word is as a name: empty when it is neither a given name nor a surname.
    func kinds(of key: String) -> Kinds { kinds[key] ?? [] }

    /// What token `index` of `t` is as a name; a capitalised word only.
    func kinds(_ t: TokenList, _ index: Int) -> Kinds {
        guard t[index].kind == .word, t[index].isCapitalised else { return [] }
        var buffer: [UInt32] = []
        return kinds(of: Gazetteer.key(t, index, buffer: &buffer))
    }
}
