import IngestCore

/// Fills each event's fields from the entities and phrases in the sentences that speak of it, and
/// cites the span each value came from.
struct FieldAssigner {
    let lexicon: EventLexicon
    let text: TokenizedText
    let entities: [EntityRef]
    let owners: SentenceOwners
    let title: TitlePlaces
    /// Organisation entities by sentence, in text order, for the organiser phrases.
    let organisationsBySentence: [Int: [EntityRef]]

    init(lexicon: EventLexicon, text: TokenizedText, entities: [EntityRef], owners: SentenceOwners, title: TitlePlaces) {
        self.lexicon = lexicon
        self.text = text
        self.entities = entities
        self.owners = owners
        self.title = title
        organisationsBySentence = Dictionary(grouping: entities.filter { $0.type == "organisation" }, by: \.sentence)
    }

    /// Units that count who took part, in order of preference: "над 120 представители" of firms and
    /// councils is a count of participants too, when no plainer one is given.
    static let participantUnits = ["participants", "attendees", "delegates", "guests", "visitors", "people", "representatives"]

    mutating func assign(to drafts: inout [EventDraft]) {
        dates(&drafts)
        places(&drafts)
        quantities(&drafts)
        people(&drafts)
        phrases(&drafts)
        editions(&drafts)
        venues(&drafts)
    }

    // MARK: - Entities

    /// The event's date: a range or a day before a month or a year, in a sentence that names the event
    /// before one that only refers to it, earlier first; a date that opens such a sentence but was cut off
    /// from it counts as inside it.
    private func dates(_ drafts: inout [EventDraft]) {
        var best: [Int: (rank: (Int, Int, Int), entity: EntityRef)] = [:]
        var bestUntil: [Int: (rank: (Int, Int, Int), entity: EntityRef)] = [:]
        for entity in entities where entity.type == "date" || entity.type == "date_range" {
            // An opening counts as part of the sentence it was cut from.
            let owner = owners.owner(ofToken: entity.tokens.lowerBound, in: text).map { (event: $0, token: entity.tokens.lowerBound) }
            guard let (event, token) = owner ?? owners.owner(ofOpening: entity.tokens, in: text), let fields = Self.dateFields(entity)
            else { continue }
            let direct = owners.names(event, token: token, in: text) ? 0 : 1
            let rank = (direct, Self.precisionRank(fields.precision, range: entity.type == "date_range"), entity.tokens.lowerBound)
            if entity.type == "date", isUntil(entity) {
                if bestUntil[event].map({ rank < $0.rank }) ?? true { bestUntil[event] = (rank, entity) }
            } else if best[event].map({ rank < $0.rank }) ?? true {
                best[event] = (rank, entity)
            }
        }
        for (event, choice) in best {
            guard let fields = Self.dateFields(choice.entity) else { continue }
            drafts[event].start = fields.start
            drafts[event].end = fields.end
            drafts[event].precision = fields.precision
            drafts[event].cite("start", choice.entity.span)
            if fields.end != nil { drafts[event].cite("end", choice.entity.span) }
        }
        // A date the event runs until ends it: after its start, when it has one and no end yet, or alone,
        // leaving the start unknown rather than taking the last day for the first.
        for (event, choice) in bestUntil {
            guard let fields = Self.dateFields(choice.entity), drafts[event].end == nil else { continue }
            var end = fields.start
            if let start = drafts[event].start {
                // Written without a year, the end is in the start's year: "открито тази сутрин" on a page of
                // 12 October 2023, "продължава до неделя, 15 октомври".
                if end.hasPrefix("--"), start.count == 10 { end = String(start.prefix(4) + end.dropFirst(1)) }
                guard start.count == end.count, start < end else { continue }
            } else {
                drafts[event].precision = fields.precision
            }
            drafts[event].end = end
            drafts[event].cite("end", choice.entity.span)
        }
    }

    /// Words before a date that make it the day something lasts until: "до неделя, 15 октомври", "do
    /// niedzieli, 15 października", "until 15 October".
    static let untilWords: Set<String> = ["до", "do", "until", "till"]

    /// Whether an until word comes right before the date, or before a weekday (and a comma) that does.
    private func isUntil(_ entity: EntityRef) -> Bool {
        let tokens = text.tokens
        var index = entity.tokens.lowerBound - 1
        let sentenceStart = text.sentences[text.sentenceOfToken[entity.tokens.lowerBound]].lowerBound
        if index >= sentenceStart, tokens[index].kind == .punctuation, tokens[index].text == "," { index -= 1 }
        if index >= sentenceStart, tokens[index].kind == .word, lexicon.isWeekday(tokens[index].lower) { index -= 1 }
        return index >= sentenceStart && tokens[index].kind == .word && Self.untilWords.contains(tokens[index].lower)
    }

    static func precisionRank(_ precision: String?, range: Bool) -> Int {
        if range { return 0 }
        switch precision {
        case "day", "month-day": return 0
        case "month": return 1
        default: return 2
        }
    }

    /// Start, end and precision of a date or range entity. A date whose text holds no year keeps none
    /// (`--10-23`, precision `month-day`), even when the entities stage borrowed one from the page's own
    /// date (`year_inferred`): the event's year is then not evidenced by the text. A relative date
    /// ("вчера", "wczoraj") keeps the day the entities stage resolved it to.
    static func dateFields(_ entity: EntityRef) -> (start: String, end: String?, precision: String)? {
        let normalised = entity.entity.normalised
        let writesYear = entity.entity.text.unicodeScalars.split { $0.properties.numericType == nil }.contains { $0.count == 4 }
        let hasYear = normalised["year_inferred"] != .bool(true) && (writesYear || normalised["relative"] == .bool(true))
        func strip(_ value: String) -> String {
            guard !hasYear, value.count == 10, value.first != "-" else { return value }
            return "--" + value.dropFirst(5)
        }
        if entity.type == "date_range" {
            guard let start = entity.string("start") else { return nil }
            let end = entity.string("end")
            let precision = hasYear ? (entity.string("precision") ?? precision(of: start)) : "month-day"
            return (strip(start), end.map(strip), precision)
        }
        guard let value = entity.string("value") else { return nil }
        let precision = hasYear ? (entity.string("precision") ?? precision(of: value)) : "month-day"
        return (strip(value), nil, precision)
    }

    static func precision(of value: String) -> String {
        if value.hasPrefix("--") { return "month-day" }
        switch value.count {
        case 4: return "year"
        case 7: return "month"
        default: return "day"
        }
    }

    /// The event's place: the first city of a sentence that names the event; else, when the page's title
    /// speaks of the event, the first mention in the text of a city the title names, then that city from
    /// the title alone (with no span of the text to cite); else the first city of a sentence that only
    /// refers to the event. A country-only place in its sentences fills the country when the city came
    /// without one.
    private func places(_ drafts: inout [EventDraft]) {
        var chosen: [Int: (rank: (Int, Int), place: Entity, span: TextSpanRange?)] = [:]
        var countries: [Int: EntityRef] = [:]
        let titled = drafts.indices.filter { title.speaks(of: drafts[$0], amongEvents: drafts.count) }
        func offer(_ event: Int, _ rank: (Int, Int), _ place: Entity, _ span: TextSpanRange?) {
            if chosen[event].map({ rank < $0.rank }) ?? true { chosen[event] = (rank, place, span) }
        }
        for entity in entities where entity.type == "place" {
            let token = entity.tokens.lowerBound
            let owner = owners.owner(ofToken: token, in: text)
            guard let city = entity.string("city") else {
                if let event = owner, countries[event] == nil, entity.string("country") != nil { countries[event] = entity }
                continue
            }
            if let event = owner, owners.names(event, token: token, in: text) {
                offer(event, (0, token), entity.entity, entity.span)
                continue
            }
            if title.names(city: city) {
                for event in titled { offer(event, (1, token), entity.entity, entity.span) }
            }
            if let event = owner { offer(event, (3, token), entity.entity, entity.span) }
        }
        if let place = title.places.first {
            for event in titled { offer(event, (2, 0), place, nil) }
        }
        for event in drafts.indices {
            if let choice = chosen[event] {
                for key in ["city", "country", "local"] {
                    if case .string(let value)? = choice.place.normalised[key], !value.isEmpty { drafts[event].location[key] = .string(value) }
                }
                if let span = choice.span { drafts[event].cite("location", span) }
                if drafts[event].location["country"] == nil, let country = countries[event], let code = country.string("country") {
                    drafts[event].location["country"] = .string(code)
                    drafts[event].cite("location", country.span)
                }
            } else if let country = countries[event], let code = country.string("country") {
                drafts[event].location["country"] = .string(code)
                drafts[event].cite("location", country.span)
            }
        }
    }

    /// Participants and countries from quantities in the event's sentences, or in a sentence right after
    /// one, in the same block, that speaks of nothing else: "participants" before other people units, then
    /// the first.
    private func quantities(_ drafts: inout [EventDraft]) {
        var people: [Int: (rank: (Int, Int), entity: EntityRef)] = [:]
        var countries: [Int: EntityRef] = [:]
        for entity in entities where entity.type == "quantity" {
            guard let event = owners.owner(orPreviousOfToken: entity.tokens.lowerBound, in: text), let unit = entity.string("unit"),
                entity.number("value") != nil
            else { continue }
            if unit == "countries" {
                if countries[event] == nil { countries[event] = entity }
            } else if let unitRank = Self.participantUnits.firstIndex(of: unit) {
                let rank = (unitRank, entity.tokens.lowerBound)
                if people[event].map({ rank < $0.rank }) ?? true { people[event] = (rank, entity) }
            }
        }
        for event in drafts.indices {
            if let entity = people[event]?.entity, let value = entity.number("value") {
                drafts[event].participants["count"] = .number(Double(value))
                drafts[event].participants["qualifier"] = .string(entity.string("qualifier") ?? "exact")
                drafts[event].cite("participants", entity.span)
            }
            if let entity = countries[event], let value = entity.number("value") {
                drafts[event].participants["countries"] = .object([
                    "count": .number(Double(value)), "qualifier": .string(entity.string("qualifier") ?? "exact"),
                ])
                drafts[event].cite("participants.countries", entity.span)
            }
        }
    }

    /// People named on the page go to the event their sentence speaks of, else to the event named last
    /// before them (quotes from speakers usually follow the event's introduction), else the first event.
    private func people(_ drafts: inout [EventDraft]) {
        for entity in entities where entity.type == "person" {
            let token = entity.tokens.lowerBound
            guard let name = entity.string("name") ?? Optional(entity.entity.text) else { continue }
            let event = owners.owner(ofToken: token, in: text) ?? owners.lastNamed(before: token) ?? 0
            var fields: [String: JSONValue] = ["name": .string(name)]
            for key in ["role", "affiliation"] {
                if let value = entity.string(key) { fields[key] = .string(value) }
            }
            if drafts[event].people.contains(where: { if case .object(let other) = $0 { return other["name"] == .string(name) }; return false }) {
                drafts[event].cite("people", entity.span)
                continue
            }
            drafts[event].people.append(.object(fields))
            drafts[event].cite("people", entity.span)
        }
    }

    // MARK: - Phrases

    private func phrases(_ drafts: inout [EventDraft]) {
        let tokens = text.tokens
        var index = 0
        var attendanceSet: Set<Int> = []
        var sameDate: [(event: Int, sentence: Int, span: TextSpanRange)] = []
        while index < tokens.count {
            guard tokens[index].roles.contains(.fieldPhraseStart) else {
                index += 1
                continue
            }
            if let match = lexicon.organiserAfter.match(in: text, at: index) {
                if let event = owners.owner(ofToken: index, in: text) {
                    organisers(after: match.range, role: match.value, event: event, &drafts)
                }
                index = match.range.upperBound
                continue
            }
            if let match = lexicon.organiserBefore.match(in: text, at: index) {
                if let event = eventNamed(rightAfter: match.range.upperBound) {
                    organisers(before: match.range, role: match.value, event: event, &drafts)
                }
                index = match.range.upperBound
                continue
            }
            if let match = lexicon.attendance.match(in: text, at: index) {
                if let event = owners.owner(orPreviousOfToken: index, in: text), !attendanceSet.contains(event) {
                    attendanceSet.insert(event)
                    drafts[event].location["online"] = match.value == "hybrid" ? .string("hybrid") : .bool(match.value == "online")
                    drafts[event].cite("location.online", text.span(match.range))
                }
                index = match.range.upperBound
                continue
            }
            if let match = lexicon.sameDate.match(in: text, at: index) {
                if let event = owners.owner(ofToken: index, in: text) {
                    sameDate.append((event, text.sentenceOfToken[index], text.span(match.range)))
                }
                index = match.range.upperBound
                continue
            }
            index += 1
        }
        // "…covered by the 8th Polish Cluster Congress, which took place on the same date": the event takes
        // the dates, and when it has none, the place of the other event its sentence names.
        for cue in sameDate where drafts[cue.event].start == nil {
            guard let other = owners.events(namedIn: cue.sentence).map(\.event).first(where: { $0 != cue.event && drafts[$0].start != nil })
            else { continue }
            drafts[cue.event].start = drafts[other].start
            drafts[cue.event].end = drafts[other].end
            drafts[cue.event].precision = drafts[other].precision
            for field in ["start", "end"] {
                for span in drafts[other].evidence[field] ?? [] { drafts[cue.event].cite(field, TextSpanRange(start: span.start, end: span.end)) }
                drafts[cue.event].cite(field, cue.span)
            }
            if drafts[cue.event].location["city"] == nil, drafts[other].location["city"] != nil {
                drafts[cue.event].location = drafts[other].location
                for span in drafts[other].evidence["location"] ?? [] {
                    drafts[cue.event].cite("location", TextSpanRange(start: span.start, end: span.end))
                }
                drafts[cue.event].cite("location", cue.span)
            }
        }
    }

    /// The event named within a few tokens after a verb such as "zorganizowało" (ordinals, edition words
    /// and punctuation between are allowed): "zorganizowało 8. edycję Europejskiej Konferencji Klastrowej".
    private func eventNamed(rightAfter index: Int) -> Int? {
        let tokens = text.tokens
        var position = index
        var skipped = 0
        while position < tokens.count, skipped <= 4 {
            if let owner = owners.events(namedIn: text.sentenceOfToken[position]).first(where: { $0.token == position }) {
                return owner.event
            }
            let token = tokens[position]
            let skippable = token.kind != .word || !token.roles.isDisjoint(with: [.edition, .determiner]) || token.ordinalValue > 0
                || token.eventWord >= 0
            guard skippable else { return nil }
            position += 1
            skipped += 1
        }
        return nil
    }

    /// Organisations after a phrase such as "organised by", chained by connectors ("together with the",
    /// ", the", "i", "та"); anything else ends the list ("within the framework of…").
    private func organisers(after phrase: Range<Int>, role: String, event: Int, _ drafts: inout [EventDraft]) {
        var position = phrase.upperBound
        var cited = false
        for organisation in organisations(from: position) {
            guard onlyConnectors(position..<organisation.tokens.lowerBound) else { break }
            add(organisation, role: role, event: event, &drafts)
            cited = true
            position = organisation.tokens.upperBound
        }
        if cited { drafts[event].cite("organisers", text.span(phrase)) }
    }

    /// The subject before a verb such as "zorganizowało": the sentence's first organisation and those
    /// chained to it by connectors.
    private func organisers(before phrase: Range<Int>, role: String, event: Int, _ drafts: inout [EventDraft]) {
        let sentence = text.sentenceOfToken[phrase.lowerBound]
        let candidates = (organisationsBySentence[sentence] ?? []).filter { $0.tokens.upperBound <= phrase.lowerBound }
        guard let first = candidates.first else { return }
        add(first, role: role, event: event, &drafts)
        var position = first.tokens.upperBound
        for organisation in candidates.dropFirst() {
            guard onlyConnectors(position..<organisation.tokens.lowerBound) else { break }
            add(organisation, role: role, event: event, &drafts)
            position = organisation.tokens.upperBound
        }
        drafts[event].cite("organisers", text.span(phrase))
    }

    private func organisations(from token: Int) -> [EntityRef] {
        (organisationsBySentence[text.sentenceOfToken[min(token, text.tokens.count - 1)]] ?? []).filter { $0.tokens.lowerBound >= token }
    }

    private func add(_ organisation: EntityRef, role: String, event: Int, _ drafts: inout [EventDraft]) {
        drafts[event].addOrganiser(
            name: organisation.string("name") ?? organisation.entity.text, acronym: organisation.string("acronym"), role: role,
            span: organisation.span)
    }

    /// Whether tokens hold nothing but connectors, commas and determiners.
    private func onlyConnectors(_ range: Range<Int>) -> Bool {
        var position = range.lowerBound
        while position < range.upperBound {
            if let match = lexicon.connectors.match(in: text, at: position), match.range.upperBound <= range.upperBound {
                position = match.range.upperBound
            } else if text.tokens[position].text == "," || text.tokens[position].roles.contains(.determiner) {
                position += 1
            } else {
                return false
            }
        }
        return true
    }

    // MARK: - Editions and venues

    /// An ordinal before an edition word, an event word or a name gives the edition of the event named
    /// nearest in its sentence: "Второто издание на конференцията…", "8. edycję", "the 3rd event of the
    /// series", "the 8th Polish Cluster Congress".
    private func editions(_ drafts: inout [EventDraft]) {
        let tokens = text.tokens
        for index in tokens.indices {
            guard let ordinal = lexicon.ordinal(in: text, at: index), ordinal.range.upperBound < tokens.count else { continue }
            let next = ordinal.range.upperBound
            let sentence = text.sentenceOfToken[index]
            let named = owners.events(namedIn: sentence)
            let startsName = named.first { $0.token == next }
            let word = tokens[next]
            guard startsName != nil || word.roles.contains(.edition) || lexicon.eventWord(word).map({ $0.form != .plural }) == true
            else { continue }
            guard let event = startsName?.event ?? named.min(by: { abs($0.token - index) < abs($1.token - index) })?.event
                ?? owners.owner(ofToken: index, in: text), drafts[event].edition == nil
            else { continue }
            drafts[event].edition = ordinal.value
            drafts[event].cite("edition", text.span(ordinal.range.lowerBound..<(next + 1)))
        }
    }

    /// A venue is a capitalised run holding a venue word ("International Convention Centre", "Национален
    /// дворец на културата") in the event's sentences; events on the page in the same city with no venue of
    /// their own share it.
    private func venues(_ drafts: inout [EventDraft]) {
        let tokens = text.tokens
        var index = 0
        while index < tokens.count {
            guard tokens[index].isCapitalised, tokens[index].spaceBefore || index == 0 else {
                index += 1
                continue
            }
            var end = index + 1
            while end < tokens.count, tokens[end].spaceBefore,
                tokens[end].isCapitalised || (tokens[end].roles.contains(.venueJoiner) && end + 1 < tokens.count && tokens[end + 1].isCapitalised)
            {
                end += 1
            }
            let run = index..<end
            if run.count >= 2, text.sentenceOfToken[index] == text.sentenceOfToken[end - 1],
                run.contains(where: { tokens[$0].roles.contains(.venue) }),
                let event = owners.owner(ofToken: index, in: text), drafts[event].location["venue"] == nil
            {
                // The entities stage puts an organisation's name in its base form ("w hali Bydgoskiego Centrum
                // Wystawienniczego" → "Bydgoskie Centrum Wystawiennicze"); a venue it found as one is named so.
                let organisation = organisationsBySentence[text.sentenceOfToken[index]]?.first { $0.tokens == run }
                drafts[event].location["venue"] = .string(organisation?.string("name") ?? text.words(run))
                drafts[event].cite("location.venue", text.span(run))
            }
            index = end
        }
        for event in drafts.indices where drafts[event].location["venue"] == nil {
            guard let city = drafts[event].location["city"],
                let other = drafts.indices.first(where: { $0 != event && drafts[$0].location["city"] == city && drafts[$0].location["venue"] != nil })
            else { continue }
            drafts[event].location["venue"] = drafts[other].location["venue"]
            for span in drafts[other].evidence["location.venue"] ?? [] {
                drafts[event].cite("location.venue", TextSpanRange(start: span.start, end: span.end))
            }
        }
    }
}
