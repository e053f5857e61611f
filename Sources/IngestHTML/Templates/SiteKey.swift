import Foundation

/// Which site a page belongs to, for template learning: the host of its URL, else the host of its
/// canonical or og:url link, else the folder it was read from.
public enum SiteKey {
    public static func of(url: String, raw: [UInt8]) -> String {
        if let host = host(of: url) { return host }
        if let declared = declaredURL(in: raw), let host = host(of: declared) { return host }
        let path = url.hasPrefix("file:") ? String(url.dropFirst(5)) : url
        let folder = (path as NSString).deletingLastPathComponent
        return "folder:" + folder
    }

    static func host(of url: String) -> String? {
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), let host = URLComponents(string: url)?.host?.lowercased()
        else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// The first `rel="canonical"` or `og:url` address in the page's head (first 32 KB).
    static func declaredURL(in raw: [UInt8]) -> String? {
        let head = String(decoding: raw.prefix(32 << 10), as: UTF8.self)
        for marker in ["rel=\"canonical\"", "rel='canonical'", "property=\"og:url\"", "property='og:url'"] {
            guard let markerRange = head.range(of: marker, options: .caseInsensitive) else { continue }
            let tagStart = head[..<markerRange.lowerBound].lastIndex(of: "<") ?? head.startIndex
            let tagEnd = head[markerRange.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[tagStart..<tagEnd]
            for attribute in ["href=\"", "content=\"", "href='", "content='"] {
                guard let start = tag.range(of: attribute, options: .caseInsensitive)?.upperBound else { continue }
                let quote = attribute.last ?? "\""
                if let end = tag[start...].firstIndex(of: quote) { return String(tag[start..<end]) }
            }
        }
        return nil
    }
}
