import IngestSinks

/// The `event_pages` rows of a batch's pages: which events each page reports, and as what.
struct EventLinksBatch: BatchTable {
    let pages: ArraySlice<PageRows>

    static let columns: [BatchColumn] = [.text("event_id"), .text("page_id"), .json("event_json"), .text("event_sha256")]

    static let staging = StagingTable("stage_links", copying: "event_pages", columns: columns)

    var rowCount: Int { pages.reduce(0) { $0 + $1.events.count } }

    func encode<Encoder: BatchRowEncoder>(into encoder: inout Encoder) {
        for page in pages {
            for link in page.events {
                encoder.text(link.eventID)
                encoder.text(page.pageID)
                encoder.utf8(link.json)
                encoder.text(link.sha256)
                encoder.endRow()
            }
        }
    }
}
