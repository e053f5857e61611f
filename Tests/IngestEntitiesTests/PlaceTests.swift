import IngestCore
import IngestEntities
import Testing

/// Cities and countries, inflected forms to base forms, English exonyms and ISO codes.
@Suite struct PlaceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var language: String?
        var written: String
        var city: String?
        var country: String
        var local: String
        var testDescription: String { "\(language ?? "?"): \(text)" }
    }

    static let cases: [Case] = [
        Case(text: "Konferencja odbyła się w Pradze.", language: "pl", written: "Pradze", city: "Prague", country: "CZ", local: "Praga"),
        Case(text: "Spotkanie w Katowicach zgromadziło klastry.", language: "pl", written: "Katowicach", city: "Katowice", country: "PL", local: "Katowice"),
        Case(text: "Форум відбувся у Вінниці.", language: "uk", written: "Вінниці", city: "Vinnytsia", country: "UA", local: "Вінниця"),
        Case(text: "се проведе във Валенсия, Испания", language: "bg", written: "Валенсия", city: "Valencia", country: "ES", local: "Валенсия"),
        Case(text: "The event took place in Iași last week.", language: "en", written: "Iași", city: "Iasi", country: "RO", local: "Iași"),
        Case(text: "Delegacja z Warszawy przyjechała.", language: "pl", written: "Warszawy", city: "Warsaw", country: "PL", local: "Warszawa"),
        Case(text: "Делегація з Польщі приїхала.", language: "uk", written: "Польщі", city: nil, country: "PL", local: "Польща"),
        Case(text: "po inwazji Rosji na Ukrainę", language: "pl", written: "Rosji", city: nil, country: "RU", local: "Rosja"),
        Case(text: "in relation to Ukraine and the Republic of Moldova", language: "en", written: "Ukraine", city: nil, country: "UA", local: "Ukraine"),
        Case(text: "Събитието в София събра експерти.", language: nil, written: "София", city: "Sofia", country: "BG", local: "София"),
        Case(text: "Targi odbyły się w Krakowie.", language: nil, written: "Krakowie", city: "Krakow", country: "PL", local: "Kraków"),
        // A city's own name is the alternate GeoNames romanises to its name, not the first one a dictionary lists
        // ("Лтава", "Львов"), and may be of several words.
        Case(text: "Тренінг відбувся у Полтаві.", language: "uk", written: "Полтаві", city: "Poltava", country: "UA", local: "Полтава"),
        Case(text: "Делегація зі Львова приїхала.", language: "uk", written: "Львова", city: "Lviv", country: "UA", local: "Львів"),
        Case(text: "Форумът се проведе в Стара Загора.", language: "bg", written: "Стара Загора", city: "Stara Zagora", country: "BG", local: "Стара Загора"),
        // "Ruse" is an English word, so the city is not looked for in English, but is in Bulgarian.
        Case(text: "Конференцията се проведе в Русе.", language: "bg", written: "Русе", city: "Ruse", country: "BG", local: "Русе"),
        // The dictionary lists "Луцьк" with no suffix rules; its forms are those of a town that ends like it.
        Case(text: "Форум відбувся у Луцьку.", language: "uk", written: "Луцьку", city: "Lutsk", country: "UA", local: "Луцьк"),
        // A foreign city's Polish name is CLDR's ("Damaszek"), not an alternate name the dictionary lists ("Sam").
        Case(text: "Delegacja przyjechała z Damaszku.", language: "pl", written: "Damaszku", city: "Damascus", country: "SY", local: "Damaszek"),
        // A Bulgarian city's Polish name is the one most like its own, not a former name or a given name.
        Case(text: "Targi odbyły się w Płowdiwie.", language: "pl", written: "Płowdiwie", city: "Plovdiv", country: "BG", local: "Płowdiw"),
        // A town whose name is also a person's is found where a preposition or its country places it, in its
        // own country's language always, and a capital or a city of a million everywhere.
        Case(text: "Фестивалът се проведе във Видин.", language: "bg", written: "Видин", city: "Vidin", country: "BG", local: "Видин"),
        Case(text: "Видин посрещна гостите.", language: "bg", written: "Видин", city: "Vidin", country: "BG", local: "Видин"),
        Case(text: "Делегацията пристигна в Николаев.", language: "bg", written: "Николаев", city: "Mykolaiv", country: "UA", local: "Николаев"),
        Case(text: "The meeting was held in Elizabeth last week.", language: "en", written: "Elizabeth", city: "Elizabeth", country: "US", local: "Elizabeth"),
        Case(text: "Washington said it would respond.", language: "en", written: "Washington", city: "Washington", country: "US", local: "Washington"),
        Case(text: "Delegacja pojechała do Waszyngtonu.", language: "pl", written: "Waszyngtonu", city: "Washington", country: "US", local: "Waszyngton"),
        // A Polish city keeps the names that are its own and the words of them, not the German or Latin ones
        // the dictionary lists ("Lissy" below).
        Case(text: "Targi odbyły się w Warszawie.", language: "pl", written: "Warszawie", city: "Warsaw", country: "PL", local: "Warszawa"),
        Case(text: "Biuro mieści się w Starogardzie.", language: "pl", written: "Starogardzie", city: "Starogard Gdanski", country: "PL", local: "Starogard"),
        // The dictionary lists "Łódź" without rules beside "łódź" (boat), whose rules it takes.
        Case(text: "Konferencja odbyła się w Łodzi.", language: "pl", written: "Łodzi", city: "Lodz", country: "PL", local: "Łódź"),
        // A name that is also a common word stays a name mid-sentence, and at a sentence's start for a larger
        // town of the text's own country.
        Case(text: "Łódź leży niedaleko Warszawy.", language: "pl", written: "Łódź", city: "Lodz", country: "PL", local: "Łódź"),
        Case(text: "Opole przygotowało festiwal.", language: "pl", written: "Opole", city: "Opole", country: "PL", local: "Opole"),
        Case(text: "Mieszkam w Orle od lat.", language: "pl", written: "Orle", city: "Orel", country: "RU", local: "Orzeł"),
    ]

    @Test("places are found, inflected forms included, and normalised", arguments: cases)
    func place(_ test: Case) throws {
        let result = EntityRecogniser().recognise(test.text, language: test.language)
        let entity = try #require(result.entities.first { $0.type == "place" }, "no place in \(test.text)")
        #expect(entity.text == test.written)
        #expect(entity.normalised["city"] == test.city.map(JSONValue.string))
        #expect(entity.normalised["country"] == .string(test.country))
        #expect(entity.normalised["local"] == .string(test.local))
    }

    @Test("a common Polish word or given name is no foreign city", arguments: [
        "Sam proces projektowania nie różni się niczym.", "Para młodych ludzi całuje się na ławce.",
        "Powiedział to premier Ariel Szaron.", "Julia przyjechała wczoraj.", "Po śmierci Stalina wszystko się zmieniło.",
    ])
    func notPolishPlaces(_ text: String) {
        #expect(EntityRecogniser().recognise(text, language: "pl").entities.filter { $0.type == "place" }.isEmpty)
    }

    /// People the gazetteer's towns share a name with: beside another name, or without a place's context.
    @Test("a person's name is no place", arguments: [
        ("pl", "Mszę odprawił biskup Marek Jędraszewski."), ("pl", "To było straszne – przypomina sobie Kamila."),
        ("pl", "Karolinę Nowak poinformowano o decyzji."), ("pl", "Na szóstym miejscu był Jan Baran."),
        ("pl", "Grał z Lesterem Bowie."), ("pl", "Kolacja z Leonem trwała długo."), ("pl", "Lissy przyszła późno."),
        ("bg", "Руският президент Владимир Путин пристигна."), ("bg", "Всичко е наред, твърди Константинов."),
        ("bg", "Иванов иска обезщетение."), ("bg", "Нападателят Мартин Палермо вкара гол."),
        ("uk", "Його нагородили орденом Богдана Хмельницького."), ("uk", "Михайло Шевченко народився у 1947 році."),
        ("en", "Mary is an excellent host."), ("en", "President Vladimir Putin said so."),
        ("en", "Justice Anthony Kennedy joined the majority."), ("en", "George W. Bush shook hands with him."),
    ])
    func personsAreNoPlaces(_ language: String, _ text: String) {
        let places = EntityRecogniser().recognise(text, language: language).entities.filter { $0.type == "place" }
        #expect(places.isEmpty, "\(places.map(\.text))")
    }

    /// A capital letter the sentence's start or a longer name explains makes no common word a town, and an
    /// oblast's adjective is no city.
    @Test("a common word at a sentence's start or inside a longer name, or a region's adjective, is no place", arguments: [
        ("pl", "Biała kaczka stoi w wodzie."), ("pl", "Głównie chodzi o pieniądze."), ("pl", "Mogą to zrobić jutro."),
        ("pl", "Orzeł siedział na gałęzi."), ("pl", "Wniosek rozpatrzy Krajowa Rada Sądownictwa."),
        ("pl", "„Biała plama” zniknęła z mapy."), ("uk", "Усі були на місці."), ("uk", "Пологи були важкими."),
        // An oblast named after its capital is no city.
        ("uk", "Він народився у Луганській області."), ("uk", "Луганська область постраждала найбільше."),
    ])
    func commonWordsAreNoPlaces(_ language: String, _ text: String) {
        let places = EntityRecogniser().recognise(text, language: language).entities.filter { $0.type == "place" }
        #expect(places.isEmpty, "\(places.map(\.text))")
    }

    @Test("an ambiguous city is resolved by a country named nearby, else by size")
    func ambiguity() {
        let spain = EntityRecogniser().recognise("The forum met in Valencia, Spain.", language: "en")
        #expect(spain.entities.first { $0.text == "Valencia" }?.normalised["country"] == .string("ES"))
        let venezuela = EntityRecogniser().recognise("The forum met in Valencia, Venezuela.", language: "en")
        #expect(venezuela.entities.first { $0.text == "Valencia" }?.normalised["country"] == .string("VE"))
    }

    @Test("a Polish case form is no place in an English text, nor a capitalised common word", arguments: [
        "The Czech cluster presented its results.",
        "Nice results were presented by the Mobile team.",
        "The Ruse of the Mobile team worked.",
    ])
    func notPlaces(_ text: String) {
        #expect(EntityRecogniser().recognise(text, language: "en").entities.filter { $0.type == "place" }.isEmpty)
    }
}
