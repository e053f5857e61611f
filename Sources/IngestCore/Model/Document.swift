/// A page as it travels through the pipeline: a value, copied between stages, each adding what it owns.
public struct Document: Sendable {
    public var id: PageID
    public var source: SourceRef
    /// The bytes as read, untouched, so any stage can go back to them.
    public var raw: [UInt8]
    /// HTTP response headers (lower-cased names) when the page came over HTTP.
    public var headers: [String: String]
    public var encoding: EncodingInfo?
    /// The main content, UTF-8, paragraphs separated by a blank line.
    public var text: String?
    public var title: String?
    public var published: PublishedDate?
    /// The page's modification date when the markup gives one.
    public var modified: PublishedDate?
    /// The author or authors as the page credits them.
    public var author: String?
    /// The publishing site's own name (og:site_name, JSON-LD publisher or WebSite).
    public var siteName: String?
    /// Events the page describes in structured data, for the events stage to weigh.
    public var structuredEvents: [StructuredEvent] = []
    public var language: LanguageInfo?
    public var entities: [Entity]
    /// The places the entities stage found in the title, with spans into the title: an event page often
    /// names its city there only ("Klaster na Targach … INNOTECH 2024 w Bydgoszczy"), which the events stage
    /// weighs. Not part of the page record, whose entities all lie in its text.
    public var titlePlaces: [Entity] = []
    public var events: [EventRecord]
    public var warnings: [StageWarning]
    public var trail: [TrailEntry]
    /// What a reader that fetched the page learned for the next run's conditional request. It travels
    /// with the page to the sinks, so the database that keeps the state commits it in the same
    /// transaction as the page's rows: a crash can never leave a new ETag beside an old page (whose
    /// next fetch would then be a 304 that never rewrites it) or a new page beside an old ETag.
    public var fetchState: FetchState?

    public init(id: PageID, source: SourceRef, raw: [UInt8], headers: [String: String] = [:]) {
        self.id = id
        self.source = source
        self.raw = raw
        self.headers = headers
        self.entities = []
        self.events = []
        self.warnings = []
        self.trail = []
    }

    /// Records a warning on behalf of a stage.
    public mutating func warn(_ stage: String, code: String, _ message: String) {
        warnings.append(StageWarning(stage: stage, code: code, message: message))
    }
}
