import IngestCore
import IngestText
import Testing

/// One workspace reused from text to text must give every text the repair a fresh one gives it, whatever
/// the texts before it left behind: long and short, repaired and not, each kind of repair.
@Suite struct MojibakeRepairerWorkspaceTests {
    let repairer = MojibakeRepairer()

    static let texts: [String] = [
        "Iaศ™i and â€œquotesâ€\u{9D} from windows-874",
        "plain ASCII text",
        "РљР»СЉСЃС‚РµСЂ Рё РґСЂСѓРіРё РЅРµС‰Р°",
        "Клъстер и други неща: clean Bulgarian",
        "ÄŒeÅ¡tina a slovenÄina, ktÄ‚Å‚rej",
        "Ïëîâäèâ å ãðàä â Áúëãàðèÿ, êîéòî å ìíîãî êðàñèâ è ñòàð",
        "\u{84}Handwerk bringt dich überall hin\u{93}: Von der Schule\u{85}",
        "AHÅ™, the new shelf from the catalogue",
        "Hi guys \u{ED}\u{A0}\u{BD}\u{ED}\u{B8}\u{8D}",
        "voilÃ le travail, Ã s trois",
        String(repeating: "Ã©tÃ© Ð¡Ð¾Ñ„Ð¸Ñ ", count: 300),
        "é",
        "",
    ]

    @Test("a shared workspace gives each text what a fresh one gives", arguments: [false, true])
    func sharedWorkspace(reversed: Bool) {
        let texts = reversed ? Self.texts.reversed() : Self.texts
        var workspace = MojibakeRepairer.Workspace()
        for _ in 0..<2 {
            for text in texts {
                #expect(repairer.repair(text, in: &workspace) == repairer.repair(text), "\(text)")
            }
        }
    }

    @Test("repairing UTF-8 bytes answers nil exactly when the text stays as it was", arguments: texts)
    func bytes(_ text: String) {
        var workspace = MojibakeRepairer.Workspace()
        var copy = text
        let repaired = copy.withUTF8 { repairer.repair(utf8: $0, in: &workspace) }
        let expected = repairer.repair(text)
        if let repaired {
            #expect(repaired == expected)
            #expect(repaired.text != text || !repaired.repairs.isEmpty)
        } else {
            #expect(expected.text == text)
            #expect(expected.repairs.isEmpty)
        }
    }

    @Test("bytes that are not UTF-8 are read without reaching past the buffer", arguments: [
        [0xC3] as [UInt8], [0x41, 0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3, 0xA9, 0xF4],
    ])
    func truncated(_ bytes: [UInt8]) {
        var workspace = MojibakeRepairer.Workspace()
        let result = bytes.withUnsafeBufferPointer { repairer.repair(utf8: $0, in: &workspace) }
        #expect(result?.repairs.isEmpty ?? true)
    }
}
