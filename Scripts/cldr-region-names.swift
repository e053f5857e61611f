// Prints the CLDR name of every ISO 3166-1 region in English, Bulgarian, Polish and Ukrainian, as
// Foundation's ICU gives them: one line per region, `code<TAB>en<TAB>bg<TAB>pl<TAB>uk`. Run by
// Scripts/build-gazetteer.py; the gazetteer takes country names from here and from Debian's iso-codes.
import Foundation

let codes = CommandLine.arguments.dropFirst()
let locales = ["en", "bg", "pl", "uk"].map { Locale(identifier: $0) }
for code in codes {
    let names = locales.map { $0.localizedString(forRegionCode: code) ?? "" }
    print(([code] + names).joined(separator: "\t"))
}
