public import IngestCore

/// Turns a page's text and entities into event records.
///
/// Events are the names the ``MentionFinder`` finds; a page without a named event gets none, never a
/// guess. Each sentence belongs to the events it names; a sentence that only says "the event" or
/// "конференцията" belongs to the event named last before it (see ``SentenceOwners``). Dates, places,
/// counts, attendance and organisers are taken from an event's own sentences, nearest mention first, so
/// a page's publication date, a related post's date or a date in the URL never becomes an event's date:
/// none of them is in a sentence about the event.
public struct EventAssembler: Sendable {
    let lexicon: EventLexicon
    let finder: MentionFinder

    public init() {
        lexicon = .shared
        finder = MentionFinder(lexicon: .shared)
    }

    /// - Parameters:
    ///   - title: The page's title, and `titlePlaces` the places found in it (spans into the title): the
    ///     city of an event the title names when no sentence naming the event gives one.
    public func events(
        text: String, entities: [Entity], structured: [StructuredEvent] = [], page: PageID, title: String? = nil,
        titlePlaces: [Entity] = []
    ) -> [EventRecord] {
        let tokens = TokenizedText(text, lexicon: lexicon)
        let refs = EntityRef.index(entities, in: tokens)
        let (found, anaphora) = draftEvents(tokens, refs)
        var drafts = found
        if !drafts.isEmpty {
            let owners = SentenceOwners(drafts: drafts, anaphora: anaphora, text: tokens)
            var fields = FieldAssigner(
                lexicon: lexicon, text: tokens, entities: refs, owners: owners, title: TitlePlaces(title: title ?? "", places: titlePlaces))
            fields.assign(to: &drafts)
        }
        let nameKeys = StructuredEventMerger(text: tokens).merge(structured, into: &drafts)
        return drafts.indices.map { drafts[$0].record(page: page, nameKey: nameKeys[$0]) }
    }

    /// Named events, each with all its mentions, in text order; and the event words met alone.
    func draftEvents(_ text: TokenizedText, _ refs: [EntityRef]) -> ([EventDraft], [EventMention]) {
        let mentions = finder.mentions(in: text, entities: refs)
        var drafts: [EventDraft] = []
        var byKey: [[String]: Int] = [:]
        var anaphora: [EventMention] = []
        for mention in mentions {
            guard let name = mention.name else {
                anaphora.append(mention)
                continue
            }
            let key = Self.localKey(text, name)
            guard !key.isEmpty else { continue }
            if let index = byKey[key] {
                drafts[index].mentions.append(mention)
            } else {
                var draft = EventDraft(key: key)
                draft.mentions = [mention]
                byKey[key] = drafts.count
                drafts.append(draft)
            }
        }
        let named = mentions.filter { $0.name != nil }
        for (index, mention) in finder.occurrences(of: drafts.map(\.key), in: text, besides: named) {
            drafts[index].mentions.append(mention)
        }
        for index in drafts.indices {
            drafts[index].mentions.sort { $0.anchor < $1.anchor }
            Self.nameAndKind(&drafts[index], text)
        }
        return (drafts.sorted { $0.firstToken < $1.firstToken }, anaphora)
    }

    /// A name that opens with its event word in an inflected form is given with the word's base form,
    /// as the event calls itself: "na Targach Innowacji Przemysłowych INNOTECH" → "Targi Innowacji
    /// Przemysłowych INNOTECH". The words after it are a genitive complement and stay as written.
    static func baseFormName(_ text: TokenizedText, _ range: Range<Int>, lexicon: EventLexicon) -> String? {
        let first = text.tokens[range.lowerBound]
        guard first.isCapitalised, range.count > 1, let word = lexicon.eventWord(first), word.form == .oblique,
            let base = word.base, let initial = base.first
        else { return nil }
        let rest = text.words((range.lowerBound + 1)..<range.upperBound)
        return initial.uppercased() + base.dropFirst() + (text.tokens[range.lowerBound + 1].spaceBefore ? " " : "") + rest
    }

    static func localKey(_ text: TokenizedText, _ range: Range<Int>) -> [String] {
        range.filter { text.tokens[$0].kind != .punctuation }.map { EventKey.localStem(text.tokens[$0].lower) }
    }

    /// The name is the strongest mention's (a quoted name, then a name beside the event word's base form);
    /// other spellings become aliases. The kind comes from the first event word naming it that says more
    /// than "event".
    static func nameAndKind(_ draft: inout EventDraft, _ text: TokenizedText) {
        let named = draft.mentions.filter { $0.name != nil }
        guard let best = named.max(by: { ($0.strength, -$0.anchor) < ($1.strength, -$1.anchor) }), let range = best.name else { return }
        draft.name = baseFormName(text, range, lexicon: .shared) ?? text.words(range)
        draft.cite("name", text.span(range))
        for mention in named {
            guard let range = mention.name else { continue }
            let spelling = text.words(range)
            if spelling != draft.name, !draft.aliases.contains(spelling) { draft.aliases.append(spelling) }
            draft.cite("name", text.span(range))
        }
        if let word = named.first(where: { $0.kind != nil && $0.kind != "other" }) ?? named.first(where: { $0.kind != nil }),
            let kind = word.kind, let token = word.eventWord
        {
            draft.kind = kind
            draft.cite("kind", text.span(token..<(token + 1)))
        }
    }
}
