import Foundation
import IngestCore
import IngestHTML
import Testing

@Suite struct TemplateLearningTests {
    static let repeated = "Проектът се финансира от програма „Конкурентоспособност“ на Европейския съюз и държавния бюджет."

    /// Pages of one site: different stories inside the same template, whose repeated line sits inside the
    /// article container where markup rules cannot tell it from the story.
    static func page(_ number: Int) -> [UInt8] {
        let story = [
            "Клъстерът организира семинар за енергийна ефективност в Пловдив, с участието на 40 фирми от региона.",
            "Членовете на клъстера посетиха панаира в Хановер и проведоха над 30 срещи с потенциални партньори.",
            "Новият обучителен център отвори врати в Стара Загора, където ще се провеждат курсове за оператори.",
            "Годишното общо събрание избра нов управителен съвет и прие програмата за следващите две години.",
        ][number % 4]
        return Array(
            """
            <html><head><title>Новина \(number)</title><link rel="canonical" href="https://klaster.example/news/\(number)"></head>
            <body><article><h1>Новина \(number)</h1><p>\(story) Повече подробности ще бъдат публикувани скоро на сайта.</p>
            <p>\(repeated)</p></article></body></html>
            """.utf8)
    }

    func learn(pages: Range<Int>, configuration: TemplateLearner.Configuration = .init()) throws -> SiteTemplates {
        var learner = TemplateLearner(configuration: configuration)
        let strip = HTMLStrip()
        for number in pages {
            let raw = Self.page(number)
            learner.add(site: SiteKey.of(url: "file:news/\(number).html", raw: raw), blocks: try strip.sample(raw, keepPage: false).learnable)
        }
        return learner.templates
    }

    @Test("a block repeated across a site's pages is dropped from every page of that site")
    func repeatedBlockDropped() throws {
        let templates = try learn(pages: 0..<4)
        #expect(templates.fingerprints.keys.sorted() == ["klaster.example"])
        let strip = HTMLStrip(templates: templates)
        for number in 0..<4 {
            let text = try strip.strip(Self.page(number), url: "file:news/\(number).html").text
            #expect(!text.contains(Self.repeated))
            #expect(text.contains("Повече подробности ще бъдат публикувани скоро"))
        }
        #expect(try HTMLStrip().strip(Self.page(0)).text.contains(Self.repeated))
    }

    @Test("two pages are not enough evidence to call anything template")
    func tooFewPages() throws {
        #expect(try learn(pages: 0..<2).isEmpty)
    }

    @Test("templates of one site never touch another site's pages")
    func otherSitesUntouched() throws {
        let templates = try learn(pages: 0..<4)
        let elsewhere = Array(
            String(decoding: Self.page(1), as: UTF8.self).replacingOccurrences(of: "klaster.example", with: "drug.example").utf8)
        #expect(try HTMLStrip(templates: templates).strip(elsewhere).text.contains(Self.repeated))
    }

    @Test("the sample per site is bounded")
    func boundedSample() throws {
        var learner = TemplateLearner(configuration: .init(pagesPerSite: 3))
        for _ in 0..<10 { learner.add(site: "a", blocks: [1, 2]) }
        #expect(!learner.wants(site: "a"))
        #expect(learner.wants(site: "b"))
        #expect(learner.templates == SiteTemplates(fingerprints: ["a": [1, 2]]))
    }
}
