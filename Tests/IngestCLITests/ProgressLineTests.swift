@testable import ingest
import Testing

@Suite struct ProgressLineTests {
    @Test("ETA durations read as seconds, minutes or hours", arguments: [(4.4, "4s"), (59.6, "1m00s"), (185, "3m05s"), (7_620, "2h07m")] as [(Double, String)])
    func durations(seconds: Double, text: String) {
        #expect(ProgressLine.duration(seconds) == text)
    }
}
