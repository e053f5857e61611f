import Foundation
import IngestTestSupport
import Testing

/// The word table compiled into the stage is the one `Data/event-words.tsv` gives.
@Suite struct EventWordsDataTests {
    @Test("the generated Swift table is up to date with the TSV")
    func generatedTableIsCurrent() async throws {
        #expect(
            try await PythonScript.run(["Scripts/build-event-words.py", "--check"]) == 0,
            "run python3 Scripts/build-event-words.py")
    }
}
