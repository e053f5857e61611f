import Foundation
import IngestTestSupport
import Testing

/// The word table compiled into the stage is the one `Data/event-words.tsv` gives.
@Suite struct EventWordsDataTests {
    @Test("the generated Swift table is up to date with the TSV")
    func generatedTableIsCurrent() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Scripts/build-event-words.py", "--check"]
        process.currentDirectoryURL = FixturePaths.packageRoot
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "run python3 Scripts/build-event-words.py")
    }
}
