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

    /// A text written in one code page and read with the other.
    struct Misreading: Sendable, CustomTestStringConvertible {
        let clean: String
        let written: String
        let readAs: String
        var testDescription: String { "\(clean) (\(written) read as \(readAs))" }
    }

    static func misreadings(_ texts: [String], written: String, readAs: String) -> [Misreading] {
        texts.map { Misreading(clean: $0, written: written, readAs: readAs) }
    }

    /// Single words and short phrases come out in capitals, with nothing odd in them but their case, and
    /// gain less than the full margin by language; whole sentences start with a small letter ("ю Б ...").
    static let koi8Misreadings = misreadings([
        "тогава", "делото", "степен", "съветски", "усилията", "обезвреден", "пропуска", "предварително", "преди всичко",
        "комитетските пари", "пропаганда", "негативного впливу", "держав", "перемогу", "святом дорогі", "гострих", "депутатом",
        "А той си мълчи, трае си и се прави, че ги не чува.", "Аз ще отмъстя за тях!",
        "В интервюто са използвани въпроси и на други медии",
    ], written: "windows-1251", readAs: "koi8-u") + misreadings([
        "реальними", "предмети", "надходжень", "нараховуються", "головний", "транспортну", "їхня частка", "темно-зелена",
        "предполага", "ведомство", "доверявам", "предприемат", "събрание се",
    ], written: "koi8-u", readAs: "windows-1251")

    /// IBM866 Bulgarian read as windows-1251 fills words with signs that stand inside no word ("ЌЁЄ®«з®"),
    /// and Polish "że" read as windows-1252 is "¿e", which no "?" closes.
    static let signMisreadings = misreadings(["която", "португалска", "булката заплака"], written: "ibm866", readAs: "windows-1251")
        + misreadings(["To dobrze, że nie zmilczał."], written: "windows-1250", readAs: "windows-1252")

    /// IBM866 words whose signs stand beside a letter, not between two: "®" opening a word ("®Є®«®" for
    /// "около", "®з\u{A0}Єў\u{A0}" for "очаква"), "«" right after a letter ("Є«\u{A0}б ў" for "клас в"), a
    /// sign between a letter and another sign ("Ї®¬®й" for "помощ"), and a soft hyphen between no-break
    /// spaces ("бва\u{A0}\u{AD}\u{A0}в\u{A0}" for "страната"). Each came back unrepaired before those
    /// places counted as signs of a misreading.
    static let signBesideWordMisreadings = misreadings(
        ["около", "очаква", "Хората", "ролята на", "убит около", "клас в", "той на", "помощ", "страната", "Кой"],
        written: "ibm866", readAs: "windows-1251")

    /// IBM866 words read as windows-1251 whose only sign is a capital right after a small letter that no
    /// word puts there ("вкабЁи" for "търсиш", "‚каўЁ" for "Върви"), and names whose second part opens with
    /// such a capital, which stay.
    static let capitalInsideWordMisreadings = misreadings(
        ["като търсиш", "срещаш", "датската", "Върви", "Вятърът тихо"], written: "ibm866", readAs: "windows-1251")

    @Test("IBM866 words read as windows-1251 with a capital inside a word come back", arguments: capitalInsideWordMisreadings)
    func capitalInsideWord(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    @Test("names with a capital inside stay", arguments: ["КиївЄнерго", "ДніпроЄнергія та ПриватБанк", "СлавутичЇжа"])
    func namesWithCapitalsInsideStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }

    @Test("IBM866 words read as windows-1251 with signs beside their letters come back", arguments: signBesideWordMisreadings)
    func signsBesideLetters(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// Where real text puts those signs: "®" and "©" after a name, "«" after a space or a sign, "»" after a
    /// word, units before a quote, a soft hyphen between letters or beside an ordinary space.
    @Test("rights marks, quotes, units and soft hyphens where text puts them stay", arguments: [
        "«Київстар®» оголосив нові тарифи", "ПриватБанк® і Монобанк©", "Товариство «Рошен»®", "«Укрзалізниця»© 2024",
        "площа 50 м²» — сказав він", "Температура +20°С»", "ООО «Ромашка»«Лютик»", "Magazyn «Świat»® Polska",
        "Apple® iPhone та Samsung® Galaxy", "Сертифікат ISO®9001", "до\u{AD}вго\u{AD}тривалий", "Kritieke fout \u{AD}– onmiddellijk afbreken",
    ])
    func signsWhereTextPutsThemStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }

    /// Words in capitals whose re-reading fits Bulgarian or Ukrainian less well than the words of running
    /// text do (−130 to −150 a pair: "проектът" −134, "алкохол" −135). Each came back unrepaired while a
    /// re-reading from capitals had to fit better than −130, which kept Russian words in capitals from
    /// becoming junk before clean text was also scored as Russian.
    static let capitalsMisreadings = misreadings(
        ["проектът", "алкохол", "ефективності", "обмежили", "формату", "вашої теорії"], written: "windows-1251", readAs: "koi8-u")
        + misreadings(["слухань"], written: "koi8-u", readAs: "windows-1251")

    @Test("words misread into capitals that fit less well than running text come back", arguments: capitalsMisreadings)
    func capitalsWordsComeBack(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// Long words whose re-reading out of capitals fits as real text does but gains a little less than the
    /// margin of 50 a pair over the text as it stands, which also scores as Russian and the other
    /// neighbours ("безпрепятствено" gains 48.9). With nine Cyrillic letters or more, 40 is enough.
    static let longCapitalsMisreadings = misreadings(
        ["безпрепятствено", "победоносно", "възобновяване"], written: "windows-1251", readAs: "koi8-u")
        + misreadings(["тексасците", "седемдесет", "определя броя"], written: "koi8-u", readAs: "windows-1251")

    @Test("long words misread into capitals that gain less than the margin come back", arguments: longCapitalsMisreadings)
    func longCapitalsWordsComeBack(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// Long words in capitals of all four Cyrillic languages here stay: the smaller margin still needs a
    /// re-reading that fits as real text does.
    @Test("long words in capitals stay as they are", arguments: [
        "РЕСПУБЛИКАНСКИЙ", "ПРАВИТЕЛЬСТВО", "ДОСТОПРИМЕЧАТЕЛЬНОСТИ", "МЕЖДУНАРОДНЫЙ", "УКРАЇНСЬКОЮ", "НАЦІОНАЛЬНИЙ",
        "БЪЛГАРСКИЯТ", "ЗАКОНОДАТЕЛСТВО",
    ])
    func longCapitalsWordsStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }

    /// Russian, Belarusian, Serbian and Macedonian words, in capitals or not, fit their own language as
    /// they stand. Each was re-read into junk while clean text was scored only as Bulgarian, Ukrainian,
    /// Polish and English ("ОПЫТЕ" as "ношре", "обиље" as "НАХ Е", "доаѓа" as "фюрГр").
    @Test("words of the Cyrillic neighbours stay as they are", arguments: [
        "ОПЫТЕ", "ОБЫЧНЫХ", "ОБЪЕМ", "ЛЮБЫХ", "ВЕРНЫЕ", "ГЭНАЯ", "БЫЛЫ", "обиље", "учећи", "паўваўка", "доаѓа",
    ])
    func neighbourWordsStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }

    /// Three-letter words in windows-1251 read as windows-1252 are three letters beyond ASCII in a row,
    /// which hardly any word of a Latin-script language is.
    static let shortLatin1Misreadings = misreadings(["бой", "път", "бил", "Усі", "Для", "так", "Ако", "тип"], written: "windows-1251", readAs: "windows-1252")

    @Test("three-letter Cyrillic words in windows-1251 read as windows-1252 come back", arguments: shortLatin1Misreadings)
    func shortWordsReadAsLatin1(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    @Test("Latin-script words with three letters beyond ASCII stay", arguments: [
        "Ça été dit", "Müller-Lüdenscheidt Ärzte", "Ærø Ålesund", "crème brûlée", "Ñuñoa", "Çağrı", "Öğüt", "naïveté", "Þórðarson",
        "Povoliť asynchrónnosť", "lê dê neyê sazkirin",
    ])
    func latinWordsStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }

    /// Clean text comes out as it went in, with no repair.
    static func expectStays(_ text: String, repairer: MojibakeRepairer) {
        let result = repairer.repair(text)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    /// The text, misread, comes back whole, with the one repair that names the misreading.
    static func expectComesBack(_ misreading: Misreading, repairer: MojibakeRepairer) throws {
        let broken = try #require(misread(misreading.clean, written: misreading.written, readAs: misreading.readAs))
        #expect(broken != misreading.clean)
        let result = repairer.repair(broken)
        #expect(result.text == misreading.clean, "\(broken)")
        #expect(result.repairs.map(\.chain) == ["\(misreading.written) read as \(misreading.readAs)"])
    }

    @Test("windows-1251, KOI8-U and IBM866 text read as one another comes back", arguments: koi8Misreadings + signMisreadings)
    func cyrillicReadAsEachOther(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// A message that opens with a word in capitals: misread, its capitals become small letters and its
    /// small letters capitals, and the capitals, which make words of pairs that exist, keep the text as read
    /// from fitting badly enough for the full margin, though it fits as no clean text does.
    static let longMixedCaseMisreadings = misreadings([
        "(ВНИМАНИЕ) не: опит за пресъздаване на връзките вместо да се прескачат",
        "(ОСТАРЯЛО) бе: опит за пресъздаване на клоните вместо да се пропускат",
        "(ОСТАРЯЛО) бе: сливанията се пресъздават, вместо да се прескачат",
    ], written: "windows-1251", readAs: "koi8-u")

    @Test("long messages misread with a word in capitals come back", arguments: longMixedCaseMisreadings)
    func longMixedCaseMessages(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// The same messages, clean, and their Russian, Ukrainian, Belarusian and Serbian kin.
    @Test("clean messages that open with a word in capitals stay", arguments: [
        "(ОСТАРЯЛО) опит за пресъздаване на сливанията вместо да се прескачат",
        "(ВНИМАНИЕ) ДРУГИ: СЛЕДВАЩИЯТ ФАЙЛ НЕ Е НАМЕРЕН в директорията",
        "(УСТАРЕЛО) попытка воссоздать слияния вместо их пропуска",
        "(ЗАСТАРІЛО) спроба відтворити злиття замість їх пропускання",
        "(ЗАСТАРЭЛА) спроба ўзнавіць зліцці замест іх пропуску", "ЗАСТАРЕЛО: покушај поновног стварања спајања",
    ])
    func cleanMessagesWithCapitalsStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }

    /// KOI8-U text read as windows-1251 re-reads as KOI8-R too, which has box-drawing signs where KOI8-U has
    /// "є", "і", "ї" and "ґ", and whose pairs skip the sign and may fit a little better: the reading that
    /// leaves no sign in a word is the one taken ("общєство", not "общ╓ство").
    @Test("of two re-readings, the one that leaves no sign inside a word is taken", arguments: misreadings(
        ["общєство", "мєста", "общєства"], written: "koi8-u", readAs: "windows-1251"))
    func readingWithoutSignsWins(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// A word or two that KOI8 and windows-1251 made of each other's small letters: too few letters for
    /// the pairs to tell from an acronym ("ДКЪ" for "для", "ЖБЪР" for "цвят", "АЮГС EXIF" for "базу EXIF").
    /// Each re-reads into words of the list, and none of its words is one as it stands.
    static let shortCapitalsMisreadings = misreadings(
        ["для", "или", "без", "цвят", "чрез", "изход", "базу EXIF", "для Linux", "проекту FreeWnn"],
        written: "windows-1251", readAs: "koi8-u")
        + misreadings(["для", "при", "през NFS", "бъде", "размера", "текст"], written: "koi8-u", readAs: "windows-1251")

    @Test("a word or two misread into capitals come back when they re-read into words", arguments: shortCapitalsMisreadings)
    func shortCapitalsComeBack(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// Acronyms whose re-reading is a rare word or none ("БМП" as "ало", "ПНГ" as "роз", "БНР" as "вот"),
    /// and words in capitals that are words as they stand, stay.
    @Test("acronyms and words in capitals that re-read into rare words stay", arguments: [
        "БМП", "ПНГ", "БНР", "COVID-19 1:0 БНР-102", "ДДС", "США", "ФАЙЛ", "ИМЕ", "ПЪТ", "КАТАЛОГ", "ФАЙЛ EXIF",
        // Serbian writes Latin acronyms in Cyrillic: KDE ("йде", a Ukrainian word but not a frequent one),
        // UPnP (a small letter among capitals, which would re-read as "соМо").
        "КДЕ", "УПнП",
    ])
    func shortCapitalsStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }

    /// A word list reading does not outrank one with fewer signs: "натура і" in KOI8-U read as windows-1251
    /// re-reads as KOI8-R "натура ╕" too, whose only word of three letters is the same.
    @Test("a re-reading into words leaves no sign the other reading does not", arguments: misreadings(
        ["натура і", "режимі", "листі"], written: "koi8-u", readAs: "windows-1251"))
    func wordsDoNotOutrankSigns(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// Legacy text of which a span or two also reads as UTF-8: "Âñå" ("Все", windows-1251 read as
    /// windows-1252) is E5 96 8C in Mac OS Roman, a CJK character, and IBM866 words read as windows-1251
    /// hold arrows and CJK characters ("®в¤Ґ«Ё" for "отдели" gives "®⤥«Ё"). The whole text re-read comes
    /// first; in a text as short as "Âàì íå" ("Вам не"), because it reads into words of the list.
    static let legacyPassingForUTF8 = misreadings(
        ["Все пак решението е взето от общината.", "Все още не е ясно кога ще започне ремонтът на пътя.", "Вам не"],
        written: "windows-1251", readAs: "windows-1252")
        + misreadings(["отдели", "отдавна стърчаха", "теории", "отзад"], written: "ibm866", readAs: "windows-1251")

    @Test("legacy text with a span that passes for UTF-8 comes back whole", arguments: legacyPassingForUTF8)
    func legacyBeforeStrayUTF8(_ misreading: Misreading) throws {
        try Self.expectComesBack(misreading, repairer: repairer)
    }

    /// UTF-8 read into another script throughout, or a symbol in Latin text, is no legacy text.
    @Test("UTF-8 misread into another script or a symbol stays a UTF-8 repair", arguments: [
        ("Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά"), ("Next â†’ page", "Next → page"), ("æ\u{9D}±äº¬ station", "東京 station"),
    ])
    func utf8IntoOtherScripts(_ pair: (String, String)) {
        let result = repairer.repair(pair.0)
        #expect(result.text == pair.1)
        #expect(!result.repairs.isEmpty && result.repairs.allSatisfy { $0.chain.hasPrefix("utf-8 read as") })
    }

    /// Words in capitals read like KOI8 output, and acronyms read like nothing at all; neither may be
    /// re-read.
    @Test("Cyrillic words, acronyms and headlines in capitals stay as they are", arguments: [
        "НАТО", "ГЕРБ", "ДПС", "МВР", "ООН", "ЄС", "ЗСУ", "НБУ", "БНТ", "СБУ", "БЪЛГАРИЯ", "УКРАЇНА", "СОФИЯ", "КИЇВ", "ПЛОВДИВ",
        "ПРОБЛЕМ", "ВАЖНО", "УВАГА", "НОВИНИ", "ЗЕЛЕНСЬКИЙ", "ПРЕЗИДЕНТ", "ПРЕДВАРИТЕЛНО", "ВИБОРИ", "ПРОГРАМА", "ЧЕТВЕР",
        "ПРЕЗИДЕНТЪТ ОТКРИ ИЗЛОЖБАТА", "ВЕРХОВНА РАДА УХВАЛИЛА ЗАКОН", "КЛЪСТЕРЪТ ЗЕЛЕНА СИНЕРГИЯ",
    ])
    func capitalsStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }

    /// Ordinary text, and a short Cyrillic word in small letters, is not in capitals: it keeps the full
    /// margin even where a re-reading would fit.
    @Test("clean Cyrillic text with a few capitals stays as it is", arguments: [
        "Пловдив", "вече", "АЕЦ Козлодуй", "ВиК", "Київ і Харків", "ЄС та НАТО", "За НАТО и ЕС",
    ])
    func mixedCaseStays(_ text: String) {
        #expect(repairer.repair(text).text == text)
    }

    /// A Russian or Belarusian word alone fits neither Bulgarian nor Ukrainian, and its KOI8 reading is a
    /// run of capitals ("было" as "АШКН"); with "ы", "э" or "ё" in it, it is taken for a word of those
    /// languages rather than for a word in capitals misread.
    @Test("Russian and Belarusian words alone stay as they are", arguments: ["было", "одетые", "рэчы", "дрэнны", "чыбча", "сына"])
    func russianAndBelarusianWordsStay(_ text: String) {
        Self.expectStays(text, repairer: repairer)
    }
}

/// Polish text in windows-1250 read as windows-1252 or as ISO-8859-2 keeps most of its letters; what
/// shows the misreading is a symbol or superscript inside a word, a control, or a letter Polish lacks beside
/// one only Polish has. Text in the languages that write those letters stays as it is.
@Suite struct PolishLegacyMisreadingTests {
    let repairer = MojibakeRepairer()

    /// Each shows a sign: "³" before a letter ("ł"), "¹" after one ("ą"), two of "ê", "æ", "œ" ("ę", "ć",
    /// "ś"), a C1 control touching a letter ("ś", "ź"), or "š" ("ą") beside "ż" or two of "ł", "ę", "ń".
    static let misreadings =
        LegacyMisreadingRepairTests.misreadings([
            "Wczoraj długo rozmawialiśmy o nowych książkach.", "Zawsze marzyłem, żeby zostać żeglarzem.", "zostałem zatrzymany",
            "mieszkają", "Ta sprawa będzie rozpatrzona w przyszłym tygodniu.", "będę pamiętać", "chcieć jeść", "Dzień dobry, jak się masz?",
            // A Czech name whose "ř" windows-1252 shows as "ø", a letter Polish does not write, comes back too.
            "Koncert Dvořáka w Filharmonii Narodowej był wspaniały, ale źle nagłośniony.",
        ], written: "windows-1250", readAs: "windows-1252")
        + LegacyMisreadingRepairTests.misreadings([
            "Wczoraj długo rozmawialiśmy o nowych książkach.", "Są tacy, którzy mówią, że będzie padać.", "gałąź",
            "Dotarliśmy nad rzekę.", "Idąc ulicą, spotkał sąsiada.", "źródło",
            // A German name's "ü" is the same byte in all three code pages, and the re-reading leaves its
            // word whole.
            "W pozostałych klasach sędziowie główni pobierać będą opłatę 50 zł. W Düsseldorfie mają drugi dom.",
        ], written: "windows-1250", readAs: "iso-8859-2")

    @Test("Polish windows-1250 text read as windows-1252 or ISO-8859-2 comes back", arguments: misreadings)
    func polishComesBack(_ misreading: LegacyMisreadingRepairTests.Misreading) throws {
        try LegacyMisreadingRepairTests.expectComesBack(misreading, repairer: repairer)
    }

    /// Each shows one letter in a shape only a misread Polish word gives it, and nothing else: "³" ending a
    /// word with a vowel ("ł"), "œ" before a consonant or ending a word ("ś"), "æ" ending a word after a
    /// vowel ("ć"), "Ÿ" after a small letter or opening a word before one ("ź"), "ê" ending a word after
    /// "i", "sz" or "dz" or before "c" or "k" ("ę"), "š" after a consonant before "c", "d", "g" or "z",
    /// between "t" and "p", or ending a word after one other than "n" or a word with "ł", "ę", "ż" or "ń"
    /// in it ("ą"), also after a capital opening the word, or after a consonant before "ł" or before "ć"
    /// ending a word, and "Ľ" after a small letter (ISO-8859-2's "ź" read as windows-1250).
    static let singleSignMisreadings =
        LegacyMisreadingRepairTests.misreadings([
            "był", "został", "W końcu znalazł szukane miejsce i wskazał mi je.", "gości", "środkiem", "coś", "posadzić",
            "zachować", "chodź", "odpowiedź", "się", "lubię", "muszę", "więcej", "dzięki", "widzę", "Jestem źle poinformowany.",
            "między", "mięso", "więzy", "wcześniej", "jaśniej", "być", "Trzeba żyć", "opóźnienia", "Późno", "będzie",
            "zmęczony", "informację", "język polski",
        ], written: "windows-1250", readAs: "windows-1252")
        + LegacyMisreadingRepairTests.misreadings([
            "całą", "Czytając ten tekst pomagam w rozwoju oprogramowania.", "Błąd", "Stolicą", "urządzenie", "Przylądkowa",
            "obowiązkowe", "ciągu", "Przystąpiono", "Chciałbym wystąpić", "Nastąpiła chwila", "brązowy", "Włoską", "piękną",
            "ręką", "Sąd", "zadecydował w czwartek warszawski Sąd Wojewódzki.", "Spróbuj teraz trochę zasnąć!", "stanął",
            "zaczął", "odsunąć", "przed wojną", "opinię publiczną", "zostaną", "utajoną",
        ], written: "windows-1250", readAs: "iso-8859-2")
        // ISO-8859-2's "ź" is windows-1250's "Ľ", and windows-1250's "Ľ" is ISO-8859-2's "Ą": the re-reading
        // that makes a capital after a small letter is not the one.
        + LegacyMisreadingRepairTests.misreadings(
            ["Wskaźnik danych", "dźwiękowy", "Odpowiedź", "odpowiedź nie", "odpowiedź użytkownika", "wyjdź; nie stosuj tego"],
            written: "iso-8859-2", readAs: "windows-1250")

    /// Capitals and "ń" as windows-1252 shows them: "£" inside a word, opening one in title case or
    /// before another image of a Polish capital ("Ł"), "¥" between capitals or ending a word of them
    /// ("Ą"), "Œ" before a capital consonant ("Ś"), and "ñ" before "c" and a vowel or "z", before "sk" or
    /// "stw", or ending a word after "ie" ("ń"); and "ê" between "s" or "t" and "p", ending a word after
    /// "aj" or "yn", or inside one after "cz", "rz" or "sz" ("ę").
    static let capitalAndSoftNMisreadings = LegacyMisreadingRepairTests.misreadings(
        [
            "WSPÓŁPRACA W SPRAWACH AUDIOWIZUALNYCH I KULTURALNYCH, INFORMACJI I ŁĄCZNOŚCI", "WSPÓŁPRACA", "ŁĄCZNOŚCI", "ŁÓDKA",
            "Łukasz", "ZWIĄZEK", "WSPÓLNĄ", "ŚWIAT", "ŚCIANA", "Państwo", "radziecko-amerykańskie", "GDAŃSK", "tańczy", "końca",
            "dzień", "jesień", "Grzebień", "wstęp", "Następnie wszyscy", "ustępstwo", "daję", "medycynę", "Gdańsk",
            "Gdańska", "państwa", "często", "zwierzętom", "drugorzędne", "narzędzie",
        ], written: "windows-1250", readAs: "windows-1252")

    @Test("a Polish word that shows one misread letter in a shape of its own comes back", arguments: singleSignMisreadings + capitalAndSoftNMisreadings)
    func singleSignComesBack(_ misreading: LegacyMisreadingRepairTests.Misreading) throws {
        try LegacyMisreadingRepairTests.expectComesBack(misreading, repairer: repairer)
    }

    /// The same letters in the shapes other languages give them: Danish "træ", Portuguese "você", Kurdish
    /// "rengê", Afrikaans "lê", Vietnamese "An-giê-ri" and "Viêt Nam", French "cœur" and "fœtus", Czech
    /// "arabština", Croatian "završni" and "još", Latvian "iekš" and "kurš", Belarusian Łacinka "mienš",
    /// the place name "Manš", Estonian "Tšetšeenia" and "Tšaad" (a capital before "š"), Croatian "prišć"
    /// and Belarusian Łacinka "pašła" (a vowel before "šć" and "šł"), Slovak "najštandardnejšej", Portuguese
    /// "dzêta" ("ê" inside a word after "dz"), and units and
    /// footnote-like superscripts after consonants; currency signs
    /// beside letters and codes, French "ŒUVRE" and "ŒCUMENIQUE" in capitals, Spanish "ESPAÑA", and Breton
    /// "Frañs", "Romañcheg" and "c'h".
    @Test("other languages' words with those letters stay", arguments: [
        "træ", "Opbygger afhængighedstræ", "Você deve escolher", "Asta rengê sor.", "moet hê", "uit te lê", "An-giê-ri",
        "Viêt Nam", "le cœur et la sœur", "fœtus", "œnologie", "ciência", "Việt Nam", "arabština", "Završni indeks", "još uvijek", "Tikai iekš %s", "Jebkurš printeris",
        "Bangladeš", "predlošci", "Pa_mienš", "Manš", "na podršci", "Ovoj grešci", "Trešdiena", "Išduotas", "Ľudia", "5 cm³", "Straße³", "L'HAŸ-LES-ROSES",
        "Revenue (£m) rose", "£EUR", "the £GBP rate", "£Ukraine", "CN¥ 100", "JP¥", "ŒUVRE", "CŒUR", "ŒCUMENIQUE", "ŒNOLOGIE", "ESPAÑA", "NIÑOS",
        "Frañs", "Romañcheg", "_Soñki", "Frañc'h", "hebrejština", "větší", "išduotas", "išdalinti", "guêpe", "Breizh ar c'hleñ",
        "pêşerojê", "Guinê", "Ja ciabie słuchaju, ty słuchaš", "wołaš", "brañskell", "brañskailh", "noñsti", "bućkuriš", "Bódiš",
        "mucujê", "surujê", "Tšetšeenia", "Tšaad", "Aÿ", "Ÿ", "prišć", "pašła", "najštandardnejšej", "hebrejština",
        "dzêta", "empêcher la fenêtre", "Ez bêdeng im", "Manš, Pa_mienš",
    ])
    func otherShapesStay(_ text: String) {
        LegacyMisreadingRepairTests.expectStays(text, repairer: repairer)
    }

    /// Czech, Slovak, Croatian and Lithuanian "š" would become "ą", Slovak "ť" "»", and French, Portuguese
    /// and Spanish "ê", "œ" and "ñ" Polish letters; none of these texts shows a misreading, nor do a unit
    /// and a Spanish question.
    @Test("Czech, Slovak, Croatian, Lithuanian, French, Portuguese and Spanish text stays", arguments: [
        "Napiš mi zítra.", "Napiš, kdy přijdeš.", "Sejdeme se na parkovišti.", "Vlasništvo nad zemljištem", "Beograd i Priština",
        "Vzťahy so susedmi", "Dragan Šutanovac", "štyridsať", "Você está aqui", "forêt et cœur", "Señor", "la fête",
        "x² + y³", "5 m³ wody", "Cena 12,99 zł, czyli 3 €", "Rodyti reikšmę", "Abšar padziełu", "¿Es correcta la información?",
        // Polish text quoting a Czech or Slovak name with "š": the re-reading would change the name itself.
        "Pragnę powiedzieć pani poseł Hybáškovej, że współpraca z Izraelem, a także poszczególne projekty nie zostały w tym momencie zakończone.",
    ])
    func otherLanguagesStay(_ text: String) {
        LegacyMisreadingRepairTests.expectStays(text, repairer: repairer)
    }

    /// A control inside a Latin word is no sign of KOI8 read as windows-1251 when the re-reading has no
    /// Cyrillic letter: that once made "ruszyli°cie" of it.
    @Test("Latin text is not re-read into Bulgarian or Ukrainian")
    func latinTextStaysLatin() {
        let result = repairer.repair("Jeszcze nie ruszyli\u{9C}cie?")
        #expect(result.text == "Jeszcze nie ruszyliście?")
        #expect(result.repairs.count == 1)
        #expect(result.repairs.allSatisfy { $0.chain.hasPrefix("windows-1250 read as") })
    }

    /// One letter misread and nothing else to show it, in a word that is a Polish word of the list once
    /// re-read ("chwilê" for "chwilę", "wyjštkowo" for "wyjątkowo"): the list decides.
    static let wordListMisreadings =
        LegacyMisreadingRepairTests.misreadings(["chwilę", "ulicę i rękę", "Nie mogę."], written: "windows-1250", readAs: "windows-1252")
        + LegacyMisreadingRepairTests.misreadings(["wyjątkowo", "pieniądze", "gorąco"], written: "windows-1250", readAs: "iso-8859-2")

    @Test("a misread letter that re-reads into words of the Polish list comes back", arguments: wordListMisreadings)
    func polishWordsComeBack(_ misreading: LegacyMisreadingRepairTests.Misreading) throws {
        try LegacyMisreadingRepairTests.expectComesBack(misreading, repairer: repairer)
    }

    /// Kurdish, Vietnamese, Afrikaans, Czech and Spanish words whose re-reading would be a Polish word, or
    /// a short one ("tê" as "tę"), and Slovak words ending in "ť", which ISO-8859-2 read as windows-1250
    /// would end in a "»" that no "«" opens.
    @Test("other languages' words that re-read into Polish ones stay", arguments: [
        "Tê amadekirin", "Sazkirin tê betalkirin.", "Gua-tê-ma-la", "Of oortjies eenvormige groottes moet hê",
        "Pište si poznámky.", "Naissus (Niš), Serdica (Sofia)", "Un proceso ssh requirió el uso de la clave. ¿Quiere permitirlo?",
        "inštalovať, odinštalovať,", "Môžete pomocou nej overovať, konvertovať, kategorizovať",
    ])
    func otherLanguagesReReadingIntoPolishStay(_ text: String) {
        LegacyMisreadingRepairTests.expectStays(text, repairer: repairer)
    }

    /// Windows-1250's "«" and "»" are ISO-8859-2's "Ť" and "ť": a quotation misread comes back whole.
    @Test("a misread quotation's guillemets come back", arguments: LegacyMisreadingRepairTests.misreadings(
        ["Ojciec powiedział «Tak» i wyszedł."], written: "windows-1250", readAs: "iso-8859-2"))
    func guillemetsComeBack(_ misreading: LegacyMisreadingRepairTests.Misreading) throws {
        try LegacyMisreadingRepairTests.expectComesBack(misreading, repairer: repairer)
    }
}

/// The census's table and its early end: what a text holds decides which code pages are tried at all.
@Suite struct LegacyMisreadingCensusTests {
    let repairer = MojibakeRepairer()

    /// windows-1251 text read as windows-1252 comes back, and the same text with a character beside it
    /// that no read-as code page produces (Greek, a CJK ideograph, an emoji, a Thai letter) cannot have
    /// been read with any of them, so it stays as it is.
    @Test("a character no read-as code page produces rules the re-reading out", arguments: ["Ω", "中", "😀", "ก"])
    func unreadableCharacter(_ extra: String) throws {
        let clean = "Пловдив е град с богата история"
        let broken = try #require(LegacyMisreadingRepairTests.misread(clean, written: "windows-1251", readAs: "windows-1252"))
        let repaired = repairer.repair(broken)
        #expect(repaired.text == clean)
        #expect(repaired.repairs.map(\.chain) == ["windows-1251 read as windows-1252"])
        for text in [broken + " " + extra, extra + " " + broken] {
            let result = repairer.repair(text)
            #expect(result.text == text)
            #expect(result.repairs.isEmpty)
        }
    }

    /// Clean text in each language, in either script, is scored in the order its script suggests and
    /// stays as it is; so does the same text in capitals, which is scored in every language.
    @Test("clean text stays, in small letters and in capitals", arguments: [
        "Пловдив е град с богата история и култура", "Київ є столицею України з давньою історією",
        "Zażółć gęślą jaźń, powiedział spokojnie", "Für Straße und Brücke gibt es Gebühren",
    ])
    func cleanStays(_ text: String) {
        for variant in [text, text.uppercased()] {
            let result = repairer.repair(variant)
            #expect(result.text == variant)
            #expect(result.repairs.isEmpty)
        }
    }
}
