/// How the kinds of evidence are weighed against each other. Set on held-out training sentences
/// (`Scripts/build-language-model.py --dev-out`), never on the benchmark.
public struct DetectionWeights: Sendable, Equatable {
    /// Weight of the character model: -ln P(letter | up to four letters before it).
    public var characters: Double = 1
    /// -ln of the factor paid each time the character model backs off to a shorter context, as in
    /// "stupid backoff" (0.4 ≈ 0.9 nats).
    public var backoff: Double = 0.9
    /// Weight of whole words: what tells close pairs (bg/mk, uk/ru, cs/sk) apart when their letters agree.
    public var words: Double = 2
    /// -ln P charged for each letter outside a language's alphabet (ы in Ukrainian, ł in Czech): strong
    /// evidence, yet not a hard filter, since names and quotations bring foreign letters.
    public var absentLetter: Double = 4
    /// Divides the summed log-likelihoods before they become probabilities. Overlapping evidence (letters,
    /// then the words made of them) counts each letter more than once, so the raw posterior is far too sure.
    public var temperature: Double = 3
    /// A word of at most this many letters that the model knows is scored by its word entry in place of its
    /// letters: its letters and both boundaries fit in one 5-gram, so the letter chain only estimates the
    /// word's frequency once more, from counts that include the dictionary stems. 0 scores every word's
    /// letters.
    public var wholeWordLetters = 0
    /// Log prior odds (nats) of one of the pipeline's own languages against one decoy: a decoy's tempered
    /// log-likelihood is lowered by this much before the scores are shared out. A pipeline names its own
    /// languages and adds decoys only so that a page in one of them is called what it is; its pages are far
    /// more often in its own languages, which the letters of a word or two cannot show on their own.
    /// 0 treats every candidate as equally likely.
    public var ownLanguagePrior: Double = 0
    /// Whether a language written in several scripts shares its prior among them. Serbian is modelled in
    /// Cyrillic from its sentences and in Latin from the same sentences transliterated, so each model
    /// speaks as though all Serbian were in its script. A Serbian text is in one of the two; with the two
    /// taken as equally likely, Serbian's likelihood of a text in either is half its model's, ln 2 nats of
    /// prior (`LanguageModel.scriptCounts`). Without it a one- or two-letter word Polish shares with Serbian
    /// ("ma", "mi", "to", "od") or a Belarusian one shared with Serbian Cyrillic went to Serbian on a
    /// narrow lead. On the held-out tenth it moves Polish single words from 91.7 to 94.0 %, English from 95.9
    /// to 98.9, Belarusian from 86.3 to 91.0 and Macedonian from 65.2 to 68.2, no cell of another language
    /// down. Serbian pays for it: its single words from 77.6 to 64.8 %, word pairs from 91.0 to 85.4. A
    /// pipeline whose Serbian pages are all in one script turns it off (the stage's `script_share: false`).
    public var sharesPriorAmongScripts = true
    /// Log prior odds (nats) of a paragraph's page language against every other candidate, when a page's
    /// paragraphs are decided (`PageLanguageAnalyzer`): a paragraph is far more often in its page's
    /// language than in a neighbour's, and a heading or a line of a timetable has too few words to show
    /// which of two close languages it is in (the timetable of a Bulgarian conference programme, "Пленарна
    /// сесия „Инвестиции в пристанищната инфраструктура“" and three lines like it, came out Russian at 0.87;
    /// with the prior it is Bulgarian). On the held-out tenth, 2 nats turn 66 of the 74 Bulgarian word pairs that went to
    /// another language back to Bulgarian, and 60 of 72 Ukrainian ones to Ukrainian, while a genuinely
    /// Russian pair on a Bulgarian page is taken for Bulgarian 23 times in 947 and a Russian sentence 3 in
    /// 996. 0 decides each paragraph on its own evidence. The page itself is decided without it.
    public var pageLanguagePrior: Double = 2
    /// Once the best candidate leads the next by this much (-ln P), `LanguageDetector.detect` reads no
    /// further: the rest of the text would have to favour the runner-up by as much again. On the held-out
    /// sentences no answer changed from a lead of 45 up; twice that leaves room for other text. nil reads
    /// every text to its end. Page and paragraph evidence (`evidence(of:)`) is always read in full.
    public var decisiveMargin: Double? = 90
    /// A text whose letters cost even the best-fitting candidate more than this (-ln P of the letter chain,
    /// word ends included, per letter; plus
    /// ``foreignTextSpread`` over the square root of its letters) is in none of the candidates: `und`, where
    /// the candidates alone would name the nearest. Without it German and Indonesian news pages came out
    /// English and Portuguese ones Czech at 0.88-1.0. No sentence or paragraph of the benchmark, the held-out
    /// tenth or the interface messages in the ten languages turns `und` even at 2.5, where a genuine English
    /// list of tour dates and venues first does; at 2.9, 1,326 of 1,680 paragraphs in 21 other languages do
    /// (README, "Text in none of the candidates"). nil reads every text as in some candidate.
    public var foreignTextCost: Double? = 2.9
    /// How much more a letter may cost a short text, times one over the square root of its letters: the
    /// cost of a few words swings more than that of a page (8 allows 3.63 at 120 letters, 3.15 at 1,000).
    public var foreignTextSpread: Double = 8
    /// Texts with fewer letters of their main script are never taken for foreign: a name or a heading of a
    /// few words can cost a lot in its own language.
    public var foreignTextMinimumLetters = 120

    public init() {}
}
