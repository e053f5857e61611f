import Foundation
import IngestCore

/// Turns collected metadata into the record's title and dates, in order of how much each source is
/// worth: structured data (JSON-LD) before meta tags before a bare `<time>`.
enum MetadataReader {
    static let publishedMetaKeys = [
        "article:published_time", "og:published_time", "itemprop:datepublished", "datepublished", "pubdate",
        "publishdate", "publish_date", "publication_date", "date", "dc.date.issued", "dcterms.issued", "dc.date",
        "dcterms.created", "parsely-pub-date", "sailthru.date", "citation_publication_date", "article.published",
    ]
    static let modifiedMetaKeys = [
        "article:modified_time", "og:updated_time", "itemprop:datemodified", "datemodified", "dcterms.modified",
        "last-modified",
    ]

    /// Names sites give every page of a section, which say nothing about the page itself.
    static let genericTitles: Set<String> = [
        "home", "home page", "homepage", "news", "начало", "начална страница", "новини", "strona główna",
        "aktualności", "головна", "головна сторінка", "новини",
    ]

    /// og:title, then `<title>`, then the first `h1`; each without the site's name, and skipped when
    /// what is left is only the site's name or a generic "Home page".
    static func title(_ metadata: PageMetadata, firstHeading: String?) -> String? {
        let siteName = clean(metadata.metas["og:site_name"])
        let heading = clean(firstHeading)
        for candidate in [metadata.metas["og:title"], metadata.documentTitle] {
            guard let text = clean(candidate) else { continue }
            let title = withoutSiteName(text, siteName: siteName, heading: heading)
            let folded = title.lowercased()
            if genericTitles.contains(folded) || folded == siteName?.lowercased() { continue }
            return title
        }
        return heading
    }

    static func published(_ metadata: PageMetadata, jsonLD: [[String: Any]], inContent: (Int32) -> Bool) -> PublishedDate? {
        if let value = firstDate(in: jsonLD, key: "datePublished") {
            return PublishedDate(value: value, source: "json-ld:datePublished")
        }
        for key in publishedMetaKeys {
            if let raw = metadata.metas[key], let value = ISODate.normalise(raw) {
                return PublishedDate(value: value, source: "meta:\(key)")
            }
        }
        let times = metadata.times.compactMap { mark in ISODate.normalise(mark.datetime).map { (mark, $0) } }
        if let (_, value) = times.first(where: { $0.0.markedAsPublication }) {
            return PublishedDate(value: value, source: "time[pubdate]")
        }
        if let (_, value) = times.first(where: { inContent($0.0.owner) || $0.0.inArticle }) {
            return PublishedDate(value: value, source: "time[datetime]")
        }
        return nil
    }

    static func modified(_ metadata: PageMetadata, jsonLD: [[String: Any]]) -> PublishedDate? {
        if let value = firstDate(in: jsonLD, key: "dateModified") {
            return PublishedDate(value: value, source: "json-ld:dateModified")
        }
        for key in modifiedMetaKeys {
            if let raw = metadata.metas[key], let value = ISODate.normalise(raw) {
                return PublishedDate(value: value, source: "meta:\(key)")
            }
        }
        return nil
    }

    /// The author from meta tags, when structured data names none. URLs (article:author is often a
    /// profile link) are not names.
    static func author(_ metadata: PageMetadata) -> String? {
        for key in ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"] {
            if let value = clean(metadata.metas[key]), !value.hasPrefix("http") {
                return value.hasPrefix("By ") ? String(value.dropFirst(3)) : value
            }
        }
        return nil
    }

    /// The objects in the page's JSON-LD blocks, `@graph` members included. Unparseable blocks are skipped.
    static func jsonLDObjects(_ scripts: [String]) -> [[String: Any]] {
        var objects: [[String: Any]] = []
        for script in scripts {
            // Most blocks start with "{" or "[" and end with "}" or "]": only the rest need Foundation's trim.
            var text = startsAndEndsWithVisibleASCII(script) ? script : script.trimmingCharacters(in: .whitespacesAndNewlines)
            for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] where text.hasPrefix(wrapper) {
                text.removeFirst(wrapper.count)
            }
            for wrapper in ["-->", "//]]>", "]]>"] where text.hasSuffix(wrapper) { text.removeLast(wrapper.count) }
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { continue }
            var pending: [Any] = [parsed]
            while let next = pending.popLast(), objects.count < 256 {
                if let array = next as? [Any] {
                    pending.append(contentsOf: array.reversed())
                } else if let object = next as? [String: Any] {
                    objects.append(object)
                    if let graph = object["@graph"] { pending.append(graph) }
                }
            }
        }
        return objects
    }

    private static func firstDate(in objects: [[String: Any]], key: String) -> String? {
        for object in objects {
            if let raw = object[key] as? String, let value = ISODate.normalise(raw) { return value }
        }
        return nil
    }

    /// Whitespace collapsed; nil when nothing is left.
    static func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        let collapsed = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// "Article title | Site" → "Article title", when one side is the site's name or the other the page's heading.
    private static func withoutSiteName(_ title: String, siteName: String?, heading: String?) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " « ", " » ", " / "] {
            // None of the separators' characters has a canonical equivalent, so a title whose bytes do not
            // contain one has no such part, and Foundation's split is skipped.
            guard containsBytes(title, separator) else { continue }
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2, let first = parts.first, let last = parts.last else { continue }
            if let siteName {
                if last.caseInsensitiveCompare(siteName) == .orderedSame { return parts.dropLast().joined(separator: separator) }
                if first.caseInsensitiveCompare(siteName) == .orderedSame { return parts.dropFirst().joined(separator: separator) }
            }
            if let heading {
                if first == heading || last == heading { return heading }
            }
        }
        return title
    }

    private static func startsAndEndsWithVisibleASCII(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }

    private static func containsBytes(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, haystack.count >= pattern.count else { return false }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == first {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}
