/// Counts, per site, on how many pages each text block appears, over a bounded sample of the batch:
/// the first `pagesPerSite` pages of each site in input order, so a run (or each shard of a sharded run)
/// learns the same templates every time and the cost stays a small fraction of the run.
public struct TemplateLearner: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// Pages sampled per site.
        public var pagesPerSite: Int
        /// A block is template when it is on at least this many sampled pages…
        public var minimumPages: Int
        /// …and on at least this share of them.
        public var minimumShare: Double

        public init(pagesPerSite: Int = 20, minimumPages: Int = 3, minimumShare: Double = 0.5) {
            self.pagesPerSite = pagesPerSite
            self.minimumPages = minimumPages
            self.minimumShare = minimumShare
        }
    }

    public let configuration: Configuration
    private var pages: [String: Int] = [:]
    private var counts: [String: [UInt64: Int]] = [:]

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Whether the sample for `site` still takes pages.
    public func wants(site: String) -> Bool {
        pages[site, default: 0] < configuration.pagesPerSite
    }

    public mutating func add(site: String, blocks: Set<UInt64>) {
        guard wants(site: site) else { return }
        pages[site, default: 0] += 1
        for block in blocks { counts[site, default: [:]][block, default: 0] += 1 }
    }

    public var templates: SiteTemplates {
        var fingerprints: [String: Set<UInt64>] = [:]
        for (site, sampled) in pages where sampled >= configuration.minimumPages {
            let needed = max(configuration.minimumPages, Int((Double(sampled) * configuration.minimumShare).rounded(.up)))
            let repeated = counts[site, default: [:]].filter { $0.value >= needed }.keys
            if !repeated.isEmpty { fingerprints[site] = Set(repeated) }
        }
        return SiteTemplates(fingerprints: fingerprints)
    }
}
