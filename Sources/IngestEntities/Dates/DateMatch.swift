/// A date or range the date rules found, before it becomes an ``Entity``: which tokens it covers and
/// what it means.
struct DateMatch: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case date(PartialDate)
        case range(PartialDate, PartialDate)
    }

    /// Token indices, half-open.
    var first: Int
    var end: Int
    var value: Value
    var confidence: Double
    /// The year came from the page's own date, not from the text.
    var yearInferred = false
    /// Resolved against the page's date ("yesterday").
    var relative = false
}
