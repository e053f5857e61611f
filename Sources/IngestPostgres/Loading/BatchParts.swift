import IngestSinks

/// Splits a batch's pages into the parts each statement or copy loads.
///
/// PostgreSQL refuses a message of 1 GB or more, and one statement binding a whole column of a thousand
/// long pages, or one copy of all their rows, could come near it. Loading a batch's tables part by part
/// (all within its one transaction) keeps every message far below that and bounds what one part's
/// encoding holds in memory.
enum BatchParts {
    /// The most bytes of values one part carries, unless one page alone has more.
    static let defaultLimit = 64 << 20

    /// `pages` in consecutive parts whose values add up to at most `limit` bytes; a page with more than
    /// that is a part of its own.
    static func split(_ pages: [PageRows], limit: Int) -> [ArraySlice<PageRows>] {
        var parts: [ArraySlice<PageRows>] = []
        var start = pages.startIndex
        var bytes = 0
        for index in pages.indices {
            let size = valueBytes(of: pages[index])
            if index > start && bytes + size > limit {
                parts.append(pages[start..<index])
                start = index
                bytes = 0
            }
            bytes += size
        }
        if start < pages.endIndex { parts.append(pages[start...]) }
        return parts
    }

    /// The bytes of a page's long values, in every table it fills: what makes a part large.
    static func valueBytes(of page: PageRows) -> Int {
        page.text.utf8.count + page.storedJSON.count + page.url.utf8.count
            + page.entities.reduce(0) { $0 + $1.text.utf8.count + $1.normalisedJSON.count }
            + page.events.reduce(0) { $0 + $1.json.count }
    }
}
