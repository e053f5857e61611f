import IngestCore
import IngestEntities
import Testing

/// People with roles and affiliations in apposition, quoted speakers, titles and representatives.
@Suite struct PersonTests {
    @Test("people are found with role and affiliation", arguments: [
        ("“Text” believes Iva Maric, Programme Manager, DG Regio, Unit E2 (Romania and Croatia).", "Iva Maric", "Programme Manager", "DG Regio"),
        ("“Text” outlines Mariella Masselink, Head of Unit, DG GROW, European Commission.", "Mariella Masselink", "Head of Unit",
         "DG GROW, European Commission"),
        ("“Cluster organisations are enablers” – Jonathan Loeffler, CEO of Steinbeis Europa Zentrum.", "Jonathan Loeffler", "CEO",
         "Steinbeis Europa Zentrum"),
        ("attended by the Czech Moravian-Silesian Aviation Cluster, represented by Petr Tomasek.", "Petr Tomasek", nil,
         "Czech Moravian-Silesian Aviation Cluster"),
        ("Otworzył je Jan Kowalski, prezes Klastra Lotniczego.", "Jan Kowalski", "prezes", "Klastra Lotniczego"),
        ("Гост беше Иван Петров, директор на агенцията.", "Иван Петров", "директор на агенцията", nil),
        ("Виступила Олена Коваль, голова правління.", "Олена Коваль", "голова правління", nil),
        ("The talk by Dr. Anna Nowak was well received.", "Anna Nowak", nil, nil),
        // A professional title marks a person too, and keeps a surname that is also a former place name
        // ("Димитров", once a town in Ukraine) from being read as a place.
        ("Откри я председателят инж. Пламен Димитров.", "Пламен Димитров", nil, nil),
        ("Panel poprowadziła mgr inż. Anna Wrona.", "Anna Wrona", nil, nil),
        // A role before the name, with what it is of; in English only the word right before it.
        ("– powiedział prezes klastra Tomasz Mrozek.", "Tomasz Mrozek", "prezes klastra", nil),
        ("Пленарну частину відкрив голова кластера Богдан Ткачук.", "Богдан Ткачук", "голова кластера", nil),
        ("Руският президент Владимир Путин пристигна.", "Владимир Путин", "президент", nil),
        ("Заявив президент Росії Володимир Путін.", "Володимир Путін", "президент Росії", nil),
        ("“Water is key,” said cluster manager Tom Adeyemi.", "Tom Adeyemi", "manager", nil),
        // A given name and a surname are a person with no other context.
        ("Mszę odprawił biskup Marek Jędraszewski.", "Marek Jędraszewski", nil, nil),
        ("Тренерка Олена Гриценко консультує підприємства.", "Олена Гриценко", nil, nil),
        ("The report was written by Mary Jo Foley.", "Mary Jo Foley", nil, nil),
    ])
    func person(_ text: String, _ name: String, _ role: String?, _ affiliation: String?) throws {
        let result = EntityRecogniser().recognise(text)
        let entity = try #require(result.entities.first { $0.type == "person" }, "\(result.entities.map(\.text))")
        #expect(entity.normalised["name"] == .string(name))
        #expect(entity.normalised["role"] == role.map(JSONValue.string))
        #expect(entity.normalised["affiliation"] == affiliation.map(JSONValue.string))
    }

    @Test("capitalised pairs without a person's context are not people", arguments: [
        "At the Intercluster Conference \"Regional Cluster Initiatives\" on 23 October.",
        "During the first panel \"Successful Practices of Regions\", experts spoke.",
        "Crystal Innovation and Technology Park grows.",
        // A given name before a word no surname is like, and a role before a department's name.
        "The forum met at Sofia Tech Park on Monday.", "The kierownik Wydziału Prasy spoke.",
    ])
    func notPeople(_ text: String) {
        #expect(EntityRecogniser().recognise(text, language: "en").entities.filter { $0.type == "person" }.isEmpty)
    }
}
