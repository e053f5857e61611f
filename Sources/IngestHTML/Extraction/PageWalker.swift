import IngestCore

/// One pass over a parsed page, without recursion, so a page of 10,000 nested `div`s costs no stack.
///
/// Furniture (scripts, navigation, banners, hidden elements, share bars, comment sections…) is skipped
/// whole when first met, so its text is never even copied. What remains becomes ``TextBlock``s, and
/// every block-level element records its subtree's text and link text for the content selector.
struct PageWalker {
    private(set) var elements: [ElementRecord] = []
    private(set) var blocks: [TextBlock] = []
    private(set) var metadata = PageMetadata()
    private var elementCount = 0
    private let maxElements: Int

    private var buffer = TextBuffer()
    /// Open block elements: record index and the kind of text inside.
    private var openBlocks: [(index: Int32, kind: TextBlock.Kind, group: Int32, row: Int32)] = []
    private var openLists: [Int32] = []
    private var openTables: [Int32] = []
    private var openRows: [Int32] = []
    private var linkDepth = 0
    private var articleDepth = 0
    private var sectionDepth = 0
    /// Record indices that opened an article (or main) and a sectioning element, to undo depth on exit.
    private var opensArticle: Set<Int32> = []
    private var opensSection: Set<Int32> = []
    /// File names of the images in the open `<figure>`s, letters and digits only, lower case.
    private var figureImageNames: [[UInt8]] = []
    private var figureDepth = 0
    /// Class and id values repeat across a page ("menu-item menu-item-type-post_type"…): read each once.
    private var verdicts: [String: BoilerplateRules.Verdict] = [:]

    init(maxElements: Int) {
        self.maxElements = maxElements
    }

    var result: PageWalk {
        PageWalk(elements: elements, blocks: blocks, metadata: metadata, elementCount: elementCount)
    }

    mutating func walk(_ tree: HTMLTree) throws(StageError) {
        let root = tree.root
        guard root >= 0 else { return }
        try tree.bytes.withUnsafeBufferPointer { (text) throws(StageError) in
            var next = root
            while next >= 0 {
                let node = next
                let current = tree.nodes[Int(node)]
                var descended = false
                switch current.kind {
                case .element:
                    descended = try enter(node, in: tree)
                case .text, .cdata:
                    if !openBlocks.isEmpty {
                        buffer.append(UnsafeBufferPointer(rebasing: text[Int(current.start)..<Int(current.start + current.count)]), inLink: linkDepth > 0)
                    }
                case .other:
                    break
                }
                if descended, current.firstChild >= 0 {
                    next = current.firstChild
                    continue
                }
                if descended { exit(current.tag) }
                var cursor = node
                next = -1
                while cursor != root {
                    let sibling = tree.nodes[Int(cursor)].next
                    if sibling >= 0 {
                        next = sibling
                        break
                    }
                    let parent = tree.nodes[Int(cursor)].parent
                    guard parent >= 0 else { break }
                    cursor = parent
                    exit(tree.nodes[Int(cursor)].tag)
                }
            }
        }
        flush()
    }

    /// Handles an element's start; returns whether to walk into it.
    private mutating func enter(_ node: Int32, in tree: HTMLTree) throws(StageError) -> Bool {
        elementCount += 1
        if elementCount > maxElements {
            throw StageError(.tooLarge, "the page has more than \(maxElements) elements (the max_elements limit)")
        }
        let tag = tree.nodes[Int(node)].tag
        let attributes = ElementAttributes(tree, element: node)

        switch tag {
        case .title:
            if metadata.documentTitle == nil { metadata.documentTitle = SubtreeProbe.text(of: node, in: tree, limit: 4096) }
            return false
        case .meta:
            if let key = attributes.property ?? attributes.name ?? attributes.itemprop, let content = attributes.content {
                let key = key.lowercased()
                if metadata.metas[key] == nil { metadata.metas[key] = content }
            }
            return false
        case .script:
            if attributes.type?.lowercased().contains("ld+json") == true, metadata.jsonLD.count < 16 {
                metadata.jsonLD.append(SubtreeProbe.text(of: node, in: tree, limit: 1 << 20))
            }
            return false
        case .time:
            if let datetime = attributes.datetime {
                let hint = (attributes.classAndID ?? "").lowercased()
                let marked = attributes.pubdate || attributes.itemprop?.lowercased() == "datepublished"
                    || hint.contains("publish") || hint.contains("entry-date")
                metadata.times.append(
                    PageMetadata.TimeMark(
                        datetime: datetime, markedAsPublication: marked, inArticle: articleDepth > 0,
                        owner: openBlocks.last?.index ?? -1))
            }
        default:
            break
        }
        if let itemprop = attributes.itemprop?.lowercased(), itemprop == "datepublished" || itemprop == "datemodified",
            let value = attributes.content ?? attributes.datetime, metadata.metas["itemprop:" + itemprop] == nil
        {
            metadata.metas["itemprop:" + itemprop] = value
        }

        var names: BoilerplateRules.Verdict? = nil
        if let classAndID = attributes.classAndID {
            if let known = verdicts[classAndID] {
                names = known
            } else {
                let verdict = BoilerplateRules.verdict(classAndID: classAndID)
                if verdicts.count < 4096 { verdicts[classAndID] = verdict }
                names = verdict
            }
        }
        if isDropped(tag, attributes: attributes, names: names, node: node, in: tree) { return false }

        switch tag {
        case .a:
            linkDepth += 1
        case .img:
            if figureDepth > 0, let src = attributes.src { figureImageNames.append(Self.fileNameKey(src)) }
        case .figure:
            figureDepth += 1
        case .br:
            if buffer.endsWithLineBreak { flush() } else { buffer.lineBreak() }
        default:
            break
        }
        guard tag.isBlock else { return true }

        flush()
        let index = Int32(elements.count)
        let parentKind = openBlocks.last
        let isMain = tag == .main || tag == .article || attributes.role == "main"
        elements.append(
            ElementRecord(
                tag: tag, parent: parentKind?.index ?? -1, subtreeEnd: index,
                classWeight: names?.weight ?? 0,
                inArticle: articleDepth > 0 || isMain))
        if isMain {
            articleDepth += 1
            opensArticle.insert(index)
        }
        if isMain || tag == .section {
            sectionDepth += 1
            opensSection.insert(index)
        }
        var kind: TextBlock.Kind = .paragraph
        var group: Int32 = -1
        var row: Int32 = -1
        switch tag {
        case .ul, .ol, .dl:
            openLists.append(index)
        case .table:
            openTables.append(index)
        case .tr:
            openRows.append(index)
        case .li, .dt, .dd:
            kind = .listItem
            group = openLists.last ?? -1
        case .td, .th:
            kind = .cell
            group = openTables.last ?? -1
            row = openRows.last ?? -1
        default:
            if let level = tag.headingLevel {
                kind = .heading(level: level)
            } else if let parentKind, parentKind.kind != .paragraph, parentKind.kind != .cell || !Self.startsParagraph(tag) {
                // A paragraph inside a list item is still the item; a paragraph inside a table cell is a
                // paragraph of a layout table (whole articles sit in one cell of old table layouts).
                (kind, group, row) = (parentKind.kind, parentKind.group, parentKind.row)
            }
        }
        openBlocks.append((index, kind, group, row))
        return true
    }

    /// Handles an element's end, for elements that were walked into.
    private mutating func exit(_ tag: HTMLTag) {
        if tag == .a {
            linkDepth = max(0, linkDepth - 1)
            return
        }
        if tag == .figure {
            figureDepth -= 1
            if figureDepth == 0 { figureImageNames.removeAll() }
        }
        guard tag.isBlock, let top = openBlocks.last else { return }
        flush()
        openBlocks.removeLast()
        let index = top.index
        elements[Int(index)].subtreeEnd = Int32(elements.count - 1)
        let parent = elements[Int(index)].parent
        if parent >= 0 {
            elements[Int(parent)].scalars += elements[Int(index)].scalars
            elements[Int(parent)].linkScalars += elements[Int(index)].linkScalars
        }
        switch tag {
        case .ul, .ol, .dl: _ = openLists.popLast()
        case .table: _ = openTables.popLast()
        case .tr: _ = openRows.popLast()
        default: break
        }
        if opensArticle.remove(index) != nil { articleDepth -= 1 }
        if opensSection.remove(index) != nil { sectionDepth -= 1 }
    }

    /// Elements that make their text a paragraph of its own even inside a table cell.
    private static func startsParagraph(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .div, .blockquote, .pre, .section, .article, .main, .header, .ul, .ol, .dl: true
        default: false
        }
    }

    /// Ends the current block, if it has any text.
    private mutating func flush() {
        guard !buffer.isEmpty, let owner = openBlocks.last, let taken = buffer.take() else { return }
        var block = TextBlock(
            text: taken.text, scalars: taken.scalars, linkScalars: taken.linkScalars, kind: owner.kind,
            owner: owner.index, group: owner.group, row: owner.row)
        block.isCaption = elements[Int(owner.index)].tag == .figcaption
        if figureDepth > 0, taken.text.count <= 120 {
            let key = Self.fileNameKey(String(decoding: taken.text, as: UTF8.self))
            block.isFileNameCaption = key.count >= 4 && figureImageNames.contains { $0.starts(with: key) }
        }
        blocks.append(block)
        elements[Int(owner.index)].scalars += taken.scalars
        elements[Int(owner.index)].linkScalars += taken.linkScalars
    }

    private func isDropped(
        _ tag: HTMLTag, attributes: ElementAttributes, names: BoilerplateRules.Verdict?, node: Int32, in tree: HTMLTree
    ) -> Bool {
        if attributes.hidden { return true }
        if let role = attributes.role, BoilerplateRules.droppedRoles.contains(role) {
            return !SubtreeProbe.wrapsContent(node, in: tree, paragraphs: 3)
        }
        switch tag {
        case .script, .style, .noscript, .template, .iframe, .button, .select, .option, .input, .textarea, .canvas,
            .svg, .math, .object, .embed, .video, .audio, .map:
            return true
        case .nav, .aside, .dialog, .menu, .footer:
            return !SubtreeProbe.wrapsContent(node, in: tree, paragraphs: 3)
        case .header:
            // A header inside an article or section introduces it (title, dateline); only the page's
            // own header is a banner.
            return sectionDepth == 0 && !SubtreeProbe.wrapsContent(node, in: tree, paragraphs: 3)
        case .form:
            // ASP.NET pages wrap the whole page in one form; a search or comment form holds no prose.
            return !SubtreeProbe.wrapsContent(node, in: tree, paragraphs: 2)
        case .html, .body, .main, .article:
            return false
        default:
            break
        }
        if attributes.role == "main" { return false }
        guard let word = names?.furnitureWord else { return false }
        // Comment threads are prose by nature, so only their name counts; other furniture that holds
        // several paragraphs is an unclosed element that swallowed the page, and the page is kept.
        if BoilerplateRules.commentWords.contains(word) { return true }
        if BoilerplateRules.weakWords.contains(word) { return SubtreeProbe.isLinkDominated(node, in: tree) }
        return !SubtreeProbe.wrapsContent(node, in: tree, paragraphs: 3)
    }

    /// The last path component of a URL or a caption, reduced to lower-case ASCII letters and digits, so
    /// "2023Iasi 0249" and ".../2023Iasi-0249-1024x683.jpg" compare by prefix.
    static func fileNameKey(_ value: String) -> [UInt8] {
        let name = value.split(separator: "/").last.map(String.init) ?? value
        return name.utf8.compactMap { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
            default: nil
            }
        }
    }
}
