public import IngestCore

/// A page's language: each paragraph's, the page's as a whole, and the stretches in another language,
/// such as an English event name inside a Bulgarian sentence.
///
/// The page is decided on the sum of its paragraphs' evidence, so the text is read once for both; each
/// paragraph is then decided with a prior for the page's language (``DetectionWeights/pageLanguagePrior``).
/// Inside a paragraph, a run of words in another script than most of its letters is detected on its own:
/// that is how a name in Latin letters shows up inside Cyrillic prose without splitting sentences.
public struct PageLanguageAnalyzer: Sendable {
    public var detector: LanguageDetector
    /// A run in the paragraph's minority script is looked at when it has at least this many words…
    public var minimumRunWords = 2
    /// …and letters: single brand names and abbreviations are too short to say anything reliable.
    public var minimumRunLetters = 8
    /// Shared by the copies of this value, so that what one page's words said serves the pages after it.
    let caches = WordEvidenceCachePool()

    public init(detector: LanguageDetector) {
        self.detector = detector
    }

    public func analyze(_ text: String) -> LanguageInfo {
        let scalars = text.unicodeScalars
        var total = LanguageEvidence(languages: detector.model.languages.count)
        // Each paragraph's evidence weighed, kept until the page's language is known: a paragraph is decided
        // with the prior for its page's language (``DetectionWeights/pageLanguagePrior``).
        var judged: [(piece: Piece, judgement: LanguageDetector.Judgement)] = []
        var evidence = LanguageEvidence(languages: detector.model.languages.count)
        // A page repeats its short words from paragraph to paragraph, and a batch from page to page: each is
        // looked up in the model once while it stays in the cache.
        var cache = caches.borrow()
        defer { caches.giveBack(cache) }
        for paragraph in Self.paragraphs(of: scalars) {
            detector.evidence(of: Substring(scalars[paragraph.range]), into: &evidence, cache: &cache)
            guard evidence.letters > 0 else { continue }
            total.add(evidence)
            judged.append((paragraph, detector.judge(evidence)))
        }
        let pageJudgement = detector.judge(total)
        let page = detector.decide(pageJudgement)
        let pageFitsNoCandidate = detector.fitsNoCandidate(pageJudgement)
        let favoured = page.code == LanguageGuess.undetermined ? nil : page.code
        var paragraphs: [LanguageSegment] = []
        var runs: [(segment: LanguageSegment, paragraph: Int)] = []
        for (paragraph, judgement) in judged {
            var guess = detector.decide(judgement, favouring: favoured)
            // On a page in none of the candidates, a paragraph is taken to be in the page's language unless it
            // shows otherwise: enough letters to be judged, and letters that cost a candidate no more than the
            // page's test allows a long text. A heading or a paragraph of a German page read as English would
            // be a segment in a language the page does not hold; an English paragraph quoted on it stays one.
            if pageFitsNoCandidate, !detector.showsACandidateOnItsOwn(judgement) {
                guess.code = LanguageGuess.undetermined
                guess.confidence = 0
            }
            paragraphs.append(LanguageSegment(span: paragraph.span, code: guess.code, confidence: Self.rounded(guess.confidence)))
            guard let script = judgement.script else { continue }
            for run in scriptRuns(in: scalars, paragraph: paragraph, majority: script) {
                let runGuess = detector.detect(Substring(scalars[run.range]), cache: &cache)
                guard runGuess.code != LanguageGuess.undetermined, runGuess.code != guess.code else { continue }
                runs.append((LanguageSegment(span: run.span, code: runGuess.code, confidence: Self.rounded(runGuess.confidence)), paragraphs.count - 1))
            }
        }
        var segments: [LanguageSegment] = []
        var previousSegment = -2
        for (index, paragraph) in paragraphs.enumerated()
        where paragraph.code != page.code && paragraph.code != LanguageGuess.undetermined {
            if previousSegment == index - 1, let last = segments.last, last.code == paragraph.code {
                // Consecutive paragraphs in the same other language make one segment.
                segments[segments.count - 1].span = TextSpan(start: last.span.start, end: paragraph.span.end)
                segments[segments.count - 1].confidence = min(last.confidence, paragraph.confidence)
            } else {
                segments.append(paragraph)
            }
            previousSegment = index
        }
        for run in runs where run.segment.code != page.code {
            segments.append(run.segment)
        }
        segments.sort { $0.span.start < $1.span.start || ($0.span.start == $1.span.start && $0.span.end > $1.span.end) }
        return LanguageInfo(
            code: page.code, confidence: Self.rounded(page.confidence), script: page.script, segments: segments,
            paragraphs: paragraphs)
    }

    /// Records keep four decimals: more would only make golden files churn.
    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }

    /// A stretch of the text with its scalar offsets.
    struct Piece {
        var range: Range<String.UnicodeScalarView.Index>
        var span: TextSpan
    }

    /// Paragraphs are separated by a blank line; each is trimmed of surrounding whitespace.
    static func paragraphs(of scalars: String.UnicodeScalarView) -> [Piece] {
        var pieces: [Piece] = []
        var start: (String.UnicodeScalarView.Index, Int)?
        var lastContent: (String.UnicodeScalarView.Index, Int)?
        var newlines = 0
        var offset = 0
        var index = scalars.startIndex
        func close() {
            if let first = start, let last = lastContent {
                pieces.append(Piece(range: first.0..<scalars.index(after: last.0), span: TextSpan(start: first.1, end: last.1 + 1)))
            }
            start = nil
            lastContent = nil
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" {
                newlines += 1
                if newlines == 2 { close() }
            } else if LetterFolding.isWhitespace(scalar.value) {
                // Spaces on a blank line do not make it a paragraph.
            } else {
                newlines = 0
                if start == nil { start = (index, offset) }
                lastContent = (index, offset)
            }
            offset += 1
            index = scalars.index(after: index)
        }
        close()
        return pieces
    }

    /// Runs of consecutive words in one script other than the paragraph's majority, long enough to judge.
    func scriptRuns(in scalars: String.UnicodeScalarView, paragraph: Piece, majority: WritingScript) -> [Piece] {
        var pieces: [Piece] = []
        var runStart: (String.UnicodeScalarView.Index, Int)?
        var runEnd: (String.UnicodeScalarView.Index, Int)?
        var runScript: WritingScript?
        var words = 0
        var letters = 0
        var inWord = false
        func close() {
            if let first = runStart, let last = runEnd, let script = runScript, script != majority,
                script == .latin || script == .cyrillic, words >= minimumRunWords, letters >= minimumRunLetters
            {
                pieces.append(Piece(range: first.0..<scalars.index(after: last.0), span: TextSpan(start: first.1, end: last.1 + 1)))
            }
            runStart = nil
            runEnd = nil
            runScript = nil
            words = 0
            letters = 0
        }
        var index = paragraph.range.lowerBound
        var offset = paragraph.span.start
        while index < paragraph.range.upperBound {
            let scalar = scalars[index]
            if let letter = LetterFolding.lowercaseLetter(scalar) {
                let script = WritingScript.of(letter)
                if script != runScript {
                    close()
                    runScript = script
                    runStart = (index, offset)
                }
                if !inWord { words += 1 }
                inWord = true
                letters += 1
                runEnd = (index, offset)
            } else if LetterFolding.isCombiningMark(scalar.value) || (inWord && LetterFolding.isApostrophe(scalar.value)) {
                // Still inside the word.
            } else {
                inWord = false
                if scalar == "\n" { close() }  // a run does not cross lines
            }
            offset += 1
            index = scalars.index(after: index)
        }
        close()
        return pieces
    }
}
