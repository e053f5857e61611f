import Foundation
import IngestTestSupport
import Testing

/// The person names compiled into the stage are the ones `Scripts/build-person-names.py` builds from
/// Faker's person providers and the hunspell-pl/uk dictionaries. Where Faker (PyPI) or a dictionary is
/// missing there is nothing to compare against, and the test is skipped.
@Suite struct PersonNameDataTests {
    static func sourcesPresent() async throws -> Bool {
        guard ["/usr/share/hunspell/pl_PL.dic", "/usr/share/hunspell/uk_UA.dic"].allSatisfy(FileManager.default.fileExists(atPath:))
        else { return false }
        return try await PythonScript.run(["-c", "import faker"], quiet: true) == 0
    }

    @Test("the generated person names are what Scripts/build-person-names.py builds from Faker and hunspell",
        .enabled("needs faker (pip install faker==40.63.0) and hunspell-pl/uk") { try await sourcesPresent() })
    func personNamesAreCurrent() async throws {
        #expect(
            try await PythonScript.run(["Scripts/build-person-names.py", "--check"]) == 0,
            "run python3 Scripts/build-person-names.py")
    }
}
