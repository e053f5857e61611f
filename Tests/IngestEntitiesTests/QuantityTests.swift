import IngestCore
import IngestEntities
import Testing

/// Counts with their unit and qualifier, in digits and in words.
@Suite struct QuantityTests {
    @Test("counts are found with value, qualifier and unit", arguments: [
        ("More than 70 participants attended.", "en", "More than 70 participants", 70, "more_than", "participants"),
        ("повече от 300 участника от над 25 страни", "bg", "повече от 300 участника", 300, "more_than", "participants"),
        ("над 25 европейски страни взеха участие", "bg", "над 25 европейски страни", 25, "more_than", "countries"),
        ("W kongresie wzięło udział ponad 100 uczestników.", "pl", "ponad 100 uczestników", 100, "more_than", "participants"),
        ("Зібралися понад 50 учасників з регіону.", "uk", "понад 50 учасників", 50, "more_than", "participants"),
        ("Участваха около 40 фирми.", "bg", "около 40 фирми", 40, "about", "companies"),
        ("with 205 participants at the event", "en", "205 participants", 205, "exact", "participants"),
        ("who took part in 158 bilateral meetings", "en", "158 bilateral meetings", 158, "exact", "meetings"),
        ("Guests from twenty-five countries came.", "en", "twenty-five countries", 25, "exact", "countries"),
        ("Przyjechało co najmniej sto osób.", "pl", "co najmniej sto osób", 100, "at_least", "people"),
        ("Прийшло пʼятдесят учасників.", "uk", "пʼятдесят учасників", 50, "exact", "participants"),
        ("Дойдоха двадесет и пет участници.", "bg", "двадесет и пет участници", 25, "exact", "participants"),
        ("The fair drew 1,200 visitors.", "en", "1,200 visitors", 1200, "exact", "visitors"),
        // Thousands grouped by a space, as Polish, Bulgarian and Ukrainian write them, the group last before the unit.
        ("targi odwiedziło ponad 1 800 osób", "pl", "ponad 1 800 osób", 1800, "more_than", "people"),
        ("Форумът събра над 2\u{00A0}500 участници.", "bg", "над 2\u{00A0}500 участници", 2500, "more_than", "participants"),
        ("Прийшло 12 000 відвідувачів.", "uk", "12 000 відвідувачів", 12000, "exact", "visitors"),
        ("The fair drew 1.200.000 visitors.", "en", "1.200.000 visitors", 1_200_000, "exact", "visitors"),
        ("Събитието събра над 120 представители на фирми.", "bg", "над 120 представители", 120, "more_than", "representatives"),
        ("Участь у навчанні взяли 32 представники малих виробників.", "uk", "32 представники", 32, "exact", "representatives"),
        ("Przyjechało ponad 40 przedstawicieli samorządów.", "pl", "ponad 40 przedstawicieli", 40, "more_than", "representatives"),
        ("The fair drew 300+ attendees.", "en", "300+ attendees", 300, "at_least", "attendees"),
    ])
    func quantity(_ text: String, _ language: String, _ written: String, _ value: Int, _ qualifier: String, _ unit: String) throws {
        let result = EntityRecogniser().recognise(text, language: language)
        let entity = try #require(result.entities.first { $0.type == "quantity" }, "no quantity in \(text)")
        #expect(entity.text == written)
        #expect(entity.normalised["value"] == .number(Double(value)))
        #expect(entity.normalised["qualifier"] == .string(qualifier))
        #expect(entity.normalised["unit"] == .string(unit))
    }

    @Test("numbers without a unit, ordinals and dates are no quantities", arguments: [
        "the 8th Polish Cluster Congress", "8. edycja konferencji", "Call 22 123 45 67 today", "on 21 November 2023 in Iasi",
    ])
    func notQuantities(_ text: String) {
        #expect(EntityRecogniser().recognise(text).entities.filter { $0.type == "quantity" }.isEmpty)
    }
}
