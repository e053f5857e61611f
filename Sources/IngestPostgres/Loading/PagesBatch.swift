import IngestSinks

/// The `pages` rows of a batch, each stamped with the run that writes it as both its first and its
/// changing run (a merge keeps a stored page's first run).
struct PagesBatch: BatchTable {
    let pages: ArraySlice<PageRows>
    let runID: String

    static let columns: [BatchColumn] = [
        .text("page_id"), .text("url"), .text("sha256"), .text("title"), .text("published"), .text("language"),
        .text("text"), .integer("schema_version"), .json("record_json"), .text("record_sha256"), .text("first_run_id"),
        .text("changed_run_id"),
    ]

    static let staging = StagingTable("stage_pages", copying: "pages", columns: columns)

    var rowCount: Int { pages.count }

    func encode<Encoder: BatchRowEncoder>(into encoder: inout Encoder) {
        for page in pages {
            encoder.text(page.pageID)
            encoder.text(page.url)
            encoder.text(page.sha256)
            encoder.text(page.title)
            encoder.text(page.published)
            encoder.text(page.language)
            encoder.text(page.text)
            encoder.integer(page.schemaVersion)
            encoder.utf8(page.storedJSON)
            encoder.text(page.recordSHA256)
            encoder.text(runID)
            encoder.text(runID)
            encoder.endRow()
        }
    }
}
