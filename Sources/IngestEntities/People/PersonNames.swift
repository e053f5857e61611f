/// Given names and surnames by folded key (``Gazetteer/fold(_:)``), with their Polish and Ukrainian
/// inflected forms: many towns share a name with people ("Marek", "Mary", "Владимир", "Иванов"), so the
/// places rule asks these before taking such a word for a town, and the people rule takes a given name and a
/// surname for a person.
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

    /// Reads the table by its bytes (``GeneratedTable``).
    init(table: String) {
        var kinds: [String: Kinds] = [:]
        let lines = GeneratedTable.lines(table)
        kinds.reserveCapacity(lines.count)
        for line in lines {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            var found: Kinds = []
            for letter in line[(tab + 1)...] {
                if letter == UInt8(ascii: "g") { found.insert(.given) }
                if letter == UInt8(ascii: "s") { found.insert(.surname) }
            }
            kinds[GeneratedTable.string(line[..<tab])] = found
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
