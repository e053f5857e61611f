/// One table's rows out of one batch, described once for every load method: the columns the rows fill,
/// in order, the session's staging copy of the table, and the rows themselves written through any
/// ``BatchRowEncoder``.
protocol BatchTable: Sendable {
    static var columns: [BatchColumn] { get }
    static var staging: StagingTable { get }
    var rowCount: Int { get }
    func encode<Encoder: BatchRowEncoder>(into encoder: inout Encoder)
}
