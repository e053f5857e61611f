import CLibXML2
import Foundation
@testable import IngestHTML
import IngestTestSupport
import Testing

/// The tree strip builds from libxml2's SAX events must be the tree libxml2's own builder makes from the
/// same bytes: every decision strip takes depends on it. Both are written out node by node and compared.
@Suite struct HTMLTreeTests {
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        | Int32(XML_PARSE_HUGE.rawValue)

    /// The root element's subtree as libxml2's tree builder makes it.
    static func libxml2Outline(_ bytes: [UInt8]) -> String {
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }
        guard let document else { return "no document" }
        defer { xmlFreeDoc(document) }
        var lines: [String] = []
        // Iterative: a fixture nests 10,000 elements, deeper than a test thread's stack allows recursion.
        var pending: [(node: xmlNodePtr, depth: Int)] = []
        if let root = xmlDocGetRootElement(document) { pending.append((root, 0)) }
        while let (node, depth) = pending.popLast() {
            let indent = "\(depth) "
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                var line = indent + "<" + String(cString: node.pointee.name)
                var attribute = node.pointee.properties
                while let current = attribute {
                    attribute = current.pointee.next
                    let name = AttributeName(current.pointee.name)
                    guard name != .other else { continue }
                    var value = ""
                    if let child = current.pointee.children, let joined = xmlNodeListGetString(document, child, 1) {
                        value = String(cString: joined)
                        cxml_free(joined)
                    }
                    line += " \(name)=\(value.debugDescription)"
                }
                lines.append(line + ">")
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                pending.append(contentsOf: children.reversed().map { ($0, depth + 1) })
            case XML_TEXT_NODE:
                lines.append(indent + "text " + String(cString: node.pointee.content).debugDescription)
            case XML_CDATA_SECTION_NODE:
                lines.append(indent + "cdata " + String(cString: node.pointee.content).debugDescription)
            default:
                lines.append(indent + "other")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The same outline of strip's tree.
    static func outline(_ bytes: [UInt8]) throws -> String {
        let tree = try HTMLDocument(utf8: bytes, url: nil).tree
        var lines: [String] = []
        var pending: [(index: Int32, depth: Int)] = tree.root >= 0 ? [(tree.root, 0)] : []
        while let (index, depth) = pending.popLast() {
            let node = tree.nodes[Int(index)]
            let indent = "\(depth) "
            let text = String(decoding: tree.bytes(start: node.start, count: node.count), as: UTF8.self)
            switch node.kind {
            case .element:
                var line = indent + "<" + elementName(of: index, in: tree)
                for attribute in tree.attributes(of: index) {
                    let value = String(decoding: tree.bytes(start: attribute.start, count: attribute.count), as: UTF8.self)
                    line += " \(attribute.name)=\(value.debugDescription)"
                }
                lines.append(line + ">")
            case .text: lines.append(indent + "text " + text.debugDescription)
            case .cdata: lines.append(indent + "cdata " + text.debugDescription)
            case .other: lines.append(indent + "other")
            }
            var children: [Int32] = []
            var child = node.firstChild
            while child >= 0 {
                children.append(child)
                child = tree.nodes[Int(child)].next
            }
            pending.append(contentsOf: children.reversed().map { ($0, depth + 1) })
        }
        return lines.joined(separator: "\n")
    }

    /// strip keeps an element's tag, not its name, so both outlines write the tag ("?" for names strip has
    /// no tag for).
    static func elementName(of index: Int32, in tree: HTMLTree) -> String {
        let tag = tree.nodes[Int(index)].tag
        return tag == .other ? "?" : "\(tag)"
    }

    /// libxml2's outline with element names turned into tags, as ``elementName(of:in:)`` writes them.
    static func comparable(_ libxml2: String) -> String {
        libxml2.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let space = line.firstIndex(of: " "), line[line.index(after: space)...].first == "<" else { return String(line) }
            let open = line.index(after: space)
            let nameEnd = line[open...].firstIndex(where: { $0 == " " || $0 == ">" }) ?? line.endIndex
            let name = String(line[line.index(after: open)..<nameEnd])
            let known = name.withCString { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) { HTMLTag.lookup($0) }
            }
            return String(line[..<open]) + "<" + (known == .other ? "?" : "\(known)") + String(line[nameEnd...])
        }.joined(separator: "\n")
    }

    static let snippets: [String] = [
        "<p>a &amp; b &#x41; &nbsp;c &unknown; d</p>",
        "<!DOCTYPE html><html><body><p>one</p></body></html><p>after the end</p>",
        "<html><body><p>one</p></body></html><p>after the end, no doctype</p>",
        "<!-- first --><p>comment before the root</p>",
        "text before any tag<div>x</div>",
        "<div>a<!-- c -->b<?pi x?>c</div>",
        "<p>one<p>two<li>three<table><td>cell</table>",
        "<div><b>x</b> <i>y</i> </div>\n  <p> </p>",
        "<head><title>T</title><meta property=og:title content='Hello &amp; bye'></head><p>x</p><head><p>y",
        "<body><div class=a id=b hidden role=Main aria-hidden=TRUE data-x=1 style='display: none'>z</div><body class=c>",
        "<html lang=en><html class=x><p>misplaced html</p>",
        "<script type=application/ld+json>{\"a\": \"<b>\"}</script><p>x</p><script>\(String(repeating: "var a = 1;", count: 300))</script>",
        "<style>p { color: red }</style><p>x",
        "<table><tr><td>1<td>2<tr><td>3</table><ul><li>a<li>b</ul>",
        "<p>\(String(repeating: "long text ", count: 800))</p>",
        "<textarea><p>not markup</p></textarea><title>a<b>c</b></title>",
        "<img src=a.jpg alt=x><br><br/><hr>after",
        "<p>Привіт, світ — zażółć gęślą jaźń</p>",
        "<a href=x><div>block in link</div></a>",
        "<!DOCTYPE html><!-- c --><html><head></head><body>x</body></html>",
        "<form><input name=q></form><select><option>o</select>",
        "</p></div>stray end tags<p>x",
    ]

    @Test("the tree equals libxml2's own for tricky markup", arguments: snippets)
    func snippet(_ html: String) throws {
        let bytes = Array(html.utf8)
        #expect(try Self.outline(bytes) == Self.comparable(Self.libxml2Outline(bytes)))
    }

    static let attributeSnippets: [String] = [
        "<a href=\"x\" class=y data-a='1>2' title=t>link</a>",
        "<p a=\"x\"b=\"y\" class=c>one</p>",
        "<img src=a.jpg alt=x/><br data-x=1/><img alt=y />after",
        "<div @click=\"x\" :class=\"y\" class=z>vue</div>",
        "<div \"bogus\" class=a href=b>bogus</div><div /b=c class=d>slash</div>",
        "<?php echo \"<a href='x' class=y>\"; ?><p class=q data-x=1>after a processing instruction</p>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"http://x/y.dtd\"><p title=x class=y>z</p>",
        "<!DOCTYPE html \"a>b\"><p title=x class=y>z</p>",
        "<script>var s = \"<a href='x' class=y>\";</script><p data-x class=y>z</p>",
        "<script/><p data-x=1 class=y>z</p><style\u{0B}>a{}<p data-z=1 class=k></style ><p data-z=2 class=m>n</p>",
        "<meta charset=utf-8 http-equiv=x data-x=1><meta property=og:title content=T data-y=2><p>x</p>",
        "<div class=a title=\"unterminated><p class=b data-x=1>text",
        "<p data-x=1>a</p data-y=2><p CLASS=X DATA-Y=z ID=i Hidden STYLE='display:none'>b</p>",
        "<p \(String(repeating: "x", count: 100))class=a data-\(String(repeating: "y", count: 100))id=b>long names</p>",
        "<textarea><a href=x class=y></textarea><title><b data-x=1 class=t>t</b></title>",
        "<p>1 < 2 and <3 and <_x data-x=1> and </ p> and <!x data-y=2><a data-z=3 class=c>z</a></p>",
        "<div data-x='a\"b' class=\"c'd\" data-y=\"e'f\" id=g>quotes</div>",
        "<div data-x = 'spaced' class = \"c\" data-y\n=\nz>spaced</div>",
        "<a href=x>x</a><a href=y",
    ]

    @Test("cutting unread attributes leaves the tree strip reads as it was", arguments: snippets + attributeSnippets)
    func unreadAttributes(_ html: String) throws {
        let bytes = Array(html.utf8)
        #expect(try Self.outline(UnreadAttributeFilter.filter(bytes)) == Self.comparable(Self.libxml2Outline(bytes)))
    }

    @Test("unread attributes are cut, read ones and meta tags kept", arguments: [
        ("<a href=\"x\" class=y data-a='1>2' title=t>link</a>", "<a  class=y  >link</a>"),
        ("<meta charset=utf-8 data-x=1><p data-y=2>", "<meta charset=utf-8 data-x=1><p >"),
        ("<script>\"<a href=x>\"</script><p>", "<script>\"<a href=x>\"</script><p>"),
        ("<div class=a title=\"never closed><p data-x=1>", "<div class=a title=\"never closed><p data-x=1>"),
    ])
    func cuts(_ html: String, _ expected: String) {
        #expect(String(decoding: UnreadAttributeFilter.filter(Array(html.utf8)), as: UTF8.self) == expected)
    }

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: FixturePaths.pages.path)) ?? []).filter { $0.hasSuffix(".html") }.sorted()
    }

    @Test("the tree equals libxml2's own for every fixture page, prefiltered or not, with unread attributes cut or not", arguments: fixtureNames)
    func fixture(_ name: String) throws {
        let raw = try [UInt8](Data(contentsOf: FixturePaths.pages.appendingPathComponent(name)))
        guard !raw.isEmpty, BinaryContent.reason(raw) == nil else { return }
        let charset = CharsetSniffer().decide(raw)
        let utf8 = try #require(TextDecoder.utf8(from: raw, encoding: charset.used))
        for bytes in [utf8, MarkupPrefilter.filter(utf8)] {
            let libxml2 = Self.comparable(Self.libxml2Outline(bytes))
            #expect(try Self.outline(bytes) == libxml2)
            #expect(try Self.outline(UnreadAttributeFilter.filter(bytes)) == libxml2)
        }
    }
}
