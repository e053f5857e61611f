import Foundation
@testable import IngestHTML
import IngestTestSupport
import Testing

@Suite struct BoilerplatePhraseDataTests {
    @Test("the compiled phrase list is generated from Data/boilerplate-phrases.tsv and up to date")
    func generatedFileIsCurrent() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Scripts/build-boilerplate-phrases.py", "--check"]
        process.currentDirectoryURL = FixturePaths.packageRoot
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "run python3 Scripts/build-boilerplate-phrases.py")
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
