import IngestCore
import Testing

@testable import IngestEvents

/// Names, kinds, editions, attendance and organiser phrases in each language, one sentence each.
@Suite struct PhraseTests {
    static let page = PageID(canonicalSource: "phrase-test")

    static func events(_ text: String, _ build: (inout EntityScript) -> Void = { _ in }) -> [EventRecord] {
        var script = EntityScript(text)
        build(&script)
        return EventAssembler().events(text: text, entities: script.entities, page: page)
    }

    @Test("names and kinds", arguments: [
        ("en", "The Clusters Meet Regions event took place in Iași.", "Clusters Meet Regions", "other"),
        ("en", #"A powerful exchange took place at the Intercluster Conference "Regional Cluster Initiatives" on 23 October."#, "Regional Cluster Initiatives", "conference"),
        ("en", "We attended the Smart Industry forum in Sofia.", "Smart Industry", "forum"),
        ("en", "The 3rd Cluster Summit took place in Vienna.", "Cluster Summit", "conference"),
        ("bg", "Второто издание на конференцията Grow your Region се проведе във Валенсия.", "Grow your Region", "conference"),
        ("bg", "Форумът „Индустрия на бъдещето“ събра експерти от региона.", "Индустрия на бъдещето", "forum"),
        ("bg", "Клъстерът се представи на панаира „Мебелен салон“ миналата седмица.", "Мебелен салон", "fair"),
        ("pl", "W Pradze miała miejsce Europejska Konferencja Klastrów.", "Europejska Konferencja Klastrów", "conference"),
        ("pl", "Zapraszamy na targi Expo Silesia w Sosnowcu.", "Expo Silesia", "fair"),
        ("pl", "Firma pokazała nowe maszyny na Targach Innowacji Przemysłowych INNOTECH.", "Targi Innowacji Przemysłowych INNOTECH", "fair"),
        ("pl", "Organizujemy warsztaty „Cyfrowy bliźniak w praktyce” dla członków.", "Cyfrowy bliźniak w praktyce", "workshop"),
        ("uk", "У Вінниці відбулася міжкластерна конференція «Регіональні кластерні ініціативи».", "Регіональні кластерні ініціативи", "conference"),
        ("uk", "Кластер взяв участь у форумі Kyiv Smart City Forum.", "Kyiv Smart City Forum", "forum"),
        ("uk", "Учасники відвідали ярмарок «Зроблено в Україні».", "Зроблено в Україні", "fair"),
        ("uk", "У Луцьку відбувся перший Волинський форум промислової автоматизації.", "Волинський форум", "forum"),
    ])
    func namesAndKinds(_ language: String, _ text: String, _ name: String, _ kind: String) {
        let events = Self.events(text)
        #expect(events.map(\.name) == [name], "\(language): \(text)")
        #expect(events.first?.kind == kind)
    }

    @Test("event words without a name report no event", arguments: [
        ("en", "The conference ended with a visit to the production facilities."),
        ("en", "Several events will be organised over a period of two years."),
        ("bg", "Европейската комисия организира среща на петте консорциума."),
        ("pl", "Europejskie Konferencje Klastrowe odbywają się co dwa lata od 2008 roku."),
        ("pl", "Szczegóły zostaną przedstawione członkom podczas najbliższego spotkania."),
        ("uk", "Наступна подія кластера буде анонсована згодом."),
    ])
    func noName(_ language: String, _ text: String) {
        #expect(Self.events(text).isEmpty, "\(language): \(text)")
    }

    @Test("an organisation named beside an event word is the organisation, not an event")
    func organisationIsNotAnEvent() {
        let events = Self.events("Przedstawiciele wzięli udział w konferencji Komisji Europejskiej.") { script in
            script.organisation("Komisji Europejskiej", name: "Komisja Europejska")
        }
        #expect(events.isEmpty)
    }

    @Test("edition ordinals", arguments: [
        ("en", "The second edition of the Grow your Region conference took place in Valencia.", 2),
        ("en", "The “Clusters meet Regions” event in Katowice was the 3rd event of the series.", 3),
        ("en", "The 8th Polish Cluster Congress took place on the same date.", 8),
        ("bg", "Второто издание на конференцията Grow your Region се проведе във Валенсия.", 2),
        ("bg", "Осмият Национален Клъстерен Форум събра 200 души.", 8),
        ("pl", "Ministerstwo zorganizowało 8. edycję Europejskiej Konferencji Klastrowej.", 8),
        ("pl", "Trwa druga edycja targów Expo Silesia.", 2),
        ("uk", "Восьма конференція «Кластери України» пройшла у Києві.", 8),
        ("uk", "Відбувся 5-й форум «Агро Поділля».", 5),
    ])
    func editions(_ language: String, _ text: String, _ edition: Int) {
        let events = Self.events(text)
        #expect(events.count == 1, "\(language): \(text)")
        #expect(events.first?.edition == edition, "\(language): \(text)")
    }

    @Test("online, offline and hybrid", arguments: [
        ("en", "The Smart Industry forum was held online.", JSONValue.bool(true)),
        ("en", "The Smart Industry forum was held offline and online.", .string("hybrid")),
        ("en", "The Smart Industry forum was held in person.", .bool(false)),
        ("bg", "Форумът „Индустрия на бъдещето“ се проведе онлайн.", .bool(true)),
        ("bg", "Форумът „Индустрия на бъдещето“ се проведе присъствено и онлайн.", .string("hybrid")),
        ("pl", "Warsztaty „Cyfrowy bliźniak” odbyły się stacjonarnie.", .bool(false)),
        ("pl", "Konferencja „Klastry 2030” odbyła się hybrydowo.", .string("hybrid")),
        ("uk", "Конференція «Кластери України» пройшла офлайн та онлайн.", .string("hybrid")),
        ("uk", "Форум «Агро Поділля» пройшов наживо.", .bool(false)),
    ])
    func attendance(_ language: String, _ text: String, _ online: JSONValue) {
        let events = Self.events(text)
        #expect(events.first?.location?["online"] == online, "\(language): \(text)")
        #expect(events.first?.evidence["location.online"]?.count == 1)
    }

    @Test("organiser phrases", arguments: [
        (
            "en", "The Smart Industry forum was organised by the Ukrainian Cluster Alliance together with the Vinnytsia Cluster within the framework of EU4Business.",
            ["Ukrainian Cluster Alliance", "Vinnytsia Cluster", "EU4Business"], ["Ukrainian Cluster Alliance/organiser", "Vinnytsia Cluster/organiser"]
        ),
        ("en", "The Smart Industry forum was hosted by Sofia Tech Park.", ["Sofia Tech Park"], ["Sofia Tech Park/host"]),
        (
            "bg", "Форумът „Индустрия на бъдещето“ е организиран от Клъстер Мехатроника и Автоматизация и Тракийски ИКТ клъстер.",
            ["Клъстер Мехатроника и Автоматизация", "Тракийски ИКТ клъстер"],
            ["Клъстер Мехатроника и Автоматизация/organiser", "Тракийски ИКТ клъстер/organiser"]
        ),
        (
            "pl", "Czeskie Ministerstwo Przemysłu i Handlu zorganizowało 8. edycję Europejskiej Konferencji Klastrowej.",
            ["Czeskie Ministerstwo Przemysłu i Handlu"], ["Czeskie Ministerstwo Przemysłu i Handlu/organiser"]
        ),
        ("pl", "Konferencja „Klastry 2030” była wspierana przez Polski Związek Klastrów.", ["Polski Związek Klastrów"], ["Polski Związek Klastrów/supporter"]),
        ("uk", "Конференція «Кластери України» була організована Українським кластерним альянсом.", ["Українським кластерним альянсом"], ["Українським кластерним альянсом/organiser"]),
        ("uk", "Український кластерний альянс організував конференцію «Кластери України».", ["Український кластерний альянс"], ["Український кластерний альянс/organiser"]),
    ])
    func organisers(_ language: String, _ text: String, _ organisations: [String], _ expected: [String]) {
        let events = Self.events(text) { script in
            for organisation in organisations { script.organisation(organisation) }
        }
        let found = (events.first?.organisers ?? []).compactMap { value -> String? in
            guard case .object(let fields) = value, case .string(let name)? = fields["name"], case .string(let role)? = fields["role"] else { return nil }
            return name + "/" + role
        }
        #expect(found == expected, "\(language): \(text)")
    }

    @Test("a date without a year keeps none, even when the entities stage borrowed the page's year")
    func yearlessDate() {
        let events = Self.events("The Smart Industry forum took place on 23 October in Sofia.") { script in
            script.date("23 October", "2023-10-23")
        }
        #expect(events.first?.start == "--10-23")
        #expect(events.first?.precision == "month-day")
    }

    @Test("a relative date keeps the day it was resolved to; a year the entities stage says it inferred is dropped")
    func relativeAndInferredDates() {
        let relative = Self.events("Форумът „Индустрия на бъдещето“ се проведе вчера в Пловдив.") { script in
            script.add("date", "вчера", ["value": .string("2024-03-14"), "precision": .string("day"), "relative": .bool(true)])
        }
        #expect(relative.first?.start == "2024-03-14")
        #expect(relative.first?.precision == "day")
        let inferred = Self.events("Форумът „Индустрия на бъдещето“ се проведе на 14 март в Пловдив.") { script in
            script.add("date", "14 март", ["value": .string("2024-03-14"), "precision": .string("day"), "year_inferred": .bool(true)])
        }
        #expect(inferred.first?.start == "--03-14")
    }

    @Test("a date in a sentence that does not speak of the event is not the event's date")
    func unrelatedDate() {
        let events = Self.events("The Smart Industry forum took place in Sofia.\n\nOur annual report was published on 14 November 2017.") { script in
            script.date("14 November 2017", "2017-11-14")
        }
        #expect(events.count == 1)
        #expect(events.first?.start == nil)
    }

    @Test("a date the event runs until ends it, after its start; a deadline before the start is no end")
    func untilDates() {
        let both = Self.events("Targi Expo Silesia otwarto 12 października, potrwają do niedzieli, 15 października.") { script in
            script.date("12 października", "2023-10-12")
            script.date("15 października", "2023-10-15")
        }
        #expect(both.first?.start == "--10-12")
        #expect(both.first?.end == "--10-15")
        let deadline = Self.events("The Smart Industry forum is on 20 May 2024; register until 1 May 2024.") { script in
            script.date("20 May 2024", "2024-05-20")
            script.date("1 May 2024", "2024-05-01")
        }
        #expect(deadline.first?.start == "2024-05-20")
        #expect(deadline.first?.end == nil)
        let alone = Self.events("Панаирът „Мебелен салон“ продължава до неделя, 15 октомври 2023 г.") { script in
            script.date("15 октомври 2023 г.", "2023-10-15")
        }
        #expect(alone.first?.start == nil)
        #expect(alone.first?.end == "2023-10-15")
    }

    @Test("the city the title names places the event it speaks of, before a sentence that only refers to one")
    func titleCity() {
        let text = "Klaster wystawił stoisko na Targach Expo Silesia.\n\nKolejne targi odbędą się w Poznaniu."
        var script = EntityScript(text)
        script.place("Poznaniu", city: "Poznan", country: "PL", local: "Poznań")
        let sosnowiec = Entity(
            type: "place", text: "Sosnowcu", span: TextSpan(start: 31, end: 39),
            normalised: ["city": .string("Sosnowiec"), "country": .string("PL"), "local": .string("Sosnowiec")], confidence: 0.9)
        let titled = EventAssembler().events(
            text: text, entities: script.entities, page: Self.page, title: "Klaster na Targach Expo Silesia w Sosnowcu", titlePlaces: [sosnowiec])
        #expect(titled.first?.location?["city"] == .string("Sosnowiec"))
        #expect(titled.first?.evidence["location"] == nil)
        // Without the title the referring sentence's city is all there is.
        let untitled = EventAssembler().events(text: text, entities: script.entities, page: Self.page)
        #expect(untitled.first?.location?["city"] == .string("Poznan"))
    }

    @Test("entities whose spans lie outside the text are ignored, and an empty text gives no events")
    func badInput() {
        let entity = Entity(type: "date", text: "x", span: TextSpan(start: 90, end: 99), normalised: ["value": .string("2020-01-01")], confidence: 1)
        let events = EventAssembler().events(text: "The Smart Industry forum took place.", entities: [entity], page: Self.page)
        #expect(events.count == 1)
        #expect(events.first?.start == nil)
        #expect(EventAssembler().events(text: "", entities: [entity], page: Self.page).isEmpty)
    }

    @Test("schema.org Event data makes an event of its own, with the country as a code from its name in any of the four languages")
    func structuredData() {
        for country in ["Spain", "Испания", "Hiszpania", "Іспанія", "ES"] {
            let structured = StructuredEvent(
                name: "Grow your Region", start: "2017-11-08T09:00:00+01:00", end: "2017-11-09", locality: "Valencia", country: country,
                attendance: "offline", organisers: ["European Commission"])
            let events = EventAssembler().events(text: "Clusters met in Valencia.", entities: [], structured: [structured], page: Self.page)
            #expect(events.count == 1)
            #expect(events.first?.start == "2017-11-08")
            #expect(events.first?.end == "2017-11-09")
            #expect(events.first?.location?["country"] == .string("ES"), "\(country)")
            #expect(events.first?.location?["online"] == .bool(false))
            #expect(events.first?.evidence["location"]?.isEmpty == false)
        }
    }

    @Test("schema.org data whose name wraps the text's name enriches that event instead of adding one", arguments: [
        ("The Green Shipping Forum opened on Tuesday.", "Green Shipping Forum 2024", "Green Shipping Forum"),
        ("Бизнес форумът „Дигитална трансформация“ събра 120 души.", "Бизнес форум „Дигитална трансформация“", "Дигитална трансформация"),
    ])
    func structuredDataWrapsName(_ text: String, _ structuredName: String, _ name: String) {
        let structured = StructuredEvent(name: structuredName, start: "2024-05-07", locality: "Port Calder", country: "GB")
        let events = EventAssembler().events(text: text, entities: [], structured: [structured], page: Self.page)
        #expect(events.map(\.name) == [name])
        #expect(events.first?.aliases == [structuredName])
        #expect(events.first?.start == "2024-05-07")
    }

    @Test("the name key ignores case, diacritics and script, so pages in different languages share the id")
    func eventKey() {
        #expect(EventKey.nameKey("Grow your Region") == EventKey.nameKey("GROW YOUR REGION"))
        #expect(EventKey.nameKey("Iași Cluster Days") == EventKey.nameKey("Iasi Cluster Days"))
        #expect(EventKey.nameKey("Кластерні дні") == EventKey.nameKey("Klasterni dni"))
        #expect(EventKey.eventID(start: "2017-11-08", country: "ES", name: "Grow your Region")
            == EventKey.eventID(start: "2017-11-08", country: "es", name: "grow your region"))
        #expect(EventKey.eventID(start: "2017-11-08", country: "ES", name: "Grow your Region")
            != EventKey.eventID(start: "2018-11-08", country: "ES", name: "Grow your Region"))
    }
}
