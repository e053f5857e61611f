/// What the markup says about the page besides its text: `<title>`, meta tags, JSON-LD and `<time>`s,
/// collected during the walk and interpreted by ``MetadataReader``.
struct PageMetadata {
    struct TimeMark {
        var datetime: String
        /// `pubdate`, `itemprop=datePublished`, or a class such as `published`/`entry-date`.
        var markedAsPublication: Bool
        var inArticle: Bool
        /// The block element the `<time>` sits in, to test whether it lies in the main content.
        var owner: Int32
    }

    var documentTitle: String?
    /// Lower-cased `property`/`name`/`itemprop` → first `content` seen.
    var metas: [String: String] = [:]
    var jsonLD: [String] = []
    var times: [TimeMark] = []
}
