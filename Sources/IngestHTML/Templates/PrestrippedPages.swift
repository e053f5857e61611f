public import IngestCore

/// Pages the template pre-pass already stripped, kept so the run does not parse them a second time.
///
/// A sampled page is kept only while it fits a fixed byte budget, so the memory this takes does not grow
/// with the input; pages past it are stripped again as usual. Once templates are learned, a kept page that
/// any of its site's template blocks touches is let go: the run must strip it with the templates. What
/// remains is read-only for the whole run, shared by every worker like ``SiteTemplates``.
public struct PrestrippedPages: Sendable {
    struct Entry: Sendable {
        /// The input the page was stripped from, checked again before the page is used for a document.
        var url: String
        var contentType: String?
        var bytes: Int
        var sha256: String
        var site: String
        /// Every block's fingerprint; needed only until templates are learned.
        var blocks: [UInt64]
        var page: StrippedPage
        var cost: Int
    }

    /// The most this keeps, estimated from the text it holds.
    public let budgetBytes: Int
    public private(set) var usedBytes = 0
    private var entries: [PageID: Entry] = [:]

    public init(budgetBytes: Int) {
        self.budgetBytes = budgetBytes
    }

    public static let none = PrestrippedPages(budgetBytes: 0)

    public var count: Int { entries.count }

    /// Whether another page may still fit; checked before the pre-pass builds a page, so no work is spent
    /// on one that could not be kept.
    public func hasRoom() -> Bool {
        usedBytes < budgetBytes
    }

    /// Keeps the stripped page of `document` if it fits the budget.
    public mutating func keep(_ sampled: SampledPage, of document: Document, site: String) {
        guard let page = sampled.page, entries[document.id] == nil else { return }
        let cost = Self.cost(of: page, blocks: sampled.blocks.count, url: document.source.url)
        guard usedBytes + cost <= budgetBytes else { return }
        usedBytes += cost
        entries[document.id] = Entry(
            url: document.source.url, contentType: document.headers["content-type"], bytes: document.raw.count,
            sha256: document.source.sha256, site: site, blocks: Array(sampled.blocks), page: page, cost: cost)
    }

    /// Lets go of the pages that `templates` would change, and of the block fingerprints no longer needed.
    public mutating func settle(with templates: SiteTemplates) {
        for (id, entry) in entries {
            if let site = templates.blocks(ofSite: entry.site), entry.blocks.contains(where: site.contains) {
                entries[id] = nil
                usedBytes -= entry.cost
            } else {
                entries[id]?.blocks = []
            }
        }
    }

    /// The kept page for `document`, when it was read from the same bytes under the same URL and content type.
    public func page(for document: Document) -> StrippedPage? {
        guard let entry = entries[document.id], entry.bytes == document.raw.count, entry.sha256 == document.source.sha256,
            entry.url == document.source.url, entry.contentType == document.headers["content-type"]
        else { return nil }
        return entry.page
    }

    /// Bytes of heap a kept page holds, roughly: its strings, its block fingerprints and fixed overheads.
    static func cost(of page: StrippedPage, blocks: Int, url: String) -> Int {
        let strings = [page.title, page.author, page.siteName].reduce(page.text.utf8.count) { $0 + ($1?.utf8.count ?? 0) }
        return 512 + strings + url.utf8.count * 2 + blocks * 8 + page.structuredEvents.count * 512
    }
}
