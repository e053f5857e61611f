/// One node of a parsed page: plain values in one array, linked by index, so the walk over a page reads
/// contiguous memory and nothing is freed node by node afterwards.
struct HTMLNode {
    enum Kind: UInt8 {
        case element
        case text
        /// The body of a `script` or `style`, which libxml2 reports apart from text.
        case cdata
        /// A comment or processing instruction: no text, but it separates the text around it.
        case other
    }

    var kind: Kind
    /// For elements; `.other` for anything else.
    var tag: HTMLTag
    /// -1 for the nodes at the top of the document.
    var parent: Int32
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var next: Int32 = -1
    /// Text and CDATA: where the bytes sit in the tree's byte store. Elements: their attributes' range in
    /// the tree's attribute list.
    var start: Int32
    var count: Int32
}
