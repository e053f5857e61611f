import IngestSinks

/// The `entities` rows of a batch's pages.
struct EntitiesBatch: BatchTable {
    let pages: ArraySlice<PageRows>

    static let columns: [BatchColumn] = [
        .text("page_id"), .integer("ordinal"), .text("type"), .text("text"), .integer("span_start"), .integer("span_end"),
        .json("normalised"), .real("confidence"),
    ]

    static let staging = StagingTable("stage_entities", copying: "entities", columns: columns)

    var rowCount: Int { pages.reduce(0) { $0 + $1.entities.count } }

    func encode<Encoder: BatchRowEncoder>(into encoder: inout Encoder) {
        for page in pages {
            for entity in page.entities {
                encoder.text(page.pageID)
                encoder.integer(entity.ordinal)
                encoder.text(entity.type)
                encoder.text(entity.text)
                encoder.integer(entity.spanStart)
                encoder.integer(entity.spanEnd)
                encoder.utf8(entity.normalisedJSON)
                encoder.real(entity.confidence)
                encoder.endRow()
            }
        }
    }
}
