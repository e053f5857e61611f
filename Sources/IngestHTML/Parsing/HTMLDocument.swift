import CLibXML2
import IngestCore

/// A page parsed by libxml2's HTML parser into an ``HTMLTree``.
///
/// The parser reports what it reads through SAX callbacks and ``TreeBuilder`` keeps it in flat arrays:
/// libxml2's own tree costs several allocations per element (the node, each attribute, each value) and
/// as many frees when it is released.
struct HTMLDocument {
    let tree: HTMLTree

    /// libxml2's global tables must be set up once, before any concurrent parse.
    private static let parserInitialised: Void = xmlInitParser()

    /// Parses UTF-8 bytes. The parser recovers from any markup error, never touches the network and
    /// prints nothing; the `<meta>` charset is ignored because the bytes were already decoded.
    init(utf8 bytes: [UInt8], url: String?) throws(StageError) {
        _ = Self.parserInitialised
        guard let context = htmlNewParserCtxt() else {
            throw StageError(.internal, "libxml2 could not allocate a parser context")
        }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = Self.handler()
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
        var builder = TreeBuilder(capacityHint: bytes.count)
        withUnsafeMutablePointer(to: &builder) { pointer in
            context.pointee._private = UnsafeMutableRawPointer(pointer)
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), url, "UTF-8", options)
                }
            }
            // No callback builds libxml2's tree, so there is no document to free; this only guards that.
            if let document { xmlFreeDoc(document) }
            context.pointee._private = nil
        }
        guard builder.started else {
            throw StageError(.parseFailed, "libxml2 returned no document for \(bytes.count) bytes")
        }
        tree = builder.tree
    }

    /// Walks the document once; see ``PageWalker``.
    func walk(maxElements: Int) throws(StageError) -> PageWalk {
        var walker = PageWalker(maxElements: maxElements)
        try walker.walk(tree)
        return walker.result
    }

    /// The callbacks, all reporting to the ``TreeBuilder`` the parser context points at.
    private static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startDocument = { context in builder(context).pointee.startDocument() }
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            builder(context).pointee.startElement(name, attributes: attributes)
        }
        handler.endElement = { context, _ in builder(context).pointee.endElement() }
        handler.characters = { context, characters, count in
            guard let characters else { return }
            builder(context).pointee.text(characters, count: Int(count), kind: .text)
        }
        // Blanks are kept, so libxml2 reports all whitespace as characters; its tree builder drops what
        // would come here, and so does this one.
        handler.cdataBlock = { context, characters, count in
            guard let characters else { return }
            builder(context).pointee.text(characters, count: Int(count), kind: .cdata)
        }
        handler.comment = { context, _ in builder(context).pointee.marker() }
        handler.processingInstruction = { context, _, _ in builder(context).pointee.marker() }
        handler.internalSubset = { context, _, _, _ in builder(context).pointee.doctype() }
        return handler
    }
}

/// The ``TreeBuilder`` a parser context points at. A free function: C callbacks cannot capture anything.
private func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<TreeBuilder> {
    let parser = context.unsafelyUnwrapped.assumingMemoryBound(to: xmlParserCtxt.self)
    return parser.pointee._private.unsafelyUnwrapped.assumingMemoryBound(to: TreeBuilder.self)
}
