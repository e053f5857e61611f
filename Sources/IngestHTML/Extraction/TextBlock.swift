/// A run of text between two block boundaries: a paragraph, heading, list item or table cell.
struct TextBlock {
    enum Kind: Equatable {
        case paragraph
        case heading(level: Int)
        case listItem
        case cell
    }

    /// Whitespace-collapsed UTF-8.
    var text: [UInt8]
    var scalars: Int
    /// Scalars inside links.
    var linkScalars: Int
    var kind: Kind
    /// The element record the text belongs to: its innermost block-level element.
    var owner: Int32
    /// The list (for list items) or table (for cells) the block belongs to, or -1.
    var group: Int32
    /// The row element of a cell, or -1.
    var row: Int32
    /// A figure caption that only repeats its image's file name ("2023Iasi 0249" under 2023Iasi-0249.jpg).
    var isFileNameCaption = false
    /// Text of a `<figcaption>`: it describes a picture, not the story.
    var isCaption = false
    /// Text that repeats across the site's pages in this batch (see ``SiteTemplates``).
    var isTemplate = false

    var linkDensity: Double { scalars == 0 ? 0 : Double(linkScalars) / Double(scalars) }

    var commas: Int { text.reduce(0) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) } }
}
