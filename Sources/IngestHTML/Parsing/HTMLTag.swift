/// The HTML elements strip treats specially, looked up from libxml2's lower-case names without
/// allocating a String per element.
enum HTMLTag: UInt8 {
    case other
    case a, address, article, aside, audio, blockquote, body, br, button, canvas, caption, center, dd, details
    case dialog, div, dl, dt, embed, fieldset, figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6
    case head, header, hr, html, iframe, img, input, li, main, map, math, menu, meta, nav, noscript, object, ol
    case option, p, picture, pre, script, section, select, style, summary, svg, table, tbody, td, template
    case textarea, tfoot, th, thead, time, title, tr, ul, video

    /// Elements that start and end a line of text; inline elements only continue one.
    var isBlock: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .body, .caption, .center, .dd, .details, .dialog, .div, .dl,
            .dt, .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hr, .html,
            .li, .main, .menu, .nav, .ol, .p, .pre, .section, .summary, .table, .tbody, .td, .tfoot, .th, .thead,
            .tr, .ul, .title, .head:
            true
        default: false
        }
    }

    var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// Looks a libxml2 element name up. Names longer than seven bytes are checked in full.
    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            if length < 7 { key |= UInt64(name[length]) << (8 * UInt64(length)) }
            length += 1
            if length > 12 { return .other }
        }
        key |= UInt64(length) << 56
        guard let (tag, full) = lookupTable[key] else { return .other }
        if length > 7 {
            for (index, byte) in full.utf8.enumerated() where name[index] != byte { return .other }
        }
        return tag
    }

    private static let lookupTable: [UInt64: (HTMLTag, String)] = {
        var table: [UInt64: (HTMLTag, String)] = [:]
        for raw in 1...UInt8.max {
            guard let tag = HTMLTag(rawValue: raw) else { break }
            let name = "\(tag)"
            var key: UInt64 = 0
            for (index, byte) in name.utf8.prefix(7).enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
            key |= UInt64(name.utf8.count) << 56
            table[key] = (tag, name)
        }
        return table
    }()
}
