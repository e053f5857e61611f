import CLibXML2
import IngestCore

/// Owns one libxml2 document and frees it when released. Not `Sendable`: it lives and dies in the task
/// that parsed it, and no node pointer ever leaves its methods.
final class HTMLDocument {
    private let pointer: htmlDocPtr

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
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), url, "UTF-8", options)
            }
        }
        guard let document else {
            throw StageError(.parseFailed, "libxml2 returned no document for \(bytes.count) bytes")
        }
        pointer = document
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Walks the document once; see ``PageWalker``.
    func walk(maxElements: Int) throws(StageError) -> PageWalk {
        var walker = PageWalker(maxElements: maxElements)
        try walker.walk(from: xmlDocGetRootElement(pointer))
        return walker.result
    }
}
