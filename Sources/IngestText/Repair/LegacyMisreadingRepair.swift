import IngestCore

/// Legacy text read with the wrong legacy code page: windows-1251 bytes shown as windows-1252 or KOI8,
/// KOI8 or IBM866 bytes shown as windows-1251, windows-1250 and ISO-8859-2 mistaken for each other.
/// Unlike a UTF-8 misreading, nothing in the bytes gives it away, so the whole text is re-read and
/// judged by language; the tables and scorers that takes are resolved once, when the repairer is made.
struct LegacyMisreadingRepair: Sendable {
    /// Legacy text read with the wrong legacy code page, as (read as, really, languages of the real one).
    static let confusions: [(readAs: String, actual: String, languages: [String])] = [
        ("windows-1252", "windows-1251", ["bg", "uk"]), ("koi8-u", "windows-1251", ["bg", "uk"]),
        ("koi8-r", "windows-1251", ["bg", "uk"]), ("windows-1251", "koi8-u", ["uk", "bg"]),
        ("windows-1251", "koi8-r", ["bg", "uk"]), ("windows-1251", "ibm866", ["bg", "uk"]),
        ("iso-8859-2", "windows-1250", ["pl"]), ("windows-1250", "iso-8859-2", ["pl"]),
        ("windows-1252", "windows-1250", ["pl"]), ("windows-1252", "iso-8859-2", ["pl"]),
    ]

    /// The chain a re-reading records, "windows-1251 read as windows-1252".
    static func chain(actual: String, readAs: String) -> String { "\(actual) read as \(readAs)" }

    /// How much better, per scored pair, a re-reading must fit a language before the whole text is
    /// re-read: a different reading of clean text never comes close.
    static let margin = 100.0

    /// The code pages legacy text may have been read with, each with its scorers for every language.
    private let readAs: [ReadAsPage]
    /// ``confusions`` resolved once: where its read-as page sits in `readAs`, the table and
    /// scorers of the page it was written in, and the chain a repair records.
    private let rereadings: [Rereading]
    /// What the census asks about each character, and which of `readAs` produce it.
    let classes: CharacterClasses
    /// The read-as pages of the re-readings into Polish (bit *n* for `readAs[n]`).
    private let polishReadAsPages: UInt32
    /// What those pages show for the letters of the Polish alphabet beyond ASCII ("ê" for "ę", "š" for "ą",
    /// "¶" for "ś"): a text without one holds no Polish word misread (``changesOnlyIntoPolishWords(_:reading:)``).
    private let polishLetterImages: ScalarSet

    private struct Rereading: Sendable {
        var readAs: Int
        var actual: SingleByteTable
        var scorers: [PairScorer]
        var chain: String
        /// Whether the real page's text is Polish, whose letters show the misreading
        /// (``polishSign(_:_:)``, ``readsAsPlainPolish(_:_:from:)``).
        var intoPolish: Bool
        /// Whether two different letters foreign to Polish that the re-reading makes Polish show the
        /// misreading on their own (``PolishLetterCensus/hasMisreadPolishLetters``): windows-1252's "ê", "æ", "œ" and
        /// "ñ" for "ę", "ć", "ś" and "ń" rarely come together without "é", "à" or "á", which stay foreign;
        /// ISO-8859-2's "š" for "ą" is a Czech, Slovak and Croatian letter.
        var foreignLettersSuffice: Bool
        /// KOI8 and windows-1251 put the small and the capital Cyrillic letters in each other's places, so
        /// text read with the other one comes out in inverted case ("ЯРЮНЮ" for "стана").
        var swapsCase: Bool
        /// Whether the real page has a guillemet where the read-as page has a letter (windows-1250's "«"
        /// and "»" are ISO-8859-2's "Ť" and "ť"): only then can a re-reading turn a letter into one
        /// (``turnsLetterIntoUnpairedGuillemet(_:from:)``).
        var turnsLettersIntoGuillemets: Bool
    }

    /// Resolves ``confusions`` against the repairer's reverse maps: a confusion whose read-as page has
    /// no map or whose real page has no table is left out. `scalarClasses` is the repairer's table, which
    /// the census's own is made from.
    init(reverse: [CodePageReverseMap], scalarClasses: ScalarClasses) {
        var readAs: [ReadAsPage] = []
        for confusion in Self.confusions where !readAs.contains(where: { $0.map.name == confusion.readAs }) {
            guard let map = reverse.first(where: { $0.name == confusion.readAs }) else { continue }
            func scorers(_ languages: [String]) -> [PairScorer] {
                languages.compactMap { PairScorer.shared(encoding: confusion.readAs, language: $0) }
            }
            let cyrillic = PairScorer.languages.filter(Self.cyrillicLanguages.contains)
            let latin = PairScorer.languages.filter { !Self.cyrillicLanguages.contains($0) }
            // Clean Russian, Belarusian, Serbian or Macedonian text fits its own language as it stands, so
            // a re-reading into Bulgarian or Ukrainian gains little on it ("ОПЫТЕ" stays, not "ношре").
            // The Latin pages have no scorers for them.
            readAs.append(
                ReadAsPage(
                    map: map, cyrillicFirst: scorers(cyrillic + latin), latinFirst: scorers(latin + cyrillic),
                    neighbours: scorers(PairScorer.cyrillicNeighbours)))
        }
        self.readAs = readAs
        classes = CharacterClasses(readAs: readAs.map(\.map), scalarClasses: scalarClasses)
        rereadings = Self.confusions.compactMap { confusion in
            guard let position = readAs.firstIndex(where: { $0.map.name == confusion.readAs }),
                let actual = SingleByteTable.named(confusion.actual)
            else { return nil }
            let koi8 = ["koi8-u", "koi8-r"]
            let shown = SingleByteTable.named(confusion.readAs)
            let turnsLettersIntoGuillemets = (0x80...0xFF).contains { byte in
                (actual.scalars[byte] == "«" || actual.scalars[byte] == "»") && shown?.scalars[byte].properties.isAlphabetic == true
            }
            return Rereading(
                readAs: position, actual: actual,
                scorers: confusion.languages.compactMap { PairScorer.shared(encoding: confusion.actual, language: $0) },
                chain: Self.chain(actual: confusion.actual, readAs: confusion.readAs),
                intoPolish: confusion.languages == ["pl"],
                foreignLettersSuffice: confusion.languages == ["pl"] && confusion.readAs == "windows-1252",
                swapsCase: (koi8.contains(confusion.readAs) && confusion.actual == "windows-1251")
                    || (confusion.readAs == "windows-1251" && koi8.contains(confusion.actual)),
                turnsLettersIntoGuillemets: turnsLettersIntoGuillemets)
        }
        polishReadAsPages = rereadings.filter(\.intoPolish).reduce(0) { $0 | 1 << UInt32($1.readAs) }
        var images: [UInt32] = []
        for rereading in rereadings where rereading.intoPolish {
            guard let shown = SingleByteTable.named(readAs[rereading.readAs].map.name) else { continue }
            for byte in 0x80...0xFF where Self.polishLetters.contains(rereading.actual.scalars[byte].value) {
                let image = shown.scalars[byte].value
                if !Self.polishLetters.contains(image) { images.append(image) }
            }
        }
        polishLetterImages = ScalarSet(images)
    }

    /// Legacy bytes decoded with the wrong legacy code page ("Ïëîâäèâ" for windows-1251 "Пловдив" read
    /// as windows-1252) can only be told from clean text by language: the text is encoded back with the
    /// code page it was read with and re-read with the one it was written in, and kept only when the
    /// whole text then fits Bulgarian, Ukrainian or Polish far better than before.
    ///
    /// Where only a few letters differ between the two code pages (Polish in windows-1250 and ISO-8859-2),
    /// the text shows it instead: symbols inside words ("ocieraj±c", "móg³by"), control characters, and
    /// Cyrillic words in inverted case ("бЕВЕ"). A re-reading that leaves none of them, and fits the
    /// language better, is taken with a smaller margin.
    func reread(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], repair: EncodingRepair)? {
        reread(scalars, census: census(scalars))
    }

    /// ``reread(_:)`` with the text's census taken already, for a caller that asks it more.
    func reread(_ scalars: [Unicode.Scalar], census: Census) -> (scalars: [Unicode.Scalar], repair: EncodingRepair)? {
        // Text with a character that no read-as page produces (Greek, CJK, Thai, most symbols) was not
        // read with any of them: nothing to encode back.
        guard census.pages != 0 else { return nil }
        // Misread legacy text is non-ASCII through and through (every Cyrillic letter, most Polish words);
        // a few accented or symbol characters in English are no evidence of anything.
        let mostlyNonASCII = census.words > 0 && 2 * census.nonASCIIWords >= census.words
        let cyrillicLetters = census.capitals + census.small
        let wholeText = mostlyNonASCII && census.nonASCII >= Self.minimumLegacyEvidence
        // A re-reading of text with no Cyrillic letter into Bulgarian or Ukrainian needs one character
        // fewer: three letters beyond ASCII in a row make hardly any word of a Latin-script language ("áîé"
        // is windows-1251 "бой" read as windows-1252). Not between the Cyrillic pages, where acronyms of
        // three capitals ("БНР", "АНБ") read as well in KOI8 as in windows-1251, nor into Polish, which
        // Slovak ("Povoliť") and Kurdish ("lê dê") would pass for.
        let wholeLatinText = mostlyNonASCII && cyrillicLetters == 0 && census.nonASCII >= Self.minimumLegacyEvidence - 1
        let anomaliesBefore = census.anomalies
        // Letters that may show Polish text misread (``polishSign(_:_:)``) matter only to the re-readings
        // into Polish, so they are counted only in text that one of their read-as pages produces: not in
        // Cyrillic text, the most common text here.
        let polishPages = census.pages & polishReadAsPages != 0
        let letters = polishPages ? polishLetterCensus(scalars) : PolishLetterCensus()
        let polishSigns = letters.mayShowMisreading
        // A word or two in capitals is re-read between KOI8 and windows-1251 only into words of the list
        // (``readsAsBulgarianOrUkrainianWords(_:)``), and only when none of its words is one as it stands.
        let shortInCapitals = Self.isShortTextInCapitals(census, mostlyNonASCII: mostlyNonASCII) && !Self.hasBulgarianOrUkrainianWord(scalars)
        // Polish text with a letter or two misread and nothing else to show it, which every rule below
        // leaves, is re-read into Polish when every word the re-reading changes becomes a word of the list.
        // Only a text that every rule left is looked through for a letter such a misreading shows.
        func intoPolishWords() -> (scalars: [Unicode.Scalar], repair: EncodingRepair)? {
            guard polishPages, scalars.contains(where: { $0.value >= 0x80 && polishLetterImages.contains($0.value) }) else { return nil }
            return rereadIntoPolishWords(scalars, census: census)
        }
        guard wholeText || wholeLatinText || anomaliesBefore > 0 || polishSigns || shortInCapitals else { return intoPolishWords() }
        // What a re-reading into Polish needs before its looser fit is worth scoring.
        let polishShown = polishPages && Self.polishSign(census, letters)
        let polishShownBy1252 = letters.hasMisreadPolishLetters
        // Cyrillic text in capitals nearly throughout is what KOI8 and windows-1251 make of each other's
        // ordinary text; real text in capitals is rare, and only a re-reading in small letters that reads
        // like real text turns it.
        let inCapitals = Self.isMostlyCapitals((census.capitals, census.small))
        let caseFit = cyrillicLetters >= Self.minimumWordLetters ? Self.caseFit : Self.acronymCaseFit
        let caseMargin = cyrillicLetters >= Self.longWordLetters ? Self.longWordCaseMargin : Self.caseMargin
        // Text that reads like real text as it stands, with nothing odd in its words, cannot be re-read
        // into something far better: the common case of clean Cyrillic or Polish ends as soon as one
        // language finds it clean.
        let stopAtCleanFit = anomaliesBefore == 0 && !polishSigns && !inCapitals && !shortInCapitals
        let hasCyrillic = cyrillicLetters > 0
        let count = scalars.count
        let pages = readAs.count
        // The text as each read-as page that produces all of it, one page after another in one buffer
        // (only those pages take room), and each page's state: several confusions share a page, so each
        // is encoded and scored once, and the common case (the first page that can encode the text finds
        // it clean) allocates nothing on the heap.
        let readable = census.pages.nonzeroBitCount
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, count * readable)) { bytes in
            withUnsafeTemporaryAllocation(of: PageReading.self, capacity: pages) { readings in
                readings.initialize(repeating: .notYet)
                var best: (text: [Unicode.Scalar], chain: String, gain: Double, anomalies: Int, intoWords: Bool)? = nil
                for confusion in rereadings {
                    let page = confusion.readAs
                    let bit: UInt32 = 1 << page
                    let whole = wholeText || wholeLatinText && !confusion.intoPolish
                    let mayReadAsWords = shortInCapitals && confusion.swapsCase
                    guard census.pages & bit != 0, whole || anomaliesBefore > 0 || confusion.intoPolish || mayReadAsWords else { continue }
                    let slot = (census.pages & (bit - 1)).nonzeroBitCount
                    let pageBytes = UnsafeMutableBufferPointer(rebasing: bytes[(slot * count)..<(slot * count + count)])
                    if case .notYet = readings[page] {
                        let scorers = hasCyrillic ? readAs[page].cyrillicFirst : readAs[page].latinFirst
                        readings[page] = encodeAndScore(
                            scalars, with: readAs[page].map, scorers: scorers, neighbours: readAs[page].neighbours, into: pageBytes,
                            stopAtCleanFit: stopAtCleanFit)
                    }
                    let polish = confusion.intoPolish && (polishShown || confusion.foreignLettersSuffice && polishShownBy1252)
                    let asRead: Double?
                    switch readings[page] {
                    case .scored(let fit): asRead = fit
                    case .unscored where polish: asRead = nil
                    default: continue
                    }
                    if stopAtCleanFit, let asRead, asRead >= Self.cleanFit { return intoPolishWords() }
                    let encoded = UnsafeBufferPointer(pageBytes)
                    guard let reRead = Self.bestScore(encoded, confusion.scorers, stopAtCleanFit: false),
                        reRead >= (polish ? Self.polishLettersFit : Self.legacyFit)
                    else { continue }
                    // Text whose only characters beyond ASCII are symbols or controls in the read-as page
                    // ("Id\u{9F}") gives its scorers no pair: it fits as badly as an unseen one.
                    let gain = reRead - (asRead ?? Double(PairScorer.unseenPair))
                    // A re-reading into words of the list needs no gain: its few pairs may fit a little
                    // worse than the capitals as read ("ЖБЪР", which reads as "жбър", for "цвят").
                    guard gain > 0 || mayReadAsWords else { continue }
                    // Two re-readings that both qualify (KOI8-U and KOI8-R differ only in a few letters) are
                    // told apart by what they leave first: KOI8-R puts box-drawing signs where KOI8-U has "є",
                    // "і", "ї" and "ґ", so "ПВЭ¤УФЧБ" is "общєства" in one and "общ╓ства" in the other, which
                    // fits a little better only because its pairs skip the sign.
                    if let best, gain <= best.gain, best.anomalies == 0, !mayReadAsWords { continue }
                    let actual = confusion.actual
                    let decoded = encoded.map { actual.scalars[Int($0)] }
                    guard !decoded.contains("\u{FFFD}"),
                        !confusion.turnsLettersIntoGuillemets || !Self.turnsLetterIntoUnpairedGuillemet(decoded, from: scalars)
                    else { continue }
                    // KOI8 and windows-1251 swap case, so a word with a small letter among capitals ("УПнП",
                    // Serbian for UPnP) re-reads with a capital after small letters ("соМо"). In a short text that
                    // is no word; longer ones hold names and hashtags that do it ("#ГолосКраїни").
                    if confusion.swapsCase, census.words <= 3, Self.changesToCapitalAfterSmall(decoded, from: scalars) { continue }
                    let after = self.census(decoded)
                    // The rules below weigh a reading that fits as real text against a scored one; a re-reading
                    // into Bulgarian or Ukrainian that leaves no Cyrillic letter read Latin text
                    // ("ruszyli\u{9C}cie" into "ruszyli°cie").
                    let fitsAsText = asRead != nil && reRead >= Self.legacyFit && (confusion.intoPolish || after.capitals + after.small > 0)
                    // A single Russian or Belarusian word ("было", "рэчы") fits neither Bulgarian nor
                    // Ukrainian as read, and its KOI8 reading, a run of capitals ("АШКН"), fits a little
                    // better. A misreading shows a word's small letters as capitals, so one in small letters
                    // that comes out in capitals is a capitals word misread, where "ы" and "э" would have
                    // been "Ш" and "Щ" (or "Щ" and "Ь"), and "ё" no letter at all; a word of those languages
                    // is likelier.
                    let capitalizesWord =
                        census.words == 1 && census.small > 0 && Self.isMostlySmall((census.capitals, census.small))
                        && Self.isMostlyCapitals((after.capitals, after.small))
                        && scalars.contains { $0 == "ы" || $0 == "э" || $0 == "ё" }
                    let byLanguage = fitsAsText && whole && gain >= Self.margin && after.anomalies <= anomaliesBefore && !capitalizesWord
                    let byAnomalies = fitsAsText && anomaliesBefore > 0 && after.anomalies == 0
                    let byCase =
                        fitsAsText && wholeText && inCapitals && confusion.swapsCase && gain >= caseMargin && reRead >= caseFit
                        && after.anomalies <= anomaliesBefore && Self.isMostlySmall((after.capitals, after.small))
                    let byPolishLetters = polish && readsAsPlainPolish(decoded, after, from: scalars)
                    // A long Cyrillic text that reads as no clean text does, and whose re-reading reads as real
                    // text does, needs less of a gain. A message opening with a word in capitals, in
                    // windows-1251 read as KOI8-U ("(бмхлюмхе) МЕ: НОХР ГЮ ОПЕЯЗГДЮБЮМЕ…"), gains less than
                    // the full margin: its capitals, small letters as read, make words of pairs that exist.
                    let byRealTextFit =
                        fitsAsText && wholeText && cyrillicLetters >= Self.longTextLetters && asRead.map({ $0 < Self.cleanFit }) == true
                        && reRead >= Self.realTextFit && gain >= Self.realTextMargin && after.anomalies <= anomaliesBefore
                    let byWords =
                        mayReadAsWords && fitsAsText && after.anomalies <= anomaliesBefore && Self.isMostlySmall((after.capitals, after.small))
                        && Self.readsAsBulgarianOrUkrainianWords(decoded)
                    guard gain > 0 && (byLanguage || byAnomalies || byCase || byPolishLetters || byRealTextFit) || byWords else { continue }
                    // Fewer signs out of place first ("режимі" over KOI8-R's "режим╕"), then words, then the gain.
                    if let best, best.anomalies < after.anomalies
                        || best.anomalies == after.anomalies && (best.intoWords && !byWords || best.intoWords == byWords && best.gain >= gain)
                    {
                        continue
                    }
                    best = (decoded, confusion.chain, gain, after.anomalies, byWords)
                }
                guard let best else { return intoPolishWords() }
                return (best.text, EncodingRepair(chain: best.chain, spans: census.nonASCIIRuns))
            }
        }
    }

    /// `scalars` re-read by the confusion whose chain is `chain`, for a text that the rest of its page
    /// shows was misread so (a page's title, whose text was re-read whole): nil when no confusion has that
    /// chain, the text has nothing beyond ASCII, the read-as page cannot produce all of it, or the
    /// re-reading is no text of the languages the page was written for. Too short or too mixed to be
    /// re-read on its own evidence ("Äîêóìåíò — Adobe FrameMaker"), it needs only to read as well as it
    /// did: no sign out of place that was not there, Cyrillic letters from a Cyrillic page, plain Polish
    /// from a Polish one.
    func reread(_ scalars: [Unicode.Scalar], as chain: String) -> (scalars: [Unicode.Scalar], repair: EncodingRepair)? {
        guard let confusion = rereadings.first(where: { $0.chain == chain }), scalars.contains(where: { $0.value >= 0x80 }) else {
            return nil
        }
        guard let decoded = reading(scalars, by: confusion), decoded != scalars, !decoded.contains("\u{FFFD}") else { return nil }
        let before = census(scalars)
        let after = census(decoded)
        guard after.anomalies <= before.anomalies else { return nil }
        if confusion.intoPolish {
            guard readsAsPlainPolish(decoded, after, from: scalars) else { return nil }
        } else {
            guard after.capitals + after.small > 0, !Self.hasSymbolInWord(decoded), !Self.mixesScriptsInWord(decoded) else { return nil }
        }
        return (decoded, EncodingRepair(chain: chain, spans: before.nonASCIIRuns))
    }

    /// Whether a word holds both ASCII letters and Cyrillic ones: what a re-reading into Cyrillic makes of
    /// a Latin word with an accent ("Café" as "Cafй"), which a title may hold though its page was misread,
    /// when it was written with an entity ("Caf&eacute;") that no decoder misreads.
    static func mixesScriptsInWord(_ scalars: [Unicode.Scalar]) -> Bool {
        var ascii = false
        var cyrillic = false
        for scalar in scalars {
            guard MojibakeRepairer.isLetter(scalar) else {
                ascii = false
                cyrillic = false
                continue
            }
            if scalar.value < 0x80 { ascii = true } else if (0x400...0x4FF).contains(scalar.value) { cyrillic = true }
            if ascii && cyrillic { return true }
        }
        return false
    }

    /// What became of the text read with one read-as page: not encoded yet, holding a character the page
    /// cannot produce, encoded with nothing a scorer scores, or scored, with the best-fitting language's
    /// fit.
    private enum PageReading {
        case notYet
        case unreadable
        case unscored
        case scored(Double)
    }

    /// Polish text read with the wrong one of windows-1250, ISO-8859-2 and windows-1252 keeps most of its
    /// letters, so it rarely reads badly enough for the language margin: "Panna Helena ocknê³a siê z
    /// zamyœlenia", "pojawiajš się całymi rodzinami". What gives it away is a sign of its own before
    /// (here), and a re-reading that is plain Polish after (``readsAsPlainPolish(_:_:from:)``). Each sign was
    /// chosen against interface text in forty languages that write the same letters:
    /// - a symbol or control touching a letter, but not "¿" or "¡" opening a word that a "?" or "!"
    ///   closes later, which is Spanish (``Census/anomalies``);
    /// - a superscript digit right before a letter ("zosta³em", windows-1250's "ł" read as
    ///   windows-1252; after a word it is a unit, "5 m³", or a footnote);
    /// - a letter foreign to Polish in text with "ż", or with two of the other letters only Polish writes
    ///   among these languages (ł, ę, ń): Czech, Slovak, Croatian and Lithuanian have "š", Lithuanian
    ///   "ę" too, and Belarusian Łacinka "ł" and "š";
    /// - a letter in a shape only a misread Polish word gives it ("by³", "siê", "goœci", "Czytajšc",
    ///   ``showsMisreadPolishWord(_:at:)``): the one sign most short Polish texts show.
    ///
    /// For the re-readings from windows-1252 alone, two different letters of those it shows for Polish
    /// ones ("ê" and "œ", ``PolishLetterCensus/hasMisreadPolishLetters``) are a sign too, asked apart: one
    /// alone is Portuguese, French, Kurdish or Vietnamese "ê", Danish "æ", Breton or Galician "ñ".
    static func polishSign(_ census: Census, _ letters: PolishLetterCensus) -> Bool {
        letters.superscriptsBeforeLetters > 0 || letters.misreadWordShapes > 0 || census.anomalies > 0
            || letters.outsideAlphabets > 0 && letters.hasPolishOnlyLetters
    }

    /// Whether a re-reading into Polish is plain Polish: every letter beyond ASCII Polish, at least one of
    /// them, and no symbol or control in or next to a word. Czech "Napiš" would become "Napią", Slovak
    /// "Vzťahy" "Vz»ahy", Lithuanian "Žymimo" "®ymimo". Foreign letters of a word that opens with a
    /// capital and that the re-reading leaves whole are a name Polish text quotes ("W Düsseldorfie mają",
    /// where "ü" is the same byte in all three code pages): they do not count. A name it would change
    /// ("Hybáškovej" into "Hybáąkovej") still does, and Czech or Slovak text keeps its own letters in
    /// words in small letters too ("přijde", "věc"). Nor is a reading plain Polish that makes a letter it
    /// changes a capital after a small one: windows-1250 and ISO-8859-2 put some small letters where the
    /// other has capitals, so "odpowiedĽ" is ISO-8859-2 "odpowiedź", never "odpowiedĄ".
    func readsAsPlainPolish(_ reading: [Unicode.Scalar], _ census: Census, from original: [Unicode.Scalar]) -> Bool {
        guard census.anomalies == 0, !Self.changesToCapitalAfterSmall(reading, from: original) else { return false }
        let letters = polishLetterCensus(reading)
        let foreign = letters.outsideAlphabets == 0 ? 0 : letters.outsideAlphabets - keptForeignLettersInNames(reading, from: original)
        return letters.polish > 0 && foreign == 0 && letters.superscriptsBeforeLetters == 0 && !Self.hasSymbolInWord(reading)
    }

    /// `scalars` re-read into Polish by the first confusion whose re-reading changes only words that then
    /// become words of the list (``changesOnlyIntoPolishWords(_:reading:)``) and reads as plain Polish: the
    /// last resort for a text that shows its misreading in nothing but a word or two ("poleceñ"), so it
    /// costs nothing to text that another rule repairs or that has no letter a misreading into Polish
    /// shows. No fit is asked for: the words are the evidence, and a short one's few pairs fit badly.
    private func rereadIntoPolishWords(_ scalars: [Unicode.Scalar], census: Census) -> (scalars: [Unicode.Scalar], repair: EncodingRepair)? {
        for confusion in rereadings where confusion.intoPolish && census.pages & 1 << UInt32(confusion.readAs) != 0 {
            // The words first, read one at a time: most texts fail at their first changed word, before a
            // reading of the whole text is made.
            guard changesOnlyIntoPolishWords(scalars, reading: { reading($0, by: confusion) }), let decoded = reading(scalars, by: confusion),
                !decoded.contains("\u{FFFD}"),
                !confusion.turnsLettersIntoGuillemets || !Self.turnsLetterIntoUnpairedGuillemet(decoded, from: scalars),
                readsAsPlainPolish(decoded, self.census(decoded), from: scalars)
            else { continue }
            return (decoded, EncodingRepair(chain: confusion.chain, spans: census.nonASCIIRuns))
        }
        return nil
    }

    /// What the confusion's real page makes of the byte its read-as page gives `scalar`: the scalar itself
    /// below 0x80, nil when the read-as page has no byte for it.
    private func reading(_ scalar: Unicode.Scalar, by confusion: Rereading) -> Unicode.Scalar? {
        guard scalar.value >= 0x80 else { return scalar }
        return readAs[confusion.readAs].map.byte(for: scalar).map { confusion.actual.scalars[Int($0)] }
    }

    /// `scalars` re-read by the confusion, one by one; nil when the read-as page cannot give one of them.
    private func reading(_ scalars: [Unicode.Scalar], by confusion: Rereading) -> [Unicode.Scalar]? {
        var decoded: [Unicode.Scalar] = []
        decoded.reserveCapacity(scalars.count)
        for scalar in scalars {
            guard let read = reading(scalar, by: confusion) else { return nil }
            decoded.append(read)
        }
        return decoded
    }

    /// Whether `reading` turns a letter of `original` into a guillemet while its guillemets do not pair
    /// up. Windows-1250's "«" and "»" are ISO-8859-2's "Ť" and "ť", so a misread Polish quotation ("ŤTakť")
    /// comes back whole; but Slovak "inštalovať, odinštalovať" re-read that way ends its words in "»" that
    /// no "«" opens ("inątalova», odinątalova»").
    static func turnsLetterIntoUnpairedGuillemet(_ reading: [Unicode.Scalar], from original: [Unicode.Scalar]) -> Bool {
        guard reading.count == original.count else { return false }
        var turnsLetter = false
        var opening = 0
        var closing = 0
        for index in reading.indices {
            switch reading[index] {
            case "«": opening += 1
            case "»": closing += 1
            default: continue
            }
            if original[index] != reading[index], original[index].properties.isAlphabetic { turnsLetter = true }
        }
        return turnsLetter && opening != closing
    }

    /// Whether `reading` changes a character of `original` into a capital that follows a small letter.
    static func changesToCapitalAfterSmall(_ reading: [Unicode.Scalar], from original: [Unicode.Scalar]) -> Bool {
        guard reading.count == original.count else { return false }
        for index in reading.indices.dropFirst() where reading[index] != original[index] {
            if MojibakeRepairer.isUppercase(reading[index]), MojibakeRepairer.isLowercase(reading[index - 1]) { return true }
        }
        return false
    }

    /// How many letters outside the alphabets `reading` holds in words it leaves as `original` has them
    /// and that open with a capital.
    func keptForeignLettersInNames(_ reading: [Unicode.Scalar], from original: [Unicode.Scalar]) -> Int {
        guard reading.count == original.count else { return 0 }
        var kept = 0
        var wordStart = 0
        var foreign = 0
        var unchanged = true
        // One step past the end, a non-letter there closes the last word.
        for index in 0...reading.count {
            let kind = index < reading.count ? classes.classes(of: reading[index]) : 0
            guard kind & CharacterClasses.letter != 0 else {
                if foreign > 0, unchanged, MojibakeRepairer.isUppercase(reading[wordStart]) { kept += foreign }
                wordStart = index + 1
                foreign = 0
                unchanged = true
                continue
            }
            if reading[index] != original[index] { unchanged = false }
            if kind & CharacterClasses.outsideAlphabets != 0 { foreign += 1 }
        }
        return kept
    }

    /// Counts what the re-readings into Polish ask about the letters of a text, in one pass.
    func polishLetterCensus(_ scalars: [Unicode.Scalar]) -> PolishLetterCensus {
        var letters = PolishLetterCensus()
        for index in scalars.indices where scalars[index].value >= 0x80 {
            let kind = classes.classes(of: scalars[index])
            if kind & CharacterClasses.outsideAlphabets != 0 {
                letters.outsideAlphabets += 1
                letters.misreadPolishKinds |= Self.misreadPolishLetters.bit(of: scalars[index])
            }
            if kind & CharacterClasses.polish != 0 {
                letters.polish += 1
                letters.polishOnlyKinds |= Self.polishOnlyLetters.bit(of: scalars[index])
            }
            if kind & CharacterClasses.superscript != 0, index + 1 < scalars.count,
                classes.classes(of: scalars[index + 1]) & CharacterClasses.letter != 0
            {
                letters.superscriptsBeforeLetters += 1
            }
            // Every shape is of a letter outside the alphabets, of "³", or of "£" or "¥" (windows-1252's
            // "Ł" and "Ą"): Polish letters, the most common here, are not looked at again.
            if kind & (CharacterClasses.outsideAlphabets | CharacterClasses.superscript) != 0 || scalars[index].value == 0xA3
                || scalars[index].value == 0xA5,
                Self.showsMisreadPolishWord(scalars, at: index)
            {
                letters.misreadWordShapes += 1
            }
        }
        return letters
    }

    /// "ż", then "ł", "ę" and "ń": the letters only Polish writes among the languages of Latin text these
    /// pages quote.
    static let polishOnlyLetters = LetterKinds(["żŻ", "łŁ", "ęĘ", "ńŃ"])
    /// What windows-1252 shows for windows-1250's "ę", "ć", "ś", "ń" and "ź".
    static let misreadPolishLetters = LetterKinds(["êÊ", "æÆ", "œŒ", "ñÑ", "Ÿ"])

    /// "¿" and "¡" opening a word that no later "?" or "!" closes. Closed, they are Spanish; Polish "że"
    /// read as windows-1252 is "¿e", with nothing to close it.
    static func unclosedOpeningMarks(_ scalars: [Unicode.Scalar]) -> Int {
        var questions = 0
        var exclamations = 0
        for index in scalars.indices {
            switch scalars[index] {
            case "¿", "¡":
                let opensWord = index + 1 < scalars.count && MojibakeRepairer.isLetter(scalars[index + 1])
                    && (index == 0 || !MojibakeRepairer.isLetter(scalars[index - 1]))
                if opensWord, scalars[index] == "¿" { questions += 1 } else if opensWord { exclamations += 1 }
            case "?": questions = max(0, questions - 1)
            case "!": exclamations = max(0, exclamations - 1)
            default: continue
            }
        }
        return questions + exclamations
    }

    /// Whether a character beyond ASCII that is no letter stands between two letters ("Vz»ahy"), or a
    /// symbol next to one ("®ymimo", "©utanovac").
    static func hasSymbolInWord(_ scalars: [Unicode.Scalar]) -> Bool {
        for index in scalars.indices where scalars[index].value >= 0x80 && !MojibakeRepairer.isLetter(scalars[index]) {
            let letterBefore = index > 0 && MojibakeRepairer.isLetter(scalars[index - 1])
            let letterAfter = index + 1 < scalars.count && MojibakeRepairer.isLetter(scalars[index + 1])
            if letterBefore && letterAfter { return true }
            guard letterBefore || letterAfter else { continue }
            switch scalars[index].properties.generalCategory {
            case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
            default: continue
            }
        }
        return false
    }

    /// How much better, per scored pair, a re-reading from capitals into small letters between KOI8 and
    /// windows-1251 must fit: the case is evidence of its own, so a smaller margin than ``margin`` holds
    /// for single words, which rarely gain a full hundred.
    static let caseMargin = 50.0

    /// Text in capitals with at least this many Cyrillic letters, and the margin its re-reading out of
    /// capitals needs: the longer the text, the less a fit as good as real text's (``caseFit``) happens by
    /// chance.
    static let longWordLetters = 9
    static let longWordCaseMargin = 40.0

    /// How well such a re-reading must fit, per pair: as only real text does (``cleanFit`` or better), not
    /// as the junk a wrong re-reading of a real word in capitals makes. Before clean text was also scored
    /// as Russian, Belarusian, Serbian and Macedonian, a Russian word in capitals ("ОПЫТЕ") fit neither
    /// Bulgarian nor Ukrainian as it stood and gained the margin with junk such as "ношре", so this was
    /// −130, which left misread words such as "проектът" (−134) and "алкохол" (−135) unrepaired.
    static let caseFit = -150.0

    /// Text in capitals with fewer Cyrillic letters than this is as likely an acronym ("РСФСР") as a
    /// word, and its few pairs fit by chance ("тужут").
    static let minimumWordLetters = 6

    /// How well the re-reading out of capitals of text shorter than ``minimumWordLetters`` must fit: as
    /// the words of running text do (about −110), not merely as well as only real text does.
    static let acronymCaseFit = -130.0

    /// At least four Cyrillic letters, nine in ten of them capitals.
    static func isMostlyCapitals(_ letters: (capitals: Int, small: Int)) -> Bool {
        let total = letters.capitals + letters.small
        return total >= 4 && 10 * letters.capitals >= 9 * total
    }

    /// Nine in ten Cyrillic letters small.
    static func isMostlySmall(_ letters: (capitals: Int, small: Int)) -> Bool {
        10 * letters.small >= 9 * (letters.capitals + letters.small)
    }

    /// What a text is judged by, counted in one pass over it.
    struct Census {
        /// Runs of letters, and how many of them hold a letter beyond ASCII (symbols such as £ or ² make
        /// no word).
        var words = 0
        var nonASCIIWords = 0
        /// Characters beyond ASCII, and the runs of them.
        var nonASCII = 0
        var nonASCIIRuns = 0
        /// Signs of legacy text read with the wrong code page: a symbol or control character touching a
        /// letter ("piłk±", "¿e"), a sign that stands inside no word between two letters ("ЌЁЄ®«з®") or
        /// elsewhere out of place ("®Є®«®", ``signsOutOfPlace(_:)``), and a Cyrillic word whose first letter
        /// alone is small ("бЕВЕ"). Quotes, dashes, spaces, degrees, superscripts and currency signs next to
        /// letters are ordinary text, and so are "¿" and "¡" opening a word when a "?" or "!" closes them
        /// later (Spanish).
        var anomalies = 0
        /// Capital and small letters of the Cyrillic alphabets.
        var capitals = 0
        var small = 0
        /// Runs of characters beyond ASCII whose first and third characters are "Р", "С", "Đ" or "Ń", the
        /// images of the UTF-8 leads of Cyrillic letters in windows-1251 and windows-1250: the opening of
        /// what ``MojibakeRepairer/alternatesCyrillicLeads(_:_:)`` looks for, counted here since this pass
        /// reads every character anyway.
        var runsOpeningWithLeadImages = 0
        /// The read-as pages (bit *n* for `readAs[n]`) that produce every character of the text.
        var pages: UInt32 = 0
    }

    /// Counts `scalars`: ``countInOnePass(_:)``, and the signs it leaves to ``signsOutOfPlace(_:)``.
    func census(_ scalars: [Unicode.Scalar]) -> Census {
        var census = countInOnePass(scalars)
        census.anomalies += scalars.withUnsafeBufferPointer { signsOutOfPlace($0) }
        return census
    }

    /// Counts `scalars` in one pass, every question about a character answered by one look-up in
    /// ``CharacterClasses``. Kept apart from the rarer questions, which would cost this loop registers.
    @inline(never)
    func countInOnePass(_ scalars: [Unicode.Scalar]) -> Census {
        var census = Census()
        var inWord = false
        var wordHasNonASCII = false
        var inNonASCIIRun = false
        var runStart = 0
        // The classes of the character before, none at the start.
        var previous: UInt16 = 0
        // A Cyrillic word that began with a small letter: whether it began a word, and its capitals after
        // the first letter (far below zero once another small letter comes).
        var inSmallFirstWord = false
        var openingMarks = 0
        var startsWord = false
        var capitals = 0
        var pages: UInt16 = 0xFF00
        scalars.withUnsafeBufferPointer { scalars in
            let count = scalars.count
            guard count > 0 else { return }
            var classes = self.classes.classes(of: scalars[0])
            for index in 0..<count {
                let value = scalars[index].value
                pages &= classes
                let next = index + 1 < count ? self.classes.classes(of: scalars[index + 1]) : 0
                let isLetter = classes & CharacterClasses.letter != 0
                let isCyrillic = classes & CharacterClasses.cyrillic != 0
                let isUppercase = classes & CharacterClasses.uppercase != 0
                if isCyrillic {
                    if isUppercase {
                        census.capitals += 1
                        if previous & CharacterClasses.smallCyrillic != 0, Self.isCapitalNeverInsideWords(value) { census.anomalies += 1 }
                    } else {
                        census.small += 1
                    }
                }
                if inSmallFirstWord {
                    if isCyrillic {
                        if isUppercase { capitals += 1 } else { capitals = -1_000 }
                    } else {
                        if startsWord, capitals >= 2 { census.anomalies += 1 }
                        inSmallFirstWord = false
                    }
                } else if classes & CharacterClasses.smallCyrillic != 0 {
                    inSmallFirstWord = true
                    startsWord = previous & CharacterClasses.letter == 0
                    capitals = 0
                }
                if value >= 0x80 {
                    census.nonASCII += 1
                    if !inNonASCIIRun {
                        census.nonASCIIRuns += 1
                        runStart = index
                    } else if index == runStart + 2, MojibakeRepairer.isCyrillicLeadImage(value),
                        MojibakeRepairer.isCyrillicLeadImage(scalars[runStart].value)
                    {
                        census.runsOpeningWithLeadImages += 1
                    }
                    inNonASCIIRun = true
                    if classes & CharacterClasses.oddSymbol != 0, previous & CharacterClasses.letter != 0 || next & CharacterClasses.letter != 0 {
                        // "¿" and "¡" opening a word are weighed once the whole text is seen.
                        if previous & CharacterClasses.letter == 0, value == 0xBF || value == 0xA1 { openingMarks += 1 } else { census.anomalies += 1 }
                    } else if !isLetter, previous & CharacterClasses.letter != 0, next & CharacterClasses.letter != 0, Self.isSymbolNeverInsideWords(value) {
                        census.anomalies += 1
                    }
                } else {
                    inNonASCIIRun = false
                }
                if isLetter {
                    if !inWord { census.words += 1 }
                    inWord = true
                    if value >= 0x80 { wordHasNonASCII = true }
                } else {
                    if inWord, wordHasNonASCII { census.nonASCIIWords += 1 }
                    inWord = false
                    wordHasNonASCII = false
                }
                previous = classes
                classes = next
            }
        }
        if inWord, wordHasNonASCII { census.nonASCIIWords += 1 }
        if inSmallFirstWord, startsWord, capitals >= 2 { census.anomalies += 1 }
        if openingMarks > 0 { census.anomalies += Self.unclosedOpeningMarks(scalars) }
        census.pages = UInt32(pages >> CharacterClasses.pageShift) & (1 << readAs.count - 1)
        return census
    }

    /// The capitals windows-1251 shows for IBM866's "и", "к", "б", "е", "п" and "г" ("Ё", "Є", "Ў", "Ґ",
    /// "Ї", "Ј"), which IBM866 text read as windows-1251 puts right after small letters ("вкабЁи" for
    /// "търсиш"). Clean text puts a capital inside a word only where a name's second part opens
    /// ("ПриватБанк", "КиївЄнерго"), and such a text, re-read, reads as nothing.
    static func isCapitalNeverInsideWords(_ value: UInt32) -> Bool {
        switch value {
        case 0x401, 0x404, 0x40E, 0x490, 0x407, 0x408: true  // Ё Є Ў Ґ Ї Ј
        default: false
        }
    }

    /// The first and last of the signs ``isSymbolNeverInsideWords(_:)`` names, "§" and "»".
    static let signsFirst: UInt32 = 0xA7
    static let signsLast: UInt32 = 0xBB

    /// Signs that may stand next to a word but never inside one: "ЌЁЄ®«з®" is IBM866 Bulgarian
    /// ("Николчо") read as windows-1251, which fills words with them. Apostrophes, dashes, the middle dot
    /// (Catalan "col·lecció") and the no-break space do join letters.
    static func isSymbolNeverInsideWords(_ value: UInt32) -> Bool {
        switch value {
        case 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB2, 0xB3, 0xBB: true  // § © « ® ° ² ³ »
        default: false
        }
    }

    /// How many signs stand where only a misreading puts them, beyond those ``countInOnePass(_:)`` counts
    /// (a sign that never stands inside a word between two letters, an odd symbol touching one):
    /// - a sign that never stands inside a word (``isSymbolNeverInsideWords(_:)``) touching a letter beyond
    ///   ASCII on a side real text does not put it. "®" and "©" follow a name ("Київстар®") but do not open
    ///   one; "«" opens a quote after a space, not right after a letter; and such a sign between a letter
    ///   and another sign touches no word. IBM866 text read as windows-1251 shows its small letters "о",
    ///   "л", "й" and "м" as "®", "«", "©" and "¬" in just those places: "®Є®«®" for "около", "а®«пв" for
    ///   "ролят", "Ї®¬®й" for "помощ". Superscripts and the degree sign follow a unit and may meet a quote
    ///   there ("м²»"), so they count only between a sign and a letter.
    /// - a soft hyphen beside a no-break space and no letter. It marks where a word may break, so it
    ///   stands between letters; between no-break spaces it is IBM866 "н" between two "а"
    ///   ("\u{A0}\u{AD}\u{A0}" for "ана").
    /// Every text is looked through, four characters at a time past those outside "§"..."»"; kept out of
    /// the census's loop, whose registers these rarer questions would cost.
    @inline(never)
    func signsOutOfPlace(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        func isLetter(_ index: Int) -> Bool {
            scalars.indices.contains(index) && classes.classes(of: scalars[index]) & CharacterClasses.letter != 0
        }
        func isLetterBeyondASCII(_ index: Int) -> Bool { isLetter(index) && scalars[index].value >= 0x80 }
        func isSign(_ index: Int) -> Bool {
            guard scalars.indices.contains(index), scalars[index].value >= 0x80 else { return false }
            let classes = classes.classes(of: scalars[index])
            return classes & CharacterClasses.letter == 0
                && (classes & CharacterClasses.oddSymbol != 0 || Self.isSymbolNeverInsideWords(scalars[index].value))
        }
        func isNoBreakSpace(_ index: Int) -> Bool { scalars.indices.contains(index) && scalars[index].value == 0xA0 }
        // The signs asked about, and the soft hyphen, lie from "§" to "»": a character's distance above
        // "§" (wrapping below it) says whether it is one of them.
        let first = Self.signsFirst
        let spread = Self.signsLast - first
        var signs = 0
        var index = 0
        while index < scalars.count {
            if index &+ 4 <= scalars.count {
                let nearest = min(
                    min(scalars[index].value &- first, scalars[index &+ 1].value &- first),
                    min(scalars[index &+ 2].value &- first, scalars[index &+ 3].value &- first))
                if nearest > spread {
                    index &+= 4
                    continue
                }
            }
            defer { index &+= 1 }
            let value = scalars[index].value
            guard value &- first <= spread else { continue }
            // The census counted the soft hyphen touching a letter, and the other signs between two.
            let afterAnyLetter = isLetter(index - 1)
            let beforeAnyLetter = isLetter(index + 1)
            if value == 0xAD {
                if !afterAnyLetter, !beforeAnyLetter, isNoBreakSpace(index - 1) || isNoBreakSpace(index + 1) { signs += 1 }
                continue
            }
            guard Self.isSymbolNeverInsideWords(value), !(afterAnyLetter && beforeAnyLetter) else { continue }
            let afterLetter = isLetterBeyondASCII(index - 1)
            let beforeLetter = isLetterBeyondASCII(index + 1)
            let isRightsMark = value == 0xAE || value == 0xA9
            let followsUnit = value == 0xB0 || value == 0xB2 || value == 0xB3
            if isRightsMark && beforeLetter || value == 0xAB && afterLetter
                || !followsUnit && afterLetter && isSign(index + 1) || isSign(index - 1) && beforeLetter
            {
                signs += 1
            }
        }
        return signs
    }

    /// Non-letters beyond ASCII that do not belong next to a letter.
    static func isOddSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB2, 0xB3, 0xB7, 0xBB, 0x2010...0x203A, 0x20AC, 0x2116, 0x2122, 0xA3, 0xA2, 0xA5, 0x24:
            return false
        case 0x80...0x9F:
            return true
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .initialPunctuation, .finalPunctuation, .dashPunctuation, .nonspacingMark, .decimalNumber: return false
            default: return true
            }
        }
    }

    /// Writes the bytes the text was when it was read with `map`'s code page into `bytes` (as many as the text
    /// has scalars) and scores how well those bytes, so read, fit the best-fitting language, the
    /// `neighbours` less ``neighbourDiscount``; unreadable when the text holds a character that code page
    /// cannot produce. With `stopAtCleanFit`, the first of the `scorers` that scores at least ``cleanFit``
    /// ends the scoring: all the caller then needs to know is that the text reads clean.
    private func encodeAndScore(
        _ scalars: [Unicode.Scalar], with map: CodePageReverseMap, scorers: [PairScorer], neighbours: [PairScorer],
        into bytes: UnsafeMutableBufferPointer<UInt8>, stopAtCleanFit: Bool
    ) -> PageReading {
        for (index, scalar) in scalars.enumerated() {
            if scalar.value < 0x80 {
                bytes[index] = UInt8(scalar.value)
            } else if let byte = map.byte(for: scalar) {
                bytes[index] = byte
            } else {
                return .unreadable
            }
        }
        let own = Self.bestScore(UnsafeBufferPointer(bytes), scorers, stopAtCleanFit: stopAtCleanFit)
        if stopAtCleanFit, let own, own >= Self.cleanFit { return .scored(own) }
        // Every neighbour is scored: the discount may take the first clean one below another.
        guard let neighbour = Self.bestScore(UnsafeBufferPointer(bytes), neighbours, stopAtCleanFit: false).map({ $0 - Self.neighbourDiscount })
        else {
            return own.map { .scored($0) } ?? .unscored
        }
        return .scored(max(own ?? neighbour, neighbour))
    }

    /// What a fit as Russian, Belarusian, Serbian or Macedonian gives up, per pair, against one as
    /// Bulgarian or Ukrainian: pages here are far more often in their own languages, and a short word
    /// misread may pass for a neighbour's ("ў", a Belarusian word, is what IBM866 "в" shows).
    static let neighbourDiscount = 20.0

    /// The best fit of `bytes` among the scorers' languages, nil when none scores anything. With
    /// `stopAtCleanFit`, the first language that scores at least ``cleanFit`` ends the scoring (whether
    /// the text reads clean is all the caller then asks, which does not depend on the order); otherwise
    /// every language is scored, two at a time in one pass over the bytes.
    private static func bestScore(_ bytes: UnsafeBufferPointer<UInt8>, _ scorers: [PairScorer], stopAtCleanFit: Bool) -> Double? {
        var best: Double? = nil
        func take(_ progress: PairScorer.Progress) {
            guard let score = progress.average else { return }
            if best.map({ score > $0 }) ?? true { best = score }
        }
        if stopAtCleanFit {
            for scorer in scorers {
                var progress = PairScorer.Progress()
                scorer.score(bytes, from: &progress)
                take(progress)
                if let score = progress.average, score >= cleanFit { break }
            }
            return best
        }
        var index = 0
        while index < scorers.count {
            var first = PairScorer.Progress()
            if index + 1 < scorers.count {
                var second = PairScorer.Progress()
                PairScorer.score(bytes, scorers[index], from: &first, scorers[index + 1], from: &second)
                take(first)
                take(second)
                index += 2
            } else {
                scorers[index].score(bytes, from: &first)
                take(first)
                index += 1
            }
        }
        return best
    }

    /// The letters of the Polish alphabet beyond ASCII.
    static let polishLetterValues = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".unicodeScalars.map(\.value)
    static let polishLetters = ScalarSet(polishLetterValues)

    /// The languages written in Cyrillic among ``PairScorer/languages``.
    private static let cyrillicLanguages: Set<String> = ["bg", "uk"]

    /// A fit, per scored pair, that only real text reaches (it scores about −110).
    static let cleanFit = -160.0

    /// How well a re-reading must fit, per pair, for ``realTextMargin`` to do: as real text does (about
    /// −110), well above ``cleanFit``.
    static let realTextFit = -125.0

    /// The gain that does for a re-reading that fits as real text (``realTextFit``) of a text that reads as
    /// no clean text does as it stands (below ``cleanFit``), when the text has ``longTextLetters``.
    static let realTextMargin = 50.0

    /// Cyrillic letters a text needs before ``realTextMargin`` applies: a short text's few pairs fit well
    /// or badly by chance.
    static let longTextLetters = 20

    /// Non-ASCII characters needed before a whole text is re-read.
    static let minimumLegacyEvidence = 4

    /// How well the re-read text must fit its language, per pair: real text scores about −110; a
    /// re-reading that only trades one kind of junk for another stays far below this.
    static let legacyFit = -200.0

    /// How well a re-reading into Polish of text with a ``polishSign(_:_:)``
    /// must fit: the signs are evidence of their own, and a short word's few pairs fit less well ("gałąź"
    /// scores −246), but French read as Polish fits worse still ("forêt et cœur" as "foręt et cśur", −299).
    static let polishLettersFit = -250.0
}
