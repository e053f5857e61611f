import Foundation
import IngestCore
@testable import IngestLanguage
import Logging
import Testing

@Suite struct PageLanguageAnalyzerTests {
    let analyzer: PageLanguageAnalyzer

    init() throws {
        analyzer = PageLanguageAnalyzer(detector: try LanguageDetector.bundled())
    }

    static func slice(_ text: String, _ span: TextSpan) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[span.start..<span.end])
        return String(out)
    }

    @Test("an English name inside a Bulgarian sentence is an English segment")
    func englishNameInBulgarian() {
        let text = """
            Второто издание на конференцията Grow your Region се проведе във Валенсия, Испания.

            Повече от 300 участника от над 25 европейски страни споделиха своя опит и идеи.
            """
        let info = analyzer.analyze(text)
        #expect(info.code == "bg")
        #expect(info.script == "Cyrl")
        #expect(info.paragraphs.map(\.code) == ["bg", "bg"])
        let english = info.segments.filter { $0.code == "en" }
        #expect(english.count == 1)
        #expect(english.first.map { Self.slice(text, $0.span) } == "Grow your Region")
    }

    @Test("a web address inside a Bulgarian paragraph is no English segment")
    func addressIsNoSegment() {
        let text = "Регистрацията за конференцията е отворена на https://example.com/registration/form до края на месеца."
        let info = analyzer.analyze(text)
        #expect(info.code == "bg")
        #expect(info.segments.isEmpty)
    }

    @Test("paragraphs in another language are segments; consecutive ones merge", arguments: [
        (
            "Конференцията се проведе в Пловдив и събра много участници от региона, които обсъдиха бъдещите проекти и новите възможности за сътрудничество между клъстерите.\n\nThe conference took place in Plovdiv.\n\nThe next edition will be held in Varna.\n\nСледващото издание ще бъде в бъдеще.",
            "bg", ["bg", "en", "en", "bg"], ["en"]
        ),
        (
            "Spotkanie odbyło się w Krakowie i zgromadziło wielu uczestników z regionu.\n\nЗустріч відбулася у Кракові та зібрала багато учасників.\n\nKolejna edycja odbędzie się w przyszłym roku w Gdańsku, jak zapowiedzieli organizatorzy.",
            "pl", ["pl", "uk", "pl"], ["uk"]
        ),
    ])
    func paragraphs(_ text: String, _ page: String, _ paragraphCodes: [String], _ segmentCodes: [String]) {
        let info = analyzer.analyze(text)
        #expect(info.code == page)
        #expect(info.paragraphs.map(\.code) == paragraphCodes)
        #expect(info.segments.map(\.code) == segmentCodes)
        for paragraph in info.paragraphs {
            let slice = Self.slice(text, paragraph.span)
            #expect(!slice.hasPrefix("\n") && !slice.hasSuffix("\n") && !slice.contains("\n\n"))
        }
    }

    /// "Ако можеше" ("if he could") is Bulgarian and Macedonian alike, and on its own comes out Macedonian by
    /// less than the page prior; a Russian sentence and an English one outweigh it.
    @Test("a paragraph leans to its page's language by the page prior, and only by that")
    func pageLanguagePrior() throws {
        let text = """
            Фестивалът ще се проведе в събота в центъра на града.

            Ако можеше

            Мы были вчера в театре, и это было прекрасно.

            Registration opens at nine in the morning.

            Програмата включва концерти, изложби и работилници за деца.
            """
        var detector = try LanguageDetector.bundled()
        detector.weights.pageLanguagePrior = 0
        let alone = PageLanguageAnalyzer(detector: detector).analyze(text)
        let leaning = analyzer.analyze(text)
        #expect(alone.paragraphs.map(\.code) == ["bg", "mk", "ru", "en", "bg"])
        #expect(leaning.paragraphs.map(\.code) == ["bg", "bg", "ru", "en", "bg"])
        #expect(leaning.segments.map(\.code) == ["ru", "en"])
        // The page is decided on its own evidence either way.
        #expect(alone.code == "bg" && leaning.code == "bg" && alone.confidence == leaning.confidence)
        // The short paragraph's odds move by exactly the prior: e^2 times the Bulgarian against Macedonian odds.
        func odds(prior: Double) throws -> Double {
            var detector = try LanguageDetector.bundled()
            detector.weights.pageLanguagePrior = prior
            var evidence = LanguageEvidence(languages: detector.model.languages.count)
            detector.evidence(of: "Ако можеше", into: &evidence)
            let scores = detector.decide(evidence, favouring: "bg").candidates
            let bulgarian = try #require(scores.first { $0.language == "bg" }).score
            let macedonian = try #require(scores.first { $0.language == "mk" }).score
            return log(bulgarian) - log(macedonian)
        }
        #expect(abs(try odds(prior: 2) - odds(prior: 0) - 2) < 1e-9)
    }

    @Test("the paragraph splitter's whitespace test agrees with Unicode's White_Space on every scalar")
    func whitespaceTable() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if LetterFolding.isWhitespace(value) != scalar.properties.isWhitespace { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
    }

    @Test("a text without letters is und with no paragraphs")
    func noLetters() {
        let info = analyzer.analyze("14.11.2017\n\n+359 2 123 456")
        #expect(info.code == LanguageGuess.undetermined)
        #expect(info.paragraphs.isEmpty)
        #expect(info.segments.isEmpty)
    }

    @Test("the stage fills Document.language and warns when the page is und")
    func stage() throws {
        let stage = LanguageDetection()
        var document = Document(id: PageID(rawValue: "p_test"), source: SourceRef(url: "file:test.html"), raw: [])
        document.text = "Делегація взяла участь у міжнародному форумі, присвяченому розвитку регіонів."
        let context = StageContext(runID: "r_test", logger: .init(label: "test"))
        #expect(try stage.process(&document, context: context) == .keep)
        #expect(document.language?.code == "uk")
        #expect(document.warnings.isEmpty)
        document.text = "xqzvbk wqrtzp jjjkkq zzxxqq"
        _ = try stage.process(&document, context: context)
        #expect(document.language?.code == LanguageGuess.undetermined)
        #expect(document.warnings.map(\.code) == ["undetermined"])
    }

    @Test("a long paragraph in a language outside the candidates is und and no segment; a page in one is und and warned")
    func foreignParagraph() throws {
        let german = LanguageDetectorTests.foreignParagraphs[0]
        let text = """
            Фестивалът ще се проведе в Националния дворец на културата от 12 до 18 май. В програмата участват \
            оркестри от цялата страна, а билетите се продават онлайн и в касите на двореца.

            \(german)
            """
        let info = analyzer.analyze(text)
        #expect(info.code == "bg")
        #expect(info.paragraphs.map(\.code) == ["bg", LanguageGuess.undetermined])
        #expect(info.segments.isEmpty)
        let stage = LanguageDetection()
        var document = Document(id: PageID(rawValue: "p_test"), source: SourceRef(url: "file:test.html"), raw: [])
        document.text = german
        _ = try stage.process(&document, context: StageContext(runID: "r_test", logger: .init(label: "test")))
        #expect(document.language?.code == LanguageGuess.undetermined)
        #expect(document.warnings.map(\.code) == ["undetermined"])
        var read = Document(id: PageID(rawValue: "p_test"), source: SourceRef(url: "file:test.html"), raw: [])
        read.text = german
        _ = try LanguageDetection(foreignTextCost: nil).process(&read, context: StageContext(runID: "r_test", logger: .init(label: "test")))
        #expect(read.language?.code != LanguageGuess.undetermined)
        #expect(read.warnings.isEmpty)
    }

    @Test("on a page in none of the candidates, headings and short paragraphs are und too, and a long paragraph in a candidate stays a segment")
    func foreignPage() {
        let german = LanguageDetectorTests.foreignParagraphs[0]
        let english = "The city council invites everyone to the spring festival in the market square, with music, dancing "
            + "and stalls selling local food, and a programme of games for children all afternoon."
        let text = """
            Frühlingsfest auf dem Marktplatz

            \(german)

            Weitere Informationen erhalten Sie bei der Stadtverwaltung, die auch Fragen zur Anmeldung von Ständen, \
            zur Anreise mit öffentlichen Verkehrsmitteln und zu den Parkmöglichkeiten in der Innenstadt beantwortet.

            \(english)

            Alle Termine im Überblick
            """
        let info = analyzer.analyze(text)
        #expect(info.code == LanguageGuess.undetermined)
        #expect(info.paragraphs.map(\.code) == ["und", "und", "und", "en", "und"])
        #expect(info.segments.map(\.code) == ["en"])
        #expect(info.paragraphs.filter { $0.code == LanguageGuess.undetermined }.allSatisfy { $0.confidence == 0 })
        var everyText = analyzer
        everyText.detector.weights.foreignTextCost = nil
        let read = everyText.analyze(text)
        #expect(read.code != LanguageGuess.undetermined)
        #expect(read.paragraphs[1].code != LanguageGuess.undetermined)
    }

    @Test("the stage's options are checked when the pipeline is read")
    func options() throws {
        let spec = LanguageDetection.descriptor.options[0]
        #expect(spec.name == "candidates")
        let parser = PipelineDefinitionParser(registry: StageRegistry([LanguageDetection.descriptor]))
        #expect(throws: DefinitionError.self) {
            try parser.parse(yaml: "name: x\nstages:\n  - language:\n      decoys: ru,xx\n", file: "p.yaml")
        }
        #expect(throws: DefinitionError.self) {
            try parser.parse(yaml: "name: x\nstages:\n  - language:\n      own_language_prior: -1\n", file: "p.yaml")
        }
        #expect(throws: DefinitionError.self) {
            try parser.parse(yaml: "name: x\nstages:\n  - language:\n      script_share: half\n", file: "p.yaml")
        }
    }

    @Test("the pipeline's decoys and priors reach the detector; by default the decoys are the six, with no own-language prior")
    func decoyOptions() throws {
        let parser = PipelineDefinitionParser(registry: StageRegistry([LanguageDetection.descriptor]))
        func detector(_ yaml: String) throws -> LanguageDetector {
            let definition = try parser.parse(yaml: yaml, file: "p.yaml")
            let stage = try #require(LanguageDetection.descriptor.make(definition.stages[0].options) as? LanguageDetection)
            return try stage.analyzer.get().detector
        }
        let plain = try detector("name: x\nstages:\n  - language\n")
        #expect(plain.candidates == LanguageDetector.defaultCandidates)
        #expect(plain.decoys == LanguageDetector.defaultDecoys)
        #expect(plain.weights == DetectionWeights())
        #expect(try detector("name: x\nstages:\n  - language:\n      page_language_prior: 0\n").weights.pageLanguagePrior == 0)
        #expect(try detector("name: x\nstages:\n  - language:\n      foreign_text_cost: 0\n").weights.foreignTextCost == nil)
        #expect(try detector("name: x\nstages:\n  - language:\n      foreign_text_cost: 3.5\n").weights.foreignTextCost == 3.5)
        let whole = try detector("name: x\nstages:\n  - language:\n      script_share: false\n")
        #expect(plain.weights.sharesPriorAmongScripts && !whole.weights.sharesPriorAmongScripts)
        #expect(whole.detect("сам") != plain.detect("сам"))
        let set = try detector(
            "name: x\nstages:\n  - language:\n      candidates: bg,pl,ru,cs\n      decoys: ru,cs,sk\n      own_language_prior: 0.5\n")
        #expect(set.candidates == ["bg", "pl", "ru", "cs"])
        #expect(set.decoys == ["ru", "cs"])
        #expect(set.weights.ownLanguagePrior == 0.5)
        // The prior changes the page's scores, not only the detector's settings.
        let text = "Na to je"
        #expect(set.detect(text) != (try detector("name: x\nstages:\n  - language:\n      candidates: bg,pl,ru,cs\n")).detect(text))
    }
}
