/// An event as the page's own structured data (schema.org `Event` in JSON-LD) describes it: strong
/// evidence for the events stage, because the site stated it explicitly.
public struct StructuredEvent: Sendable, Equatable, Codable {
    public var name: String?
    /// ISO 8601, as precise as given.
    public var start: String?
    public var end: String?
    /// The venue's name, e.g. "International Convention Centre".
    public var venue: String?
    public var locality: String?
    /// As the page gives it: an ISO code or a name.
    public var country: String?
    /// `online`, `offline` or `hybrid`, from `eventAttendanceMode` or a virtual location.
    public var attendance: String?
    public var organisers: [String]
    public var url: String?

    public init(
        name: String? = nil, start: String? = nil, end: String? = nil, venue: String? = nil, locality: String? = nil,
        country: String? = nil, attendance: String? = nil, organisers: [String] = [], url: String? = nil
    ) {
        self.name = name
        self.start = start
        self.end = end
        self.venue = venue
        self.locality = locality
        self.country = country
        self.attendance = attendance
        self.organisers = organisers
        self.url = url
    }
}
