/// A publication date as the page states it, with where it was found, so downstream users can weigh
/// a JSON-LD `datePublished` above a loose dateline.
public struct PublishedDate: Sendable, Equatable {
    /// ISO 8601: a date (`2023-11-28`) or a date-time with offset, as precise as the source gives.
    public var value: String
    /// E.g. `meta:article:published_time`, `json-ld:datePublished`, `time[datetime]`.
    public var source: String

    public init(value: String, source: String) {
        self.value = value
        self.source = source
    }
}
