/// Everything one walk over a parsed page yields: the block elements, the text blocks in document
/// order, and the metadata. Plain values: no libxml2 pointer survives the walk.
struct PageWalk {
    var elements: [ElementRecord]
    var blocks: [TextBlock]
    var metadata: PageMetadata
    var elementCount: Int
}
