import IngestCore
import IngestLanguage
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
