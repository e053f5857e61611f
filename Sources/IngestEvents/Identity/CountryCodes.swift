import Foundation

/// ISO 3166-1 alpha-2 codes from country names in the four languages, from CLDR through Foundation's
/// `Locale`, for schema.org data that gives a country by name ("Spain", "Испания", "Polska").
struct CountryCodes: Sendable {
    private let byName: [String: String]

    static let shared = CountryCodes()

    init() {
        var byName: [String: String] = [:]
        let locales = ["en", "bg", "pl", "uk"].map { Locale(identifier: $0) }
        for region in Locale.Region.isoRegions where region.identifier.count == 2 && region.identifier.allSatisfy(\.isLetter) {
            for locale in locales {
                if let name = locale.localizedString(forRegionCode: region.identifier) {
                    byName[name.lowercased()] = region.identifier
                }
            }
        }
        self.byName = byName
    }

    /// The code for a code or a name, nil when neither is known.
    func code(for value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 2, trimmed.allSatisfy({ $0.isASCII && $0.isLetter }) { return trimmed.uppercased() }
        return byName[trimmed.lowercased()]
    }
}
