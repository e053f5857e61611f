import Foundation
import IngestCore
@testable import IngestLanguage
import Testing

@Suite struct LanguageDetectorTests {
    let detector: LanguageDetector

    init() throws {
        detector = try LanguageDetector.bundled()
    }

    @Test("sentences in the four languages come back as themselves, with their script", arguments: [
        ("Клъстерът организира среща с представители на местния бизнес в Пловдив през следващата седмица.", "bg", "Cyrl"),
        ("Общината обяви, че ремонтът на улицата ще приключи до края на месеца.", "bg", "Cyrl"),
        ("Spotkanie odbędzie się w przyszły czwartek w siedzibie urzędu miasta.", "pl", "Latn"),
        ("Wszyscy uczestnicy otrzymali materiały szkoleniowe i certyfikaty.", "pl", "Latn"),
        ("Делегація взяла участь у міжнародному форумі, присвяченому розвитку регіонів.", "uk", "Cyrl"),
        ("Учасники обговорили, як залучити більше інвестицій у сільське господарство.", "uk", "Cyrl"),
        ("The workshop brought together researchers and small companies from five countries.", "en", "Latn"),
        ("Registration closes on Friday, and the programme will be published next week.", "en", "Latn"),
    ])
    func targetLanguages(_ text: String, _ code: String, _ script: String) {
        let guess = detector.detect(text)
        #expect(guess.code == code, "\(text) → \(guess.candidates.prefix(3))")
        #expect(guess.script == script)
        #expect(guess.confidence >= 0.5)
    }

    @Test("decoy languages come back as themselves, not as the nearest target", arguments: [
        ("Правительство объявило о новых мерах поддержки малого бизнеса в этом году.", "ru"),
        ("Вчера вечером мы долго разговаривали о том, что будет дальше.", "ru"),
        ("Владата најави нови мерки за поддршка на малите претпријатија оваа година.", "mk"),
        ("Што ќе правиш утре попладне, дали ќе дојдеш кај нас?", "mk"),
        ("Влада је најавила нове мере подршке малим предузећима ове године.", "sr"),
        ("Vlada je najavila nove mere podrške malim preduzećima ove godine.", "sr"),
        ("Урад абвясціў новыя меры падтрымкі малога бізнесу ў гэтым годзе.", "be"),
        ("Vláda oznámila nová opatření na podporu malých podniků v letošním roce.", "cs"),
        ("Vláda oznámila nové opatrenia na podporu malých podnikov v tomto roku.", "sk"),
    ])
    func decoys(_ text: String, _ code: String) {
        let guess = detector.detect(text)
        #expect(guess.code == code, "\(text) → \(guess.candidates.prefix(3))")
    }

    @Test("close pairs are told apart by their words and letters", arguments: [
        ("Това е книгата, която ти дадох вчера.", "bg"),
        ("Ова е книгата што ти ја дадов вчера.", "mk"),
        ("Це книжка, яку я дав тобі вчора.", "uk"),
        ("Это книга, которую я дал тебе вчера.", "ru"),
        ("Gdzie jest najbliższy przystanek autobusowy?", "pl"),
        ("Kde je nejbližší autobusová zastávka?", "cs"),
        ("Kde je najbližšia autobusová zastávka?", "sk"),
    ])
    func closePairs(_ text: String, _ code: String) {
        #expect(detector.detect(text).code == code, "\(text) → \(detector.detect(text).candidates.prefix(3))")
    }

    @Test("no letters, one letter, another script or gibberish is und", arguments: [
        "", "   ", "12.11.2017 – 14:30", "а", "Καλημέρα σας, τι κάνετε σήμερα;", "xqzvbk wqrtzp jjjkkq",
    ])
    func undetermined(_ text: String) {
        let guess = detector.detect(text)
        #expect(guess.code == LanguageGuess.undetermined, "\(text) → \(guess.candidates.prefix(3))")
    }

    /// Paragraphs in languages outside the candidates, long enough for their letters to show it.
    static let foreignParagraphs = [
        "Die Stadtverwaltung lädt alle Bürgerinnen und Bürger herzlich zum Frühlingsfest auf dem Marktplatz ein. Neben Musik und Tanz gibt es zahlreiche Stände mit regionalen Spezialitäten, und für die Kinder wird ein buntes Programm angeboten.",
        "A prefeitura convida todos os moradores para a festa de primavera na praça principal. Além de música e dança, haverá barracas com especialidades regionais, e as crianças poderão participar de oficinas durante toda a tarde.",
        "De gemeente nodigt alle inwoners uit voor het lentefeest op het marktplein. Naast muziek en dans zijn er kraampjes met streekproducten, en voor de kinderen is er de hele middag een gevarieerd programma met spelletjes.",
        "Pemerintah kota mengundang seluruh warga untuk menghadiri festival musim semi di alun-alun. Selain musik dan tarian, akan ada banyak kios yang menjual makanan khas daerah, dan anak-anak dapat mengikuti berbagai permainan.",
        "A városvezetés szeretettel meghívja a lakosokat a tavaszi fesztiválra a főtéren. A zene és a tánc mellett számos standon kínálnak helyi különlegességeket, a gyerekeket pedig egész délután játékos programok várják.",
    ]

    @Test("a long text in a language outside the candidates is und with confidence 0, not the nearest candidate", arguments: foreignParagraphs)
    func foreignText(_ text: String) {
        let guess = detector.detect(text)
        #expect(guess.code == LanguageGuess.undetermined, "\(text.prefix(30)) → \(guess.candidates.prefix(3))")
        #expect(guess.confidence == 0)
        #expect(guess.candidates.count == detector.candidates.count)
        var everyText = detector
        everyText.weights.foreignTextCost = nil
        #expect(everyText.detect(text).code != LanguageGuess.undetermined)
    }

    @Test("long texts in the candidates, names and loan words included, are not taken for foreign", arguments: [
        ("Фестивалът „Sofia Music Weeks“ ще се проведе в Национален дворец на културата от 12 до 18 май. В програмата участват оркестри от България, Германия и Австрия, а билетите се продават онлайн и в касите на НДК.", "bg"),
        ("Koncert zespołu The Rolling Stones odbędzie się 14 czerwca na PGE Narodowym w Warszawie. Bilety można kupić w serwisie eBilet oraz w kasach stadionu, a organizatorzy zapowiadają dodatkowe atrakcje dla fanów przed występem.", "pl"),
        ("Міжнародна конференція «Digital Ukraine» відбудеться у Львові 3 жовтня. Серед доповідачів будуть представники Google, Microsoft та місцевих IT-компаній, а реєстрація для учасників триває до кінця вересня.", "uk"),
        ("Rafael Nadal kept Spain's hopes alive, then Marcel Granollers and Feliciano López won the doubles at the Caja Mágica in Madrid, while Jürgen Müller and Søren Kierkegaard Østergaard looked on from the stands with the rest of the crowd.", "en"),
    ])
    func genuineLongText(_ text: String, _ code: String) {
        #expect(detector.detect(text).code == code, "\(text.prefix(30)) → \(detector.detect(text).candidates.prefix(3))")
    }

    @Test("a text with fewer letters than the minimum is never taken for foreign: it gets the nearest candidate")
    func shortForeignText() {
        let text = "Szeretettel meghívjuk önöket a tavaszi fesztiválra."
        let guess = detector.detect(text)
        #expect(guess.code != LanguageGuess.undetermined, "\(guess.candidates.prefix(3))")
        var strict = detector
        strict.weights.foreignTextMinimumLetters = 10
        #expect(strict.detect(text).code == LanguageGuess.undetermined)
    }

    @Test("the candidate set limits the answer; scores add up to 1, best first")
    func candidateSet() throws {
        let restricted = try LanguageDetector.bundled(candidates: ["bg", "uk"])
        let guess = restricted.detect("Правительство объявило о новых мерах поддержки малого бизнеса.")
        #expect(Set(guess.candidates.map(\.language)) == ["bg", "uk"])
        #expect(abs(guess.candidates.map(\.score).reduce(0, +) - 1) < 1e-9)
        #expect(guess.candidates.map(\.score) == guess.candidates.map(\.score).sorted(by: >))
    }

    @Test("a long text stops being read once one language leads decisively, with the same answer", arguments: [
        String(repeating: "Клъстерът организира семинар за енергийна ефективност в Пловдив, с участието на 40 фирми от региона. ", count: 20),
        String(repeating: "Делегація кластера взяла участь у форумі в місті Жешув, де провела зустрічі з партнерами. ", count: 20),
    ])
    func decisiveMargin(_ text: String) {
        let full = detector.decide(detector.evidence(of: text[...]))
        let early = detector.detect(text)
        #expect(early.code == full.code)
        #expect(early.confidence > 0.99)
        // Less evidence read: the runner-up keeps a share that the whole text would have driven to zero.
        #expect(early.candidates[1].score > full.candidates[1].score)
        var exhaustive = detector
        exhaustive.weights.decisiveMargin = nil
        #expect(exhaustive.detect(text) == full)
        // A margin no text reaches reads everything, like page analysis.
        exhaustive.weights.decisiveMargin = 1e9
        #expect(exhaustive.detect(text) == full)
    }

    /// ln of the odds of `first` against `second` in a guess: what a prior moves.
    func logOdds(_ guess: LanguageGuess, _ first: String, _ second: String) throws -> Double {
        func score(_ code: String) throws -> Double {
            try #require(guess.candidates.first { $0.language == code }).score
        }
        return log(try score(first)) - log(try score(second))
    }

    /// Pairs of languages that are both own languages, both decoys, and each written in one script, whose
    /// odds neither prior may move.
    static let pairsWithoutPrior = [("bg", "pl"), ("uk", "en"), ("ru", "cs"), ("mk", "sk")]

    @Test("the prior for the pipeline's own languages multiplies each one's odds against each decoy by e^prior", arguments: [
        "na", "to", "i", "Co", "не", "и", "Kde je nejbližší autobusová zastávka?",
    ])
    func ownLanguagePrior(_ text: String) throws {
        // Read to the end both times: the prior also moves the lead at which reading stops.
        var reading = detector
        reading.weights.decisiveMargin = nil
        let plain = reading.detect(text)
        var leaning = reading
        leaning.weights.ownLanguagePrior = 1
        let leaned = leaning.detect(text)
        #expect(abs(leaned.candidates.map(\.score).reduce(0, +) - 1) < 1e-9)
        for own in ["bg", "pl", "uk", "en"] {
            for decoy in LanguageDetector.defaultDecoys {
                let moved = try logOdds(leaned, own, decoy) - logOdds(plain, own, decoy)
                #expect(abs(moved - 1) < 1e-9, "\(text): \(own) against \(decoy)")
            }
        }
        for (first, second) in Self.pairsWithoutPrior {
            let moved = try logOdds(leaned, first, second) - logOdds(plain, first, second)
            #expect(abs(moved) < 1e-9, "\(text): \(first) against \(second)")
        }
        // Without decoys the prior has nothing to weigh.
        var none = try LanguageDetector.bundled(decoys: [])
        none.weights.decisiveMargin = nil
        none.weights.ownLanguagePrior = 1
        #expect(none.detect(text) == plain)
    }

    /// Serbian's Latin model is its Cyrillic sentences transliterated; each speaks for all of Serbian, so a
    /// text in either script is worth half of what that model says.
    @Test("a language written in two scripts pays ln 2 against each language written in one, in either script", arguments: [
        "ma", "od", "Kde je nejbližší autobusová zastávka?", "сам", "Ово је реченица на српском језику.", "мы",
    ])
    func scriptSharePrior(_ text: String) throws {
        #expect(detector.model.scriptCounts == detector.model.languages.map { $0 == "sr" ? 2 : 1 })
        var whole = detector
        whole.weights.decisiveMargin = nil
        whole.weights.sharesPriorAmongScripts = false
        var shared = whole
        shared.weights.sharesPriorAmongScripts = true
        let before = whole.detect(text)
        let after = shared.detect(text)
        for other in detector.candidates where other != "sr" {
            let moved = try logOdds(after, "sr", other) - logOdds(before, "sr", other)
            #expect(abs(moved + log(2)) < 1e-9, "\(text): sr against \(other)")
        }
        for (first, second) in Self.pairsWithoutPrior {
            let moved = try logOdds(after, first, second) - logOdds(before, first, second)
            #expect(abs(moved) < 1e-9, "\(text): \(first) against \(second)")
        }
        // Serbian in full sentences, in either script, stays Serbian.
        if text.hasSuffix(".") { #expect(after.code == "sr") }
    }

    /// "жители" ("inhabitants") has exactly the same evidence in Bulgarian and Russian, "травы" ("of grass") in Russian and Belarusian:
    /// nothing in the text decides, so the pipeline's priorities do.
    @Test("candidates with the same evidence are ranked own languages first, then in the order given", arguments: [
        ("жители", ["bg", "pl", "uk", "en", "ru", "mk", "sr", "be", "cs", "sk"], LanguageDetector.defaultDecoys, ["bg", "ru"]),
        ("жители", ["ru", "bg"], [], ["ru", "bg"]),
        ("жители", ["bg", "ru"], [], ["bg", "ru"]),
        ("жители", ["ru", "bg"], ["ru"], ["bg", "ru"]),
        ("травы", ["be", "ru"], [], ["be", "ru"]),
        ("травы", ["be", "ru"], ["be"], ["ru", "be"]),
    ])
    func tiesFollowThePipeline(_ text: String, _ candidates: [String], _ decoys: [String], _ expected: [String]) throws {
        let guess = try LanguageDetector.bundled(candidates: candidates, decoys: decoys).detect(text)
        let top = Array(guess.candidates.prefix(2))
        #expect(top.map(\.language) == expected)
        #expect(top.count == 2 && top[0].score == top[1].score, "\(text): the two must tie for the order to be the tie-break's")
    }

    /// English writes its pronoun I as a capital; "i" in lower case is "and" in Polish, Czech, Slovak and Serbian.
    @Test("a lone lower-case i is not English, a capital I may be, and English written in lower case stays English", arguments: [
        ("i", "pl"), ("I", "en"), ("i think so", "en"), ("kot i pies", "pl"),
    ])
    func loneLowercaseI(_ text: String, _ expected: String) throws {
        let guess = try LanguageDetector.bundled(candidates: ["pl", "en"], decoys: []).detect(text)
        #expect(guess.candidates.first?.language == expected)
    }

    /// The repair stage writes Ukrainian apostrophes as U+02BC, which Unicode calls a letter.
    @Test("every apostrophe between letters is the model's one apostrophe, U+02BC included", arguments: [
        "зʼїзд", "з’їзд", "пʼять років",
    ])
    func apostrophes(_ text: String) {
        let plain = text.replacingOccurrences(of: "ʼ", with: "'").replacingOccurrences(of: "’", with: "'")
        #expect(detector.evidence(of: text[...]) == detector.evidence(of: plain[...]))
    }

    /// Belarusian and Ukrainian typed on a Latin layout carry Latin "i" inside Cyrillic words, and Latin
    /// capitals stand in for Cyrillic ones; the model's sentences were cleaned of both.
    @Test("Latin look-alikes inside a Cyrillic word are read as the Cyrillic letters they stand for", arguments: [
        ("для iх", "для іх"), ("органамi і", "органамі і"), ("Kлъстер", "Клъстер"), ("МОСKВА", "МОСКВА"),
        ("Hовини дня", "Новини дня"), ("пʼятницi", "пʼятниці"),
    ])
    func lookAlikes(_ mixed: String, _ cyrillic: String) {
        let read = detector.evidence(of: mixed[...])
        #expect(read == detector.evidence(of: cyrillic[...]))
        #expect(read.dominantScript == .cyrillic)
        #expect(detector.detect(mixed) == detector.detect(cyrillic))
    }

    /// The same rule as the repair stage's: only a word mostly Cyrillic whose every Latin letter has a twin.
    @Test("a word with more Latin letters than Cyrillic, or a Latin letter without a twin, is read as written", arguments: [
        ("abв", "абв"), ("Wiкі", "Wікі"), ("łiк", "łік"),
    ])
    func notLookAlikes(_ mixed: String, _ converted: String) {
        #expect(detector.evidence(of: mixed[...]) != detector.evidence(of: converted[...]))
    }

    @Test("the decoys are those of the candidates named as decoys; an unknown one is refused")
    func decoyCandidates() throws {
        #expect(detector.decoys == LanguageDetector.defaultDecoys)
        #expect(try LanguageDetector.bundled(candidates: ["cs", "bg", "ru"]).decoys == ["cs", "ru"])
        #expect(try LanguageDetector.bundled(candidates: ["bg", "ru"], decoys: ["bg"]).decoys == ["bg"])
        #expect(try LanguageDetector.bundled(decoys: []).decoys.isEmpty)
        #expect(throws: LanguageModelError.self) { try LanguageDetector.bundled(decoys: ["xx"]) }
    }

    @Test("a short known word can be scored by its word entry in place of its letters", arguments: [
        ("na", true), ("i", true), ("ale", true), ("на", true), ("ministrem", false), ("qzx", false),
    ])
    func wholeWordLetters(_ word: String, _ replaced: Bool) {
        var whole = detector
        whole.weights.wholeWordLetters = 3
        let letters = detector.evidence(of: word[...])
        let words = whole.evidence(of: word[...])
        let languages = detector.model.languages.count
        let bank = LanguageEvidence.bank(of: words.dominantScript ?? .other)
        // The letters' slot and the words' slot of the word's script.
        func slot(_ evidence: LanguageEvidence, _ number: Int) -> [Int] {
            let start = (bank * LanguageModel.wordOrder + number) * languages
            return Array(evidence.sums[start..<(start + languages)])
        }
        if replaced {
            #expect(slot(words, 0) == slot(words, LanguageModel.wordOrder - 1))
            #expect(slot(words, 0) != slot(letters, 0))
            #expect(slot(words, LanguageModel.wordOrder - 1) == slot(letters, LanguageModel.wordOrder - 1))
        } else {
            // A longer word, or one the model does not know, keeps its letters.
            #expect(words == letters)
        }
        #expect(words.absentLetters == letters.absentLetters)
        #expect(words.trigrams == letters.trigrams && words.knownTrigrams == letters.knownTrigrams)
    }

    @Test("an unknown candidate is refused with the languages the model knows")
    func unknownCandidate() {
        #expect(throws: LanguageModelError.self) { try LanguageDetector.bundled(candidates: ["bg", "xx"]) }
        do {
            _ = try LanguageDetector.bundled(candidates: ["de"])
        } catch {
            #expect(error.description.contains("no 'de'"))
            #expect(error.description.contains("bg, pl, uk, en"))
        }
    }

    @Test("a damaged model file is refused, not half-read", arguments: [
        Array("not a model".utf8), Array("INGLANG3".utf8), Array("INGLANG4".utf8) + [2, 0, 0, 0, 0x62, 0x67],
    ])
    func damagedModel(_ bytes: [UInt8]) {
        #expect(throws: LanguageModelError.self) { try LanguageModel(bytes: bytes) }
    }

    @Test("the bundled model is small in memory and every language has entries")
    func modelSize() throws {
        let model = try LanguageModel.bundled.get()
        #expect(model.languages == LanguageDetector.defaultCandidates)
        #expect(model.entryCount > 100_000)
        #expect(model.entryCount * (8 + model.languages.count) < 20_000_000)
    }
}
