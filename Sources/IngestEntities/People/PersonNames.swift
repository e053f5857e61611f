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

    init(table: String) {
        var kinds: [String: Kinds] = [:]
        for line in table.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            var found: Kinds = []
            for letter in line[line.index(after: tab)...] {
                if letter == "g" { found.insert(.given) }
                if letter == "s" { found.insert(.surname) }
            }
            kinds[String(line[..<tab])] = found
        }
        self.kinds = kinds
    }

    /// What a folded word is as a name: empty when it is neither a given name nor a surname.
    func kinds(of key: String) -> Kinds { kinds[key] ?? [] }
}
