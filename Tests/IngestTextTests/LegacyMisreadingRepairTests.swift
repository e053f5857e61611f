import IngestCore
import IngestText
import Testing

/// KOI8 and windows-1251 read as each other, and Cyrillic text in capitals that must stay as it is.
@Suite struct LegacyMisreadingRepairTests {
    let repairer = MojibakeRepairer()

    /// `text` written in `written` and read with `readAs`, both through the Encoding Standard's tables;
    /// nil when `written` cannot hold the text.
    static func misread(_ text: String, written: String, readAs: String) -> String? {
        guard let writer = SingleByteTable.named(written), let reader = SingleByteTable.named(readAs) else { return nil }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = writer.scalars.firstIndex(of: scalar) {
                bytes.append(UInt8(byte))
            } else {
                return nil
            }
        }
        return String(decoding: reader.decode(bytes), as: UTF8.self)
    }

    /// Single words and short phrases come out in capitals, with nothing odd in them but their case, and
    /// gain less than the full margin by language; whole sentences start with a small letter ("ю Б ...").
    @Test("windows-1251 text read as KOI8-U comes back", arguments: [
        "тогава", "делото", "степен", "съветски", "усилията", "обезвреден", "пропуска", "предварително", "преди всичко",
        "комитетските пари", "пропаганда", "негативного впливу", "держав", "перемогу", "святом дорогі", "гострих", "депутатом",
        "А той си мълчи, трае си и се прави, че ги не чува.", "Аз ще отмъстя за тях!",
        "В интервюто са използвани въпроси и на други медии",
    ])
    func cp1251ReadAsKOI8U(_ clean: String) throws {
        let broken = try #require(Self.misread(clean, written: "windows-1251", readAs: "koi8-u"))
        #expect(broken != clean)
        let result = repairer.repair(broken)
        #expect(result.text == clean, "\(broken)")
        #expect(result.repairs.map(\.chain) == ["windows-1251 read as koi8-u"])
    }

    @Test("KOI8-U text read as windows-1251 comes back", arguments: [
        "реальними", "предмети", "надходжень", "нараховуються", "головний", "транспортну", "їхня частка", "темно-зелена",
        "предполага", "ведомство", "доверявам", "предприемат", "събрание се",
    ])
    func koi8UReadAsCP1251(_ clean: String) throws {
        let broken = try #require(Self.misread(clean, written: "koi8-u", readAs: "windows-1251"))
        #expect(broken != clean)
        let result = repairer.repair(broken)
        #expect(result.text == clean, "\(broken)")
        #expect(result.repairs.map(\.chain) == ["koi8-u read as windows-1251"])
    }

    /// Words in capitals read like KOI8 output, and acronyms read like nothing at all; neither may be
    /// re-read.
    @Test("Cyrillic words, acronyms and headlines in capitals stay as they are", arguments: [
        "НАТО", "ГЕРБ", "ДПС", "МВР", "ООН", "ЄС", "ЗСУ", "НБУ", "БНТ", "СБУ", "БЪЛГАРИЯ", "УКРАЇНА", "СОФИЯ", "КИЇВ", "ПЛОВДИВ",
        "ПРОБЛЕМ", "ВАЖНО", "УВАГА", "НОВИНИ", "ЗЕЛЕНСЬКИЙ", "ПРЕЗИДЕНТ", "ПРЕДВАРИТЕЛНО", "ВИБОРИ", "ПРОГРАМА", "ЧЕТВЕР",
        "ПРЕЗИДЕНТЪТ ОТКРИ ИЗЛОЖБАТА", "ВЕРХОВНА РАДА УХВАЛИЛА ЗАКОН", "КЛЪСТЕРЪТ ЗЕЛЕНА СИНЕРГИЯ",
    ])
    func capitalsStay(_ text: String) {
        let result = repairer.repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    /// Ordinary text, and a short Cyrillic word in small letters, is not in capitals: it keeps the full
    /// margin even where a re-reading would fit.
    @Test("clean Cyrillic text with a few capitals stays as it is", arguments: [
        "Пловдив", "вече", "АЕЦ Козлодуй", "ВиК", "Київ і Харків", "ЄС та НАТО", "За НАТО и ЕС",
    ])
    func mixedCaseStays(_ text: String) {
        #expect(repairer.repair(text).text == text)
    }
}
