import Foundation
import IngestCore
import IngestHTML
import IngestTestSupport
import Testing

/// Pages with an expected text: the five seeds (real scraped text wrapped in the markup its site serves)
/// and pages written for common site builders in the four languages.
@Suite struct ExpectedTextTests {
    static let seeds = FixturePaths.pageNames().filter { $0.hasPrefix("seed-") }
    static let pagesWithExpectedText = FixturePaths.pageNames().filter { name in
        FileManager.default.fileExists(atPath: expectedFile(name, ".paragraphs.txt").path)
    }

    static func expectedFile(_ name: String, _ suffix: String) -> URL {
        FixturePaths.expectedParagraphs.appendingPathComponent(name.replacingOccurrences(of: ".html", with: suffix))
    }

    /// Boilerplate that leaked into the scraped seeds and must never reach `text`.
    static let forbidden = [
        "top of page", "bottom of page", "3 views", "0 comments", "Skip to content", "Покажи всички", "Podobne posty",
        "maxresdefault", "2023Iasi 0249", "2023Iasi 0225", "2023Iasi 0081", "7d86c9f5970865e99bd66d4e5c6a0791",
        "question_5__1", "Galerie foto", "Modus | Home page", "Created: 15/12/2022",
        // Titles of related posts.
        "FEMAC", "ETV 4 Innovation", "Zaproszenie na Clusters Meet Regions w Katowicach",
        "Nabór do Krajowych Klastrów Kluczowych", "ECCP Matchmaking Event in Chișinău",
        "Romanian clusters at the Danube Region Strategy Forum", "Save the date: Clusters Meet Regions Iași",
    ]

    func strip(_ name: String) throws -> StrippedPage {
        try HTMLStrip().strip(FixturePaths.bytes(ofPage: name), url: "file:" + name)
    }

    /// Paragraphs a perfect extractor keeps, whitespace folded as HTML renders it.
    func expectedParagraphs(_ name: String) throws -> [String] {
        return try String(contentsOf: Self.expectedFile(name, ".paragraphs.txt"), encoding: .utf8).components(separatedBy: "\n\n").map(Self.fold).filter { !$0.isEmpty }
    }

    static func fold(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" }).joined(separator: " ")
    }

    @Test("every paragraph of the page's body is in the text, each on its own", arguments: pagesWithExpectedText)
    func keepsEveryParagraph(_ name: String) throws {
        let page = try strip(name)
        let blocks = Set(page.text.components(separatedBy: "\n\n").flatMap { $0.components(separatedBy: "\n") }.map(Self.fold))
        for paragraph in try expectedParagraphs(name) {
            #expect(blocks.contains(paragraph) || Self.fold(page.title ?? "") == paragraph, "missing: \(paragraph.prefix(70))")
        }
    }

    @Test("no boilerplate reaches the text", arguments: pagesWithExpectedText)
    func dropsBoilerplate(_ name: String) throws {
        let page = try strip(name)
        let listed = (try? String(contentsOf: Self.expectedFile(name, ".boilerplate.txt"), encoding: .utf8))?
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty } ?? []
        for phrase in (name.hasPrefix("seed-") ? Self.forbidden : []) + listed {
            #expect(!page.text.contains(phrase), "leaked: \(phrase)")
        }
    }

    @Test("the title is the article's own headline, without the site name", arguments: [
        ("seed-000-wix.html", "The Intercluster Conference \"Regional Cluster Initiatives\""),
        ("seed-001-wordpress-bg.html", "Клъстер Зелена синергия взе участие на конференцията Grow your Region във Валенсия"),
        ("seed-002-wordpress-ro.html", "Clusters as drivers of regional innovation ecosystems"),
        ("seed-003-wordpress-pl.html", "Europejska Konferencja Klastrów 2022"),
        ("seed-004-modus.html", "We went to Katowice to attend the Clusters Meet Regions"),
    ])
    func title(_ name: String, _ expected: String) throws {
        #expect(try strip(name).title == expected)
    }

    @Test("the publication date comes from structured data first", arguments: [
        ("seed-002-wordpress-ro.html", "2023-11-28T08:15:00+00:00", "json-ld:datePublished"),
        ("seed-003-wordpress-pl.html", "2022-10-05T09:00:00+02:00", "json-ld:datePublished"),
    ])
    func published(_ name: String, _ value: String, _ source: String) throws {
        let page = try strip(name)
        #expect(page.published?.value == value)
        #expect(page.published?.source == source)
    }

    @Test("mojibake in the page is kept as served; repairing it is the repair stage's job")
    func mojibakeKept() throws {
        #expect(try strip("seed-002-wordpress-ro.html").text.contains("Iaศ™i"))
    }
}
