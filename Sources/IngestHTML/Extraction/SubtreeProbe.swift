import CLibXML2

/// Bounded looks inside a subtree, for the decisions the walk makes before entering an element (is this
/// "menu" really an unclosed wrapper around the article?). Each look visits at most ``nodeLimit`` nodes,
/// so it costs a constant per element and the walk stays linear.
enum SubtreeProbe {
    static let nodeLimit = 20_000

    enum Step {
        case descend, skipChildren, stop
    }

    /// Visits the descendants of `element` in document order; `inLink` says whether an `<a>` encloses the node.
    static func visit(_ element: xmlNodePtr, _ body: (_ node: xmlNodePtr, _ inLink: Bool) -> Step) {
        var stack: [(node: xmlNodePtr, inLink: Bool)] = []
        if let child = element.pointee.children { stack.append((child, false)) }
        var visited = 0
        while let (node, inLink) = stack.popLast(), visited < nodeLimit {
            visited += 1
            if let next = node.pointee.next { stack.append((next, inLink)) }
            switch body(node, inLink) {
            case .stop: return
            case .skipChildren: continue
            case .descend:
                guard let child = node.pointee.children else { continue }
                let isLink = node.pointee.type == XML_ELEMENT_NODE && node.pointee.name.map { HTMLTag.lookup($0) == .a } == true
                stack.append((child, inLink || isLink))
            }
        }
    }

    /// Whether an element that looks like furniture actually wraps the page's content: it holds an
    /// `article` or `main`, or at least `paragraphs` runs of prose (text nodes of 80 or more characters
    /// outside links, whatever element holds them).
    static func wrapsContent(_ element: xmlNodePtr, paragraphs wanted: Int) -> Bool {
        var paragraphs = 0
        var wraps = false
        visit(element) { node, _ in
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                guard let name = node.pointee.name else { return .skipChildren }
                let tag = HTMLTag.lookup(name)
                if tag == .article || tag == .main {
                    wraps = true
                    return .stop
                }
                return tag == .a ? .skipChildren : .descend
            case XML_TEXT_NODE:
                if let content = node.pointee.content, visibleCharacters(content, upTo: 80) >= 80 {
                    paragraphs += 1
                    if paragraphs >= wanted {
                        wraps = true
                        return .stop
                    }
                }
                return .skipChildren
            default:
                return .skipChildren
            }
        }
        return wraps
    }

    /// Whether an element's text is mostly link text, or there is none: a list of links, a search box.
    static func isLinkDominated(_ element: xmlNodePtr) -> Bool {
        var text = 0
        var linkText = 0
        visit(element) { node, inLink in
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                guard let name = node.pointee.name else { return .skipChildren }
                let tag = HTMLTag.lookup(name)
                return tag == .script || tag == .style ? .skipChildren : .descend
            case XML_TEXT_NODE:
                guard let content = node.pointee.content else { return .skipChildren }
                let count = visibleCharacters(content, upTo: .max)
                text += count
                if inLink { linkText += count }
                return .skipChildren
            default:
                return .skipChildren
            }
        }
        return text == 0 || linkText * 2 >= text
    }

    /// The text under a node, for titles and script bodies, up to `limit` bytes.
    static func text(of element: xmlNodePtr, limit: Int) -> String {
        var bytes: [UInt8] = []
        visit(element) { node, _ in
            guard node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE else { return .descend }
            guard let content = node.pointee.content else { return .skipChildren }
            var index = 0
            while content[index] != 0, bytes.count < limit {
                bytes.append(content[index])
                index += 1
            }
            return bytes.count < limit ? .skipChildren : .stop
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Characters of a text node besides whitespace, counting no further than `limit`.
    private static func visibleCharacters(_ text: UnsafePointer<UInt8>, upTo limit: Int) -> Int {
        var count = 0
        var index = 0
        while text[index] != 0, count < limit {
            let byte = text[index]
            if byte & 0xC0 != 0x80, byte > 0x20 { count += 1 }
            index += 1
        }
        return count
    }
}
