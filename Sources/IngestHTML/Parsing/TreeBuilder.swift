import CLibXML2

/// Builds an ``HTMLTree`` from libxml2's SAX events, following the rules of libxml2's own SAX2 tree
/// builder, so the tree is the one `htmlReadMemory` would return:
///
/// - adjacent text reported in pieces (around entities, every 1000 bytes) is one text node, and so are
///   adjacent CDATA pieces; a comment between two pieces keeps them apart;
/// - text outside every element is dropped;
/// - an element opened outside every element becomes the document's root when the document has no node
///   yet; after that it is appended to the root when the document's first node is the root, and placed
///   beside it otherwise (after a doctype, whose node libxml2 puts first);
/// - attributes are copied only when strip reads them.
///
/// The HTML parser itself never looks at the tree it builds when it decides what to report: whitespace
/// goes to the same callback whether libxml2 would call it ignorable or not, since blanks are kept.
struct TreeBuilder {
    private(set) var tree = HTMLTree()
    /// Whether libxml2 started a document, which it does for any input it can read.
    private(set) var started = false
    private var open: [Int32] = []
    private var documentHasNodes = false
    private var firstDocumentNodeIsRoot = false

    init(capacityHint bytes: Int) {
        tree.nodes.reserveCapacity(bytes / 40)
        tree.bytes.reserveCapacity(bytes / 2)
    }

    mutating func startDocument() {
        started = true
    }

    mutating func startElement(_ name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let index = Int32(tree.nodes.count)
        let attributeStart = Int32(tree.attributes.count)
        if let attributes {
            var position = 0
            while let attributeName = attributes[position] {
                let name = AttributeName(attributeName)
                if name != .other {
                    let start = Int32(tree.bytes.count)
                    if let value = attributes[position + 1] {
                        var length = 0
                        while value[length] != 0 { length += 1 }
                        tree.bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: length))
                    }
                    tree.attributes.append(HTMLAttribute(name: name, start: start, count: Int32(tree.bytes.count) - start))
                }
                position += 2
            }
        }
        let node = HTMLNode(
            kind: .element, tag: HTMLTag.lookup(name), parent: -1, start: attributeStart,
            count: Int32(tree.attributes.count) - attributeStart)
        if let parent = open.last {
            append(node, to: parent)
        } else if !documentHasNodes {
            documentHasNodes = true
            firstDocumentNodeIsRoot = true
            tree.nodes.append(node)
            tree.root = index
        } else if firstDocumentNodeIsRoot {
            append(node, to: tree.root)
        } else {
            tree.nodes.append(node)
            if tree.root < 0 { tree.root = index }
        }
        open.append(index)
    }

    mutating func endElement() {
        _ = open.popLast()
    }

    mutating func text(_ characters: UnsafePointer<UInt8>, count: Int, kind: HTMLNode.Kind) {
        guard let parent = open.last, count > 0 else { return }
        let last = tree.nodes[Int(parent)].lastChild
        tree.bytes.append(contentsOf: UnsafeBufferPointer(start: characters, count: count))
        if last >= 0, tree.nodes[Int(last)].kind == kind {
            // The last child's bytes end the store: anything added since would be a later child.
            tree.nodes[Int(last)].count += Int32(count)
            return
        }
        append(
            HTMLNode(kind: kind, tag: .other, parent: -1, start: Int32(tree.bytes.count - count), count: Int32(count)),
            to: parent)
    }

    /// A comment or processing instruction.
    mutating func marker() {
        let node = HTMLNode(kind: .other, tag: .other, parent: -1, start: 0, count: 0)
        if let parent = open.last {
            append(node, to: parent)
        } else {
            if !documentHasNodes { documentHasNodes = true }
            tree.nodes.append(node)
        }
    }

    /// A doctype, which libxml2 places first in the document.
    mutating func doctype() {
        documentHasNodes = true
        firstDocumentNodeIsRoot = false
    }

    private mutating func append(_ node: HTMLNode, to parent: Int32) {
        var node = node
        node.parent = parent
        let index = Int32(tree.nodes.count)
        tree.nodes.append(node)
        let last = tree.nodes[Int(parent)].lastChild
        if last >= 0 {
            tree.nodes[Int(last)].next = index
        } else {
            tree.nodes[Int(parent)].firstChild = index
        }
        tree.nodes[Int(parent)].lastChild = index
    }
}
