import Foundation
import IngestText
import IngestTestSupport
import Testing

/// The decoding tables follow the Encoding Standard's indexes, where they differ from older tables.
@Suite struct SingleByteTableTests {
    @Test("bytes decode as the Encoding Standard's indexes say", arguments: [
        ("windows-1251", 0x98, 0x0098), ("windows-1250", 0x81, 0x0081), ("windows-1252", 0x9D, 0x009D),
        ("windows-874", 0x85, 0x2026), ("windows-874", 0x81, 0x0081), ("windows-874", 0xDB, 0xFFFD),
        ("x-mac-cyrillic", 0xA2, 0x0490), ("x-mac-cyrillic", 0xB6, 0x0491), ("x-mac-cyrillic", 0xFF, 0x20AC),
        ("koi8-u", 0xAD, 0x0491), ("koi8-u", 0xAE, 0x255D), ("koi8-r", 0xAD, 0x255C), ("ibm866", 0xF2, 0x0404),
        ("iso-8859-2", 0xB1, 0x0105), ("windows-1250", 0xB9, 0x0105),
    ])
    func indexEntries(_ name: String, _ byte: Int, _ scalar: UInt32) throws {
        let table = try #require(SingleByteTable.named(name))
        #expect(table.scalars[byte].value == scalar)
    }

    @Test("every code page the pipeline reads has a table", arguments: [
        "windows-1252", "windows-1251", "windows-1250", "iso-8859-2", "koi8-r", "koi8-u", "iso-8859-5", "ibm866", "x-mac-cyrillic", "windows-874",
    ])
    func present(_ name: String) {
        #expect(SingleByteTable.named(name)?.scalars.count == 256)
    }

    @Test("the generated tables are what the script builds today")
    func generatedFileIsCurrent() async throws {
        #expect(try await PythonScript.run(["Scripts/build-single-byte-tables.py", "--check"]) == 0)
    }
}
