import IngestCore

/// For each seed page, the entities the entities stage's contract says its text holds: dates, places,
/// organisations, people and quantities, including the ones that belong to no event (related posts'
/// years, countries of other events, a span of years), so the events stage is tested on telling them apart.
enum SeedEntities {
    static func entities(for page: String, text: String) -> [Entity] {
        var script = EntityScript(text)
        switch page {
        case "seed-000-wix.html":
            script.date("23 October", "2023-10-23")
            script.place("Vinnytsia", city: "Vinnytsia", country: "UA", local: "Vinnytsia")
            script.quantity("More than 70 participants", 70, "more_than", "participants")
            script.organisation("KNESS")
            script.organisation("Crystal Innovation and Technology Park")
            script.place("Vinnytsia", city: "Vinnytsia", country: "UA", local: "Vinnytsia", occurrence: 2)
            script.organisation("Ukrainian Cluster Alliance")
            script.organisation("Vinnytsia Automation and Instrument Making Cluster")
            script.organisation("EU4Business")
            script.organisation("EU", occurrence: 1)
        case "seed-001-wordpress-bg.html":
            script.range("8-9 ноември 2017г.", "2017-11-08", "2017-11-09")
            script.place("Валенсия", city: "Valencia", country: "ES", local: "Валенсия")
            script.place("Испания", country: "ES", local: "Испания")
            script.quantity("повече от 300 участника", 300, "more_than", "participants")
            script.quantity("над 25 европейски страни", 25, "more_than", "countries")
            script.organisation("Европейската комисия", name: "Европейска комисия")
            script.organisation("Европейския парламент", name: "Европейски парламент")
            script.organisation("Европейския институт по иновации", name: "Европейски институт по иновации")
            script.organisation("Европейската комисия", name: "Европейска комисия", occurrence: 2)
            script.organisation("Европейската комисия", name: "Европейска комисия", occurrence: 3)
        case "seed-002-wordpress-ro.html":
            script.range("21-23 November 2023", "2023-11-21", "2023-11-23")
            script.place("Iași", city: "Iasi", country: "RO", local: "Iași")
            script.place("Romania", country: "RO")
            script.person("Iva Maric, Programme Manager, DG Regio", name: "Iva Maric", role: "Programme Manager", affiliation: "DG Regio")
            script.place("Ukraine", country: "UA")
            script.place("Republic of Moldova", country: "MD")
            script.person(
                "Vasile Asandei, General Director, North-East Regional Development Agency", name: "Vasile Asandei", role: "General Director",
                affiliation: "North-East Regional Development Agency")
            script.quantity("205 participants", 205, "exact", "participants")
            script.quantity("85 attendees", 85, "exact", "attendees")
            script.quantity("158 bilateral meetings", 158, "exact", "meetings")
            script.person(
                "Mariella Masselink, Head of Unit, DG GROW, European Commission", name: "Mariella Masselink", role: "Head of Unit",
                affiliation: "DG GROW, European Commission")
            script.person("Jonathan Loeffler, CEO of Steinbeis Europa Zentrum", name: "Jonathan Loeffler", role: "CEO", affiliation: "Steinbeis Europa Zentrum")
        case "seed-003-wordpress-pl.html":
            script.organisation("Czeskie Ministerstwo Przemysłu i Handlu")
            script.organisation("Rady UE", name: "Rada UE")
            script.organisation("Komisji Europejskiej", name: "Komisja Europejska")
            script.range("26 – 27 września 2022 r.", "2022-09-26", "2022-09-27")
            script.place("Pradze", city: "Prague", country: "CZ", local: "Praga")
            script.organisation("Czeskie Ministerstwo Przemysłu i Handlu", occurrence: 2)
            script.organisation("Rady UE", name: "Rada UE", occurrence: 2)
            script.organisation("Komisji Europejskiej", name: "Komisja Europejska", occurrence: 2)
            script.organisation("Europejską Platformę Współpracy Klastrów (ECCP)", name: "Europejska Platforma Współpracy Klastrów", acronym: "ECCP")
            script.date("2008 roku", "2008", precision: "year")
            script.place("Rosji", country: "RU", local: "Rosja")
            script.place("Ukrainę", country: "UA", local: "Ukraina")
            script.place("Polski", country: "PL", local: "Polska")
        case "seed-004-modus.html":
            script.range("7.11. - 8.11.2022", "2022-11-07", "2022-11-08")
            script.place("Katowice", city: "Katowice", country: "PL", local: "Katowice")
            script.organisation("European Cluster Collaboration Platform (ECCP)", name: "European Cluster Collaboration Platform", acronym: "ECCP")
            script.organisation("Polish Cluster Association")
            script.organisation("European Commission")
            script.organisation("National Cluster Association")
            script.place("Spain", country: "ES")
            script.place("Lithuania", country: "LT")
            script.place("Poland", country: "PL")
            script.place("Katowice", city: "Katowice", country: "PL", local: "Katowice", occurrence: 2)
            script.organisation("European Cluster Collaboration Platform", occurrence: 2)
            script.organisation("Polish Cluster Association", occurrence: 2)
            script.organisation("European Commission", occurrence: 2)
            script.place("Katowice", city: "Katowice", country: "PL", local: "Katowice", occurrence: 3)
            script.place("Katowice", city: "Katowice", country: "PL", local: "Katowice", occurrence: 4)
            script.quantity("more than 30 years", 30, "more_than", "years")
            script.range("Between 2021 and 2030", "2021", "2030", precision: "year")
            script.organisation("Czech Moravian-Silesian Aviation Cluster")
            script.person("Petr Tomasek", name: "Petr Tomasek", affiliation: "Czech Moravian-Silesian Aviation Cluster")
        case "event-en-grow-your-region.html":
            script.range("8–9 November 2017", "2017-11-08", "2017-11-09")
            script.place("Valencia", city: "Valencia", country: "ES", local: "Valencia")
            script.place("Spain", country: "ES")
            script.quantity("More than 300 participants", 300, "more_than", "participants")
            script.quantity("over 25 European countries", 25, "more_than", "countries")
            script.organisation("European Commission")
            script.organisation("European Parliament")
            script.organisation("European Commission", occurrence: 2)
        case "noevent-bg-exports.html":
            script.date("15 февруари 2024 г.", "2024-02-15")
            script.organisation("Националния статистически институт", name: "Национален статистически институт")
            script.place("Пловдивска област", country: "BG", local: "Пловдивска област")
            script.place("Германия", country: "DE", local: "Германия")
            script.place("Италия", country: "IT", local: "Италия")
            script.place("Румъния", country: "RO", local: "Румъния")
            script.organisation("Техническия университет – София", name: "Технически университет – София")
        case "noevent-pl-grant.html":
            script.date("14 lutego 2024 r.", "2024-02-14")
            script.place("Rzeszowie", city: "Rzeszow", country: "PL", local: "Rzeszów")
            script.organisation("Klaster Lotniczy Podkarpacie")
            script.organisation("Urzędu Marszałkowskiego Województwa Podkarpackiego", name: "Urząd Marszałkowski Województwa Podkarpackiego")
            script.organisation("Politechnika Rzeszowska")
        case "noevent-uk-production.html":
            script.date("15 січня 2024 року", "2024-01-15")
            script.organisation("Вінницького кластера приладобудування", name: "Вінницький кластер приладобудування")
            script.place("Польщі", country: "PL", local: "Польща")
            script.place("Німеччини", country: "DE", local: "Німеччина")
            script.organisation("Вінницьким національним технічним університетом", name: "Вінницький національний технічний університет")
        default:
            break
        }
        return script.entities
    }
}
