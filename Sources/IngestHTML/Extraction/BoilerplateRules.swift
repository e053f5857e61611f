/// How strip recognises page furniture from markup alone: ARIA roles, and the words sites use in
/// `class` and `id` for menus, share bars, comment sections, cookie banners and the like.
enum BoilerplateRules {
    /// ARIA landmark and widget roles that are never the article.
    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "alertdialog",
    ]

    /// Whole words in class or id that mark furniture (after splitting on `-`, `_`, spaces and camelCase).
    static let droppedWords: Set<String> = [
        "menu", "menus", "submenu", "navbar", "share", "shares", "sharing", "sharedaddy", "sharethis", "addtoany",
        "social", "related", "similar", "comment", "comments", "cookie", "cookies", "widget", "widgets",
        "breadcrumb", "breadcrumbs", "gallery", "sidebar",
        // Post metadata lines (date, author, categories): the record carries the date separately.
        "meta", "byline", "postmeta", "entrymeta", "footer", "copyright",
        // Advertising slots.
        "ad", "ads", "advert", "adverts", "advertisement", "adsense", "adsbygoogle", "sponsored",
        // Image captions and credits describe a picture, not the story.
        "caption", "credit", "credits", "figcaption",
        // Visually hidden helpers: skip links and screen-reader-only labels, never article text.
        "skip", "screen", "sronly", "visually",
    ]

    /// Words that mark a layout wrapper: such an element may also name a sidebar ("content-sidebar-wrap")
    /// while holding the article, so it is never dropped by name. Generic words like "container" are not
    /// among them: "related-posts-container" is furniture.
    static let wrapperWords: Set<String> = ["content", "main"]

    /// Substrings of class and id that raise or lower an element's chance of being the article
    /// (the weights readability made standard).
    static let positiveHints = ["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story"]
    static let negativeHints = [
        "combx", "comment", "contact", "foot", "footnote", "masthead", "media", "meta", "outbrain", "promo",
        "related", "scroll", "shoutbox", "sidebar", "sponsor", "shopping", "tags", "tool", "widget", "banner",
        "ad-", "share", "social", "menu", "nav",
    ]

    static let commentWords: Set<String> = ["comment", "comments"]

    /// Words page builders also use for any content block (Elementor's "elementor-widget-text-editor"):
    /// an element named with them is furniture only when it holds no prose at all.
    static let weakWords: Set<String> = ["widget", "widgets"]

    private static let droppedWordBytes = Set(droppedWords.map { Array($0.utf8) })
    private static let wrapperWordBytes = Set(wrapperWords.map { Array($0.utf8) })
    private static let positiveHintBytes = positiveHints.map { Array($0.utf8) }
    private static let negativeHintBytes = negativeHints.map { Array($0.utf8) }

    /// What an element's class and id say about it, read in one pass over the bytes (this runs for every
    /// element that has a class, so it never builds Strings for words that match nothing).
    struct Verdict: Equatable {
        /// The furniture word the names carry, unless they also name a layout wrapper.
        var furnitureWord: String?
        /// +25 when the names hint at an article, −25 when at furniture, both or neither: 0.
        var weight: Int8
    }

    static func verdict(classAndID value: String) -> Verdict {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(value.utf8.count)
        var furniture: [UInt8]? = nil
        var wrapper = false
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var previousWasLower = false
        func endWord() {
            guard !word.isEmpty else { return }
            if furniture == nil, droppedWordBytes.contains(word) { furniture = word }
            if wrapperWordBytes.contains(word) { wrapper = true }
            word.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isPart = isUpper || isLower || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            let folded = isUpper ? byte | 0x20 : byte
            lowered.append(folded)
            if !isPart {
                endWord()
                previousWasLower = false
                continue
            }
            if isUpper, previousWasLower { endWord() }
            word.append(folded)
            previousWasLower = isLower
        }
        endWord()
        var weight: Int8 = 0
        if containsAny(lowered, positiveHintsByFirstByte) { weight += 25 }
        if containsAny(lowered, negativeHintsByFirstByte) { weight -= 25 }
        let furnitureWord = wrapper ? nil : furniture.map { String(decoding: $0, as: UTF8.self) }
        return Verdict(furnitureWord: furnitureWord, weight: weight)
    }

    /// Hints by their first byte, so one pass over a name tests every hint that can start at each byte.
    private static let positiveHintsByFirstByte = byFirstByte(positiveHintBytes)
    private static let negativeHintsByFirstByte = byFirstByte(negativeHintBytes)

    private static func byFirstByte(_ needles: [[UInt8]]) -> [[[UInt8]]] {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for needle in needles where !needle.isEmpty { table[Int(needle[0])].append(needle) }
        return table
    }

    /// Whether any of the needles occurs in the haystack.
    private static func containsAny(_ haystack: [UInt8], _ needles: [[[UInt8]]]) -> Bool {
        let count = haystack.count
        for index in 0..<count {
            for needle in needles[Int(haystack[index])] where index + needle.count <= count {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
        }
        return false
    }
}
