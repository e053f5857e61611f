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

    @Test("event names and lone sentence-initial trigger words are not organisations", arguments: [
        ("Clusters Meet Regions took place in Iasi.", "en"),
        ("It was covered by the 8th Polish Cluster Congress.", "en"),
        ("Клъстерните организации са от значение.", "bg"),
        ("Cluster organisations are enablers.", "en"),
    ])
    func notOrganisations(_ text: String, _ language: String) {
        #expect(EntityRecogniser().recognise(text, language: language).entities.filter { $0.type == "organisation" }.isEmpty)
    }
}
