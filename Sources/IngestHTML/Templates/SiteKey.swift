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

    /// The first `rel="canonical"` or `og:url` address in the page's head (first 32 KB), found with a
    /// byte scan: this runs for every page of a run's pre-pass.
    static func declaredURL(in raw: [UInt8]) -> String? {
        let head = raw.prefix(32 << 10)
        for marker in ["rel=\"canonical\"", "rel='canonical'", "property=\"og:url\"", "property='og:url'"] {
            guard let markerStart = firstIndex(of: Array(marker.utf8), in: head) else { continue }
            let tagStart = head[..<markerStart].lastIndex(of: UInt8(ascii: "<")) ?? head.startIndex
            let tagEnd = head[markerStart...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
            let tag = head[tagStart..<tagEnd]
            for attribute in ["href=\"", "content=\"", "href='", "content='"] {
                let pattern = Array(attribute.utf8)
                guard let found = firstIndex(of: pattern, in: tag) else { continue }
                let start = found + pattern.count
                guard let end = tag[start...].firstIndex(of: pattern[pattern.count - 1]) else { continue }
                return String(decoding: tag[start..<end], as: UTF8.self)
            }
        }
        return nil
    }

    /// Where `pattern` (lower-case ASCII) first occurs in `bytes`, ignoring ASCII case.
    private static func firstIndex(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        let last = bytes.endIndex - pattern.count
        while index <= last {
            let byte = bytes[index]
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == first {
                var offset = 1
                while offset < pattern.count {
                    let candidate = bytes[index + offset]
                    if (candidate >= 0x41 && candidate <= 0x5A ? candidate | 0x20 : candidate) != pattern[offset] { break }
                    offset += 1
                }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}
