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

    /// Splits a class or id value into lower-case words: `relatedPosts wp-block_x` → related, posts, wp, block, x.
    static func words(_ value: String) -> [Substring] {
        var words: [Substring] = []
        var lowered = ""
        var previousWasLower = false
        for scalar in value.unicodeScalars {
            let isUpper = scalar.properties.isUppercase
            if !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                lowered.append(" ")
                previousWasLower = false
                continue
            }
            if isUpper, previousWasLower { lowered.append(" ") }
            lowered.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            previousWasLower = !isUpper
        }
        for word in lowered.split(separator: " ") { words.append(word) }
        return words
    }

    static let commentWords: Set<String> = ["comment", "comments"]

    /// The furniture word an element's class or id carries, or nil when it carries none or also names
    /// a layout wrapper.
    static func furnitureWord(classAndID value: String) -> String? {
        let words = words(value).map(String.init)
        guard let word = words.first(where: droppedWords.contains) else { return nil }
        return words.contains(where: wrapperWords.contains) ? nil : word
    }

    /// +25 per positive hint family, −25 per negative, from the lower-cased class and id.
    static func weight(classAndID value: String) -> Int8 {
        let lower = value.lowercased()
        var weight = 0
        if positiveHints.contains(where: lower.contains) { weight += 25 }
        if negativeHints.contains(where: lower.contains) { weight -= 25 }
        return Int8(weight)
    }
}
