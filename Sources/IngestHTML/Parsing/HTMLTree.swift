/// A parsed page as three flat arrays: nodes, the attributes strip reads, and one store for all text and
/// attribute bytes. It is the tree libxml2's own tree builder would make (see ``TreeBuilder``), without a
/// heap object per node, attribute and string.
struct HTMLTree {
    var nodes: [HTMLNode] = []
    var attributes: [HTMLAttribute] = []
    var bytes: [UInt8] = []
    /// The first element at the top of the document, where libxml2's tree has its root; -1 for none.
    var root: Int32 = -1

    /// A text node's bytes, or an attribute's value.
    func bytes(start: Int32, count: Int32) -> ArraySlice<UInt8> {
        bytes[Int(start)..<Int(start + count)]
    }

    /// The attributes of an element.
    func attributes(of element: Int32) -> ArraySlice<HTMLAttribute> {
        let node = nodes[Int(element)]
        return attributes[Int(node.start)..<Int(node.start + node.count)]
    }
}
