import Foundation
import IngestCore

/// Reads what strip needs from a page's JSON-LD: authors, the site's name, and schema.org `Event`s.
///
/// JSON-LD in the wild mixes strings, objects and arrays for the same property (`author: "A"`,
/// `author: {"name": "A"}`, `author: [{…}, {…}]`), so every accessor accepts all three.
struct JSONLDReader {
    let objects: [[String: Any]]

    /// Event types from schema.org's Event hierarchy that report something happening.
    static let eventTypes: Set<String> = [
        "Event", "BusinessEvent", "ChildrensEvent", "ComedyEvent", "CourseInstance", "DanceEvent", "DeliveryEvent",
        "EducationEvent", "EventSeries", "ExhibitionEvent", "Festival", "FoodEvent", "Hackathon", "LiteraryEvent",
        "MusicEvent", "PublicationEvent", "SaleEvent", "ScreeningEvent", "SocialEvent", "SportsEvent", "TheaterEvent",
        "VisualArtsEvent",
    ]
    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "WebPage",
        "TechArticle", "ScholarlyArticle",
    ]

    static func types(of object: [String: Any]) -> Set<String> {
        let raw = object["@type"]
        let names = (raw as? [Any])?.compactMap { $0 as? String } ?? (raw as? String).map { [$0] } ?? []
        return Set(names.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
    }

    /// Names in a property that holds a string, an object with `name`, or an array of either.
    static func names(_ value: Any?) -> [String] {
        switch value {
        case let text as String: [text]
        case let object as [String: Any]: (object["name"] as? String).map { [$0] } ?? []
        case let array as [Any]: array.flatMap { names($0) }
        default: []
        }
    }

    private static func clean(_ text: String) -> String? { MetadataReader.clean(text) }

    var author: String? {
        for object in objects where !Self.types(of: object).isDisjoint(with: Self.articleTypes) {
            let authors = Self.names(object["author"]).compactMap(Self.clean).filter { !$0.hasPrefix("http") }
            if !authors.isEmpty { return authors.joined(separator: ", ") }
        }
        return nil
    }

    var siteName: String? {
        for object in objects where Self.types(of: object).contains("WebSite") {
            if let name = (object["name"] as? String).flatMap(Self.clean) { return name }
        }
        for object in objects where !Self.types(of: object).isDisjoint(with: Self.articleTypes) {
            if let name = Self.names(object["publisher"]).compactMap(Self.clean).first { return name }
        }
        return nil
    }

    var events: [StructuredEvent] {
        objects.filter { !Self.types(of: $0).isDisjoint(with: Self.eventTypes) }.map(Self.event(from:))
    }

    private static func event(from object: [String: Any]) -> StructuredEvent {
        var event = StructuredEvent(
            name: (object["name"] as? String).flatMap(clean),
            start: (object["startDate"] as? String).flatMap(ISODate.normalise),
            end: (object["endDate"] as? String).flatMap(ISODate.normalise),
            organisers: names(object["organizer"]).compactMap(clean),
            url: object["url"] as? String)
        let locations = (object["location"] as? [Any]) ?? object["location"].map { [$0] } ?? []
        var sawVirtual = false
        var sawPlace = false
        for location in locations {
            if let name = location as? String {
                sawPlace = true
                event.venue = event.venue ?? clean(name)
                continue
            }
            guard let place = location as? [String: Any] else { continue }
            if types(of: place).contains("VirtualLocation") {
                sawVirtual = true
                continue
            }
            sawPlace = true
            event.venue = event.venue ?? (place["name"] as? String).flatMap(clean)
            if let address = place["address"] as? [String: Any] {
                event.locality = event.locality ?? (address["addressLocality"] as? String).flatMap(clean)
                event.country = event.country ?? names(address["addressCountry"]).compactMap(clean).first
            } else if let address = place["address"] as? String {
                event.locality = event.locality ?? clean(address)
            }
        }
        let mode = (object["eventAttendanceMode"] as? String)?.lowercased() ?? ""
        if mode.contains("mixed") || (sawVirtual && sawPlace) {
            event.attendance = "hybrid"
        } else if mode.contains("online") || sawVirtual {
            event.attendance = "online"
        } else if mode.contains("offline") || sawPlace {
            event.attendance = "offline"
        }
        return event
    }
}
