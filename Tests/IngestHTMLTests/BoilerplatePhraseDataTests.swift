import Foundation
@testable import IngestHTML
import IngestTestSupport
import Testing

@Suite struct BoilerplatePhraseDataTests {
    @Test("the compiled phrase list is generated from Data/boilerplate-phrases.tsv and up to date")
    func generatedFileIsCurrent() async throws {
        #expect(
            try await PythonScript.run(["Scripts/build-boilerplate-phrases.py", "--check"]) == 0,
            "run python3 Scripts/build-boilerplate-phrases.py")
    }

    @Test("the compiled function-word lists, letter-pair tables and repair word lists are generated from the CC0 training sentences and up to date",
        .enabled(if: FileManager.default.fileExists(atPath: FixturePaths.packageRoot.appendingPathComponent("../shared/corpora/train/bg.txt").path)))
    func functionWordsAreCurrent() async throws {
        for script in ["build-function-words.py", "build-letter-pairs.py", "build-repair-words.py"] {
            #expect(try await PythonScript.run(["Scripts/" + script, "--check"]) == 0, "run python3 Scripts/\(script)")
        }
    }

    @Test("prose is rich in function words; lists of names and titles are not", arguments: [
        ("Клъстерът организира семинар за енергийна ефективност в Пловдив, с участието на 40 фирми от региона.", true),
        ("W środę w Łodzi odbyło się spotkanie przedstawicieli dwunastu klastrów z całej Polski.", true),
        ("Делегація кластера взяла участь у форумі в місті Жешув, де провела зустрічі з партнерами.", true),
        ("The conference ended with a visit to the production facilities of the company.", true),
        ("Home News Events Members Projects Gallery Contacts About Partners Login", false),
        ("Energy audits Digital twins Export readiness Project applications Funding calls", false),
    ])
    func functionWords(_ text: String, _ isProse: Bool) {
        let measured = FunctionWordRatio.of(Array(text.utf8))
        #expect((measured.ratio >= 0.15) == isProse, "\(measured)")
    }

    @Test("furniture lines in all four languages are recognised", arguments: [
        "Skip to content", "Read more", "Покажи всички", "Podobne posty", "Схожі новини", "3 views0 comments",
        "12 wyświetleń", "5 коментара", "7 переглядів", "Този сайт използва бисквитки, за да подобри работата си.",
        "Tagi: klastry, innowacje",
    ])
    func furniture(_ line: String) {
        #expect(BoilerplateLines.matches(Array(line.utf8)))
    }

    @Test("sentences that merely contain a phrase are kept", arguments: [
        "Read more about the programme in the conference brochure, which lists all speakers.",
        "2023 is the European year of skills",
        "Коментарите на участниците бяха единодушни: форумът трябва да продължи.",
        "Members surveyed | 84",
    ])
    func prose(_ line: String) {
        #expect(!BoilerplateLines.matches(Array(line.utf8)))
    }
}
