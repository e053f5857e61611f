import IngestCore
import IngestText
import Testing

/// The entry point that hands a repaired text over as scalars and the one that makes a string render one
/// decision: the string, written from the scalars through a pointer, must be their text, with the same
/// repairs, and no scalars must come exactly when nothing changed.
@Suite struct MojibakeRepairerOutputTests {
    let repairer = MojibakeRepairer()

    /// Every way out of a repair: nothing beyond ASCII, clean text, a UTF-8 misreading once and twice
    /// over, one followed by C1 controls, legacy text read with the wrong legacy code page (whole, and
    /// after a few spans that passed for UTF-8), C1 controls alone, and text nothing fixes.
    static let texts: [String] = MojibakeRepairerWorkspaceTests.texts + [
        "â€œquotedâ€\u{9D} and \u{84}Handwerk\u{93}",
        "ÐšÐ»ÑŠÑÑ‚ÐµÑ€ Ð¸ Ð´Ñ€ÑƒÐ³Ð¸",
        "Ã\u{83}Â©tÃ\u{83}Â©",
        "вҐ¬ Їаў«®ўҐ Ї®¤Ґ«ЁвҐ ­  ¤ўҐ з бвЁ ЇаҐ¤Ё ¤  ¤®©¤Ґ ў ЇҐ©",
        "ФПЗБЧБ ДЕМПФП",
        "Zaż\u{F3}\u{B3}\u{B1}c ocieraj±c móg³by",
        "Ωμέγα and 中文 and 😀",
        "\u{85} \u{91}quoted\u{92}",
    ]

    @Test("the scalars and repairs are those of the string the other entry point makes", arguments: texts)
    func sameAsString(_ text: String) {
        var workspace = MojibakeRepairer.Workspace()
        var outputWorkspace = MojibakeRepairer.Workspace()
        var copy = text
        let expected = copy.withUTF8 { repairer.repair(utf8: $0, in: &workspace) }
        let (repairs, repaired) = copy.withUTF8 { bytes in
            repairer.repair(utf8: bytes, in: &outputWorkspace) { repairs, scalars in
                (repairs, scalars.map { String(String.UnicodeScalarView($0)) })
            }
        }
        #expect(repaired == expected?.text, "\(text)")
        #expect(repairs == (expected?.repairs ?? []), "\(text)")
    }

    @Test("one workspace serves text after text, in either order", arguments: [false, true])
    func sharedWorkspace(reversed: Bool) {
        var workspace = MojibakeRepairer.Workspace()
        for text in reversed ? Self.texts.reversed() : Self.texts {
            var copy = text
            let repaired = copy.withUTF8 { bytes in
                repairer.repair(utf8: bytes, in: &workspace) { _, scalars in scalars.map { String(String.UnicodeScalarView($0)) } }
            }
            #expect((repaired ?? text) == repairer.repair(text).text, "\(text)")
        }
    }
}
