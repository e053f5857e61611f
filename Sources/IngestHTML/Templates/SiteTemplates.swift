/// Text blocks that repeat across the pages of one site in a batch: the site's template (menus, footers,
/// "partners" lines, standard captions) that markup alone did not give away.
///
/// Learned once per run by ``TemplateLearner`` and then read-only, so every worker shares one value.
public struct SiteTemplates: Sendable, Equatable {
    /// Block fingerprints by site key.
    public private(set) var fingerprints: [String: Set<UInt64>]

    public init(fingerprints: [String: Set<UInt64>] = [:]) {
        self.fingerprints = fingerprints
    }

    public static let none = SiteTemplates()

    public var isEmpty: Bool { fingerprints.values.allSatisfy(\.isEmpty) }

    func blocks(ofSite site: String) -> Set<UInt64>? {
        fingerprints[site]
    }

    /// The fingerprint of a block's text: FNV-1a over its whitespace-collapsed UTF-8.
    static func fingerprint(_ text: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
