import IngestCore
import IngestHTML
import Testing

@Suite struct MetadataTests {
    func strip(_ head: String, body: String = "<article><p>The forum gathered cluster managers from twelve countries, and it went well.</p></article>") throws -> StrippedPage {
        try HTMLStrip().strip(Array("<html><head>\(head)</head><body>\(body)</body></html>".utf8))
    }

    @Test("schema.org Event data in JSON-LD is passed on, whatever shape its properties take")
    func jsonLDEvent() throws {
        let page = try strip(
            """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Cluster Network"},
              {"@type":["BusinessEvent"],"name":"Clusters Meet Regions","startDate":"2022-11-07","endDate":"2022-11-08T17:00:00+01:00",
               "eventAttendanceMode":"https://schema.org/MixedEventAttendanceMode",
               "location":[{"@type":"Place","name":"International Convention Centre","address":{"@type":"PostalAddress","addressLocality":"Katowice","addressCountry":{"@type":"Country","name":"PL"}}},
                           {"@type":"VirtualLocation","url":"https://stream.example"}],
               "organizer":[{"@type":"Organization","name":"ECCP"},"Polish Cluster Association"]}]}
            </script>
            """)
        #expect(
            page.structuredEvents == [
                StructuredEvent(
                    name: "Clusters Meet Regions", start: "2022-11-07", end: "2022-11-08T17:00:00+01:00",
                    venue: "International Convention Centre", locality: "Katowice", country: "PL", attendance: "hybrid",
                    organisers: ["ECCP", "Polish Cluster Association"])
            ])
        #expect(page.siteName == "Cluster Network")
    }

    @Test("a page without Event data passes on no events")
    func noEvents() throws {
        #expect(try strip("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x\"}</script>").structuredEvents.isEmpty)
    }

    @Test("authors come from JSON-LD, then meta tags, never from profile URLs", arguments: [
        (#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Iva Marić"},{"name":"Jan Nowak"}]}</script>"#, "Iva Marić, Jan Nowak"),
        (#"<meta name="author" content="Олена Коваль"><meta property="article:author" content="https://facebook.example/olena">"#, "Олена Коваль"),
        (#"<meta property="article:author" content="https://facebook.example/olena">"#, nil),
    ])
    func author(_ head: String, _ expected: String?) throws {
        #expect(try strip(head).author == expected)
    }

    @Test("the site name comes from og:site_name first")
    func siteName() throws {
        #expect(try strip("<meta property=\"og:site_name\" content=\"Клъстер Зелена синергия\">").siteName == "Клъстер Зелена синергия")
    }
}
