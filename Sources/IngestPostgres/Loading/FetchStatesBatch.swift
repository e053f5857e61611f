import IngestCore

/// The `fetch_state` rows of a batch's fetched pages.
struct FetchStatesBatch: BatchTable {
    let states: [FetchState]

    static let columns: [BatchColumn] = [
        .text("url"), .text("etag"), .text("last_modified"), .text("content_sha256"), .integer("http_status"),
        .text("fetched_at"), .text("page_id"),
    ]

    static let staging = StagingTable("stage_fetch", copying: "fetch_state", columns: columns)

    var rowCount: Int { states.count }

    func encode<Encoder: BatchRowEncoder>(into encoder: inout Encoder) {
        for state in states {
            encoder.text(state.url)
            encoder.text(state.etag)
            encoder.text(state.lastModified)
            encoder.text(state.contentSHA256)
            encoder.integer(state.httpStatus)
            encoder.text(state.fetchedAt)
            encoder.text(state.pageID?.rawValue)
            encoder.endRow()
        }
    }
}
