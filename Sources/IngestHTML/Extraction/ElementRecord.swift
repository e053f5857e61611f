/// What the walk keeps of one block-level element: its place in the tree and the text under it.
/// Indices are in document order, so an element's subtree is the index range `index...subtreeEnd`.
struct ElementRecord {
    var tag: HTMLTag
    var parent: Int32
    var subtreeEnd: Int32
    /// Scalars of kept text in the subtree, and how many of them are link text.
    var scalars: Int = 0
    var linkScalars: Int = 0
    /// From class and id: positive for names like `article-body`, negative for `meta` or `promo`.
    var classWeight: Int8
    /// Inside an `article` or `main` element (or role=main), where a bare `<time>` is the page's own date.
    var inArticle: Bool
}
