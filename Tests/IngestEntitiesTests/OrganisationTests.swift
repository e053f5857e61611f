import IngestCore
import IngestEntities
import Testing

/// Organisations with acronyms and trigger words, put in their base form.
@Suite struct OrganisationTests {
    @Test("organisations are found and given their base form", arguments: [
        ("organised by the European Cluster Collaboration Platform (ECCP) together with", "en", "European Cluster Collaboration Platform (ECCP)",
         "European Cluster Collaboration Platform", "ECCP"),
        ("wspierane przez Europejską Platformę Współpracy Klastrów (ECCP).", "pl", "Europejską Platformę Współpracy Klastrów (ECCP)",
         "Europejska Platforma Współpracy Klastrów", "ECCP"),
        ("pod czeską Prezydencją Rady UE i Komisji Europejskiej zorganizowało", "pl", "Komisji Europejskiej", "Komisja Europejska", nil),
        ("Gospodarzem było Czeskie Ministerstwo Przemysłu i Handlu pod", "pl", "Czeskie Ministerstwo Przemysłu i Handlu",
         "Czeskie Ministerstwo Przemysłu i Handlu", nil),
        ("wsparcie Urzędu Marszałkowskiego Województwa Podkarpackiego w", "pl", "Urzędu Marszałkowskiego Województwa Podkarpackiego",
         "Urząd Marszałkowski Województwa Podkarpackiego", nil),
        ("лектори от Европейската комисия, участващи", "bg", "Европейската комисия", "Европейска комисия", nil),
        ("представители на Европейския парламент, Европейския", "bg", "Европейския парламент", "Европейски парламент", nil),
        ("данни на Националния статистически институт показват", "bg", "Националния статистически институт", "Национален статистически институт", nil),
        ("разом з Вінницьким національним технічним університетом.", "uk", "Вінницьким національним технічним університетом",
         "Вінницький національний технічний університет", nil),
        ("The event was organised by the Ukrainian Cluster Alliance together with", "en", "Ukrainian Cluster Alliance", "Ukrainian Cluster Alliance", nil),
        ("signed with the Ministry of Industry and Trade yesterday", "en", "Ministry of Industry and Trade", "Ministry of Industry and Trade", nil),
    ])
    func organisation(_ text: String, _ language: String, _ written: String, _ name: String, _ acronym: String?) throws {
        let result = EntityRecogniser().recognise(text, language: language)
        let entity = try #require(result.entities.first { $0.type == "organisation" && $0.text == written }, "\(result.entities.map(\.text))")
        #expect(entity.normalised["name"] == .string(name))
        #expect(entity.normalised["acronym"] == acronym.map(JSONValue.string))
    }

    @Test("a defined acronym used later is the same organisation")
    func acronymReuse() {
        let result = EntityRecogniser().recognise("The Polish Cluster Association (PCA) met. Later PCA signed a deal.", language: "en")
        let later = result.entities.first { $0.type == "organisation" && $0.text == "PCA" }
        #expect(later?.normalised["name"] == .string("Polish Cluster Association"))
    }

    @Test("a name a sentence defines as an organisation is one, and so are its other mentions", arguments: [
        ("The conference ended with a visit to KNESS production facilities. KNESS is an international group of companies born in Ukraine.",
         "en", "KNESS", 2),
        ("Creative Commons is an organisation that provides open copyright licences.", "en", "Creative Commons", 1),
        ("ACME jest stowarzyszeniem firm z regionu.", "pl", "ACME", 1),
        ("Green Tech е асоциация на иновативни фирми.", "bg", "Green Tech", 1),
        ("ЕКОТЕХ — це асоціація виробників обладнання.", "uk", "ЕКОТЕХ", 1),
    ])
    func definedOrganisation(_ text: String, _ language: String, _ name: String, _ mentions: Int) {
        let found = EntityRecogniser().recognise(text, language: language).entities.filter { $0.type == "organisation" }
        #expect(found.map(\.text) == Array(repeating: name, count: mentions), "\(found.map(\.text))")
        #expect(found.allSatisfy { $0.normalised["name"] == .string(name) && $0.normalised["acronym"] == nil })
    }

    @Test("event names and lone sentence-initial trigger words are not organisations", arguments: [
        ("Clusters Meet Regions took place in Iasi.", "en"),
        ("It was covered by the 8th Polish Cluster Congress.", "en"),
        ("Клъстерните организации са от значение.", "bg"),
        ("Cluster organisations are enablers.", "en"),
        ("– wybór Europejskiego Menedżera Klastrów Roku i przyznanie nagrody.", "pl"),
        ("Нагородою Кластер року відзначили команду.", "uk"),
        ("Наградата Клъстер на годината беше връчена.", "bg"),
        ("NASA is looking to private companies to launch supplies.", "en"),
        ("Winston Peters is visiting a school.", "en"),
        ("Poland is a member of the Council.", "en"),
        ("Krajowy Zjazd Doradców jest zwoływany przez radę.", "pl"),
        ("It is a company that makes cables.", "en"),
    ])
    func notOrganisations(_ text: String, _ language: String) {
        #expect(EntityRecogniser().recognise(text, language: language).entities.filter { $0.type == "organisation" }.isEmpty)
    }
}
