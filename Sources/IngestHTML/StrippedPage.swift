public import IngestCore

/// What strip gets out of one page.
public struct StrippedPage: Sendable, Equatable {
    public var charset: CharsetDecision
    public var title: String?
    /// Main content: headings, paragraphs, list items and table rows as lines, paragraphs separated by
    /// a blank line.
    public var text: String
    public var published: PublishedDate?
    public var modified: PublishedDate?
    public var author: String?
    public var siteName: String?
    public var structuredEvents: [StructuredEvent]
    public var elementCount: Int
}
