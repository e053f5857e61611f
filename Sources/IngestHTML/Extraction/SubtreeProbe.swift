/// Bounded looks inside a subtree, for the decisions the walk makes before entering an element (is this
/// "menu" really an unclosed wrapper around the article?). Each look visits at most ``nodeLimit`` nodes,
/// so it costs a constant per element and the walk stays linear.
enum SubtreeProbe {
    static let nodeLimit = 20_000

    enum Step {
        case descend, skipChildren, stop
    }

    /// Visits the descendants of `element` in document order; `inLink` says whether an `<a>` encloses the node.
    static func visit(_ element: Int32, in tree: HTMLTree, _ body: (_ node: HTMLNode, _ inLink: Bool) -> Step) {
        var stack: [(node: Int32, inLink: Bool)] = []
        let first = tree.nodes[Int(element)].firstChild
        if first >= 0 { stack.append((first, false)) }
        var visited = 0
        while let (index, inLink) = stack.popLast(), visited < nodeLimit {
            visited += 1
            let node = tree.nodes[Int(index)]
            if node.next >= 0 { stack.append((node.next, inLink)) }
            switch body(node, inLink) {
            case .stop: return
            case .skipChildren: continue
            case .descend:
                guard node.firstChild >= 0 else { continue }
                stack.append((node.firstChild, inLink || (node.kind == .element && node.tag == .a)))
            }
        }
    }

    /// Whether an element that looks like furniture actually wraps the page's content: it holds an
    /// `article` or `main`, or at least `paragraphs` runs of prose (text nodes of 80 or more characters
    /// outside links, whatever element holds them).
    static func wrapsContent(_ element: Int32, in tree: HTMLTree, paragraphs wanted: Int) -> Bool {
        var paragraphs = 0
        var wraps = false
        visit(element, in: tree) { node, _ in
            switch node.kind {
            case .element:
                if node.tag == .article || node.tag == .main {
                    wraps = true
                    return .stop
                }
                return node.tag == .a ? .skipChildren : .descend
            case .text:
                if visibleCharacters(tree.bytes(start: node.start, count: node.count), upTo: 80) >= 80 {
                    paragraphs += 1
                    if paragraphs >= wanted {
                        wraps = true
                        return .stop
                    }
                }
                return .skipChildren
            case .cdata, .other:
                return .skipChildren
            }
        }
        return wraps
    }

    /// Whether an element's text is mostly link text, or there is none: a list of links, a search box.
    static func isLinkDominated(_ element: Int32, in tree: HTMLTree) -> Bool {
        var text = 0
        var linkText = 0
        visit(element, in: tree) { node, inLink in
            switch node.kind {
            case .element:
                return node.tag == .script || node.tag == .style ? .skipChildren : .descend
            case .text:
                let count = visibleCharacters(tree.bytes(start: node.start, count: node.count), upTo: .max)
                text += count
                if inLink { linkText += count }
                return .skipChildren
            case .cdata, .other:
                return .skipChildren
            }
        }
        return text == 0 || linkText * 2 >= text
    }

    /// The text under a node, for titles and script bodies, up to `limit` bytes.
    static func text(of element: Int32, in tree: HTMLTree, limit: Int) -> String {
        var bytes: [UInt8] = []
        visit(element, in: tree) { node, _ in
            guard node.kind == .text || node.kind == .cdata else { return .descend }
            bytes.append(contentsOf: tree.bytes(start: node.start, count: node.count).prefix(limit - bytes.count))
            return bytes.count < limit ? .skipChildren : .stop
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Characters of a text node besides whitespace, counting no further than `limit`.
    private static func visibleCharacters(_ text: ArraySlice<UInt8>, upTo limit: Int) -> Int {
        var count = 0
        for byte in text where byte & 0xC0 != 0x80 && byte > 0x20 {
            count += 1
            if count >= limit { break }
        }
        return count
    }
}
