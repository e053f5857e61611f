/// The page record: the contract downstream databases read (see `Schemas/page-record.schema.json`).
///
/// - Important: Any incompatible change bumps ``PageRecord/currentSchemaVersion`` and the JSON Schema.
public struct PageRecord: Sendable, Codable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var pageID: PageID
    public var source: SourceRef
    public var encoding: EncodingInfo?
    public var title: String?
    public var published: String?
    public var publishedSource: String?
    public var modified: String?
    public var author: String?
    public var siteName: String?
    public var language: LanguageInfo?
    public var text: String
    public var entities: [Entity]
    public var events: [EventRecord]
    public var warnings: [StageWarning]
    public var pipeline: PipelineInfo

    public init(document: Document, pipeline: PipelineInfo) {
        schemaVersion = Self.currentSchemaVersion
        pageID = document.id
        source = document.source
        encoding = document.encoding
        title = document.title
        published = document.published?.value
        publishedSource = document.published?.source
        modified = document.modified?.value
        author = document.author
        siteName = document.siteName
        language = document.language
        text = document.text ?? ""
        entities = document.entities
        events = document.events
        warnings = document.warnings
        self.pipeline = pipeline
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case pageID = "page_id"
        case source, encoding, title, published
        case publishedSource = "published_source"
        case modified, author
        case siteName = "site_name"
        case language, text, entities, events, warnings, pipeline
    }
}
