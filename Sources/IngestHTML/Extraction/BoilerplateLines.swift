/// Whole lines that are page furniture whatever the markup around them: counters ("3 views",
/// "0 comments"), "Skip to content", "Read more" and their Bulgarian, Polish and Ukrainian forms.
///
/// Matching is on the whole line, case-folded, so a sentence that merely contains "read more" stays.
enum BoilerplateLines {
    static let phrases: Set<String> = [
        "skip to content", "skip to main content", "top of page", "bottom of page", "back to top", "read more",
        "continue reading", "share", "share this", "share this post", "tweet", "print", "comments", "leave a comment",
        "leave a reply", "related posts", "related articles", "you may also like", "see all", "show all",
        "покажи всички", "прочети още", "сподели", "коментари", "още новини", "свързани публикации",
        "czytaj więcej", "czytaj dalej", "udostępnij", "podobne posty", "podobne wpisy", "komentarze",
        "dodaj komentarz", "zobacz także", "przejdź do treści",
        "читати далі", "читати більше", "поділитися", "схожі новини", "коментарі", "перейти до вмісту",
    ]

    /// Words after a number that make the line a counter.
    static let counterWords: Set<String> = [
        "view", "views", "comment", "comments", "like", "likes", "share", "shares", "reads",
        "преглед", "прегледа", "прегледи", "коментар", "коментара", "коментари",
        "wyświetlenie", "wyświetlenia", "wyświetleń", "komentarz", "komentarze", "komentarzy",
        "перегляд", "перегляди", "переглядів", "коментар", "коментарі", "коментарів",
    ]

    static func matches(_ text: [UInt8]) -> Bool {
        guard text.count <= 64 else { return false }
        let line = String(decoding: text, as: UTF8.self).lowercased()
        if phrases.contains(line) { return true }
        return isCounter(line)
    }

    /// "8", "3 views", "3 views0 comments", "1 коментар".
    private static func isCounter(_ line: String) -> Bool {
        var rest = Substring(line)
        var sawNumber = false
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            sawNumber = true
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            let word = rest.prefix { $0.isLetter }
            if word.isEmpty { return rest.isEmpty }
            guard counterWords.contains(String(word)) else { return false }
            rest = rest.dropFirst(word.count).drop { $0 == " " || $0 == "·" || $0 == "|" }
        }
        return sawNumber
    }
}
