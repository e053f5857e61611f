/// Which event each sentence speaks of: the events it names, or, for a sentence that only says "the
/// event" or "konferencji", the event named last before it (the next one named when none came before).
struct SentenceOwners: Sendable {
    /// Per sentence: (event index, token of the mention) for every named mention in it.
    private var named: [[(event: Int, token: Int)]]
    /// Per sentence: the event an unnamed event word refers to.
    private var referred: [Int?]
    /// Every named mention in text order.
    private var ordered: [(event: Int, token: Int)] = []

    init(drafts: [EventDraft], anaphora: [EventMention], text: TokenizedText) {
        named = Array(repeating: [], count: text.sentences.count)
        referred = Array(repeating: nil, count: text.sentences.count)
        var all: [(event: Int, token: Int)] = []
        for (event, draft) in drafts.enumerated() {
            for mention in draft.mentions {
                named[mention.sentence].append((event, mention.anchor))
                all.append((event, mention.anchor))
            }
        }
        all.sort { $0.token < $1.token }
        ordered = all
        for mention in anaphora where named[mention.sentence].isEmpty && referred[mention.sentence] == nil {
            let start = text.sentences[mention.sentence].lowerBound
            let after = Self.firstIndex(in: all, atOrAfter: start)
            referred[mention.sentence] = after > 0 ? all[after - 1].event : (after < all.count ? all[after].event : nil)
        }
    }

    /// The index of the first mention at or after a token (binary search).
    private static func firstIndex(in mentions: [(event: Int, token: Int)], atOrAfter token: Int) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].token < token { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The event a token's sentence speaks of, nearest named mention first; nil for other sentences.
    func owner(ofToken token: Int, in text: TokenizedText) -> Int? {
        guard token < text.tokens.count else { return nil }
        let sentence = text.sentenceOfToken[token]
        if let nearest = named[sentence].min(by: { abs($0.token - token) < abs($1.token - token) }) { return nearest.event }
        return referred[sentence]
    }

    /// As ``owner(ofToken:in:)``, but a sentence that speaks of no event continues the one before it in
    /// the same block: "…took place in Valencia. More than 300 participants came…".
    func owner(orPreviousOfToken token: Int, in text: TokenizedText) -> Int? {
        if let owner = owner(ofToken: token, in: text) { return owner }
        guard token < text.tokens.count else { return nil }
        var sentence = text.sentenceOfToken[token]
        while sentence > 0, !text.tokens[text.sentences[sentence].lowerBound].startsBlock {
            sentence -= 1
            let last = text.sentences[sentence].upperBound - 1
            if let owner = owner(ofToken: last, in: text) { return owner }
        }
        return nil
    }

    /// The event the next sentence speaks of, and that sentence's first token, when the sentence holding
    /// `tokens` is little more than them (at most three tokens besides) and the next one continues its
    /// block: an opening the sentence cut off at a year's abbreviation, "W dniach 19–20 marca 2024 r."
    /// before "Kujawsko-Pomorski Klaster … wystawił … stoisko na Targach …".
    func owner(ofOpening tokens: Range<Int>, in text: TokenizedText) -> (event: Int, token: Int)? {
        guard tokens.lowerBound < text.tokens.count else { return nil }
        let sentence = text.sentenceOfToken[tokens.lowerBound]
        guard sentence + 1 < text.sentences.count, text.sentences[sentence].count - tokens.count <= 3 else { return nil }
        let next = text.sentences[sentence + 1].lowerBound
        guard !text.tokens[next].startsBlock, let event = owner(ofToken: next, in: text) else { return nil }
        return (event, next)
    }

    /// Whether the token's sentence names the event (rather than only referring to it).
    func names(_ event: Int, token: Int, in text: TokenizedText) -> Bool {
        named[text.sentenceOfToken[token]].contains { $0.event == event }
    }

    /// Events named in a sentence, in text order.
    func events(namedIn sentence: Int) -> [(event: Int, token: Int)] {
        named[sentence].sorted { $0.token < $1.token }
    }

    /// The event named last before a token, anywhere in the text.
    func lastNamed(before token: Int) -> Int? {
        let index = Self.firstIndex(in: ordered, atOrAfter: token)
        return index > 0 ? ordered[index - 1].event : nil
    }
}
