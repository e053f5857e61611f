public import IngestCore

extension MojibakeRepairer {
    /// ``repair(utf8:in:)`` for a caller that writes the repaired text out at once (`ingest repair
    /// --jsonl`): `body` gets the repairs and the repaired text as scalars, or no scalars when nothing
    /// changed, and no string is made. A string costs a copy of the text and a second validation of its
    /// UTF-8, which is a good part of writing a repaired line.
    ///
    /// Both entry points render one ``outcome(utf8:in:)``. The scalars are valid only inside `body`.
    public func repair<Answer>(
        utf8 text: UnsafeBufferPointer<UInt8>, in workspace: inout Workspace,
        _ body: (_ repairs: [EncodingRepair], _ repaired: UnsafeBufferPointer<Unicode.Scalar>?) throws -> Answer
    ) rethrows -> Answer {
        switch outcome(utf8: text, in: &workspace) {
        case .unchanged: return try body([], nil)
        case .inWorkspace(let repairs): return try workspace.current.withUnsafeBufferPointer { try body(repairs, $0) }
        case .scalars(let scalars, let repairs): return try scalars.withUnsafeBufferPointer { try body(repairs, $0) }
        }
    }

    /// The decision both entry points render.
    func outcome(utf8 text: UnsafeBufferPointer<UInt8>, in workspace: inout Workspace) -> Outcome {
        // Most text is ASCII or clean: neither kind of repair can apply without a byte beyond ASCII, and a
        // UTF-8 misreading always leaves a give-away character or a capital after a small letter.
        guard text.contains(where: { $0 >= 0x80 }) else { return .unchanged }
        var scalars = Workspace.take(&workspace.original)
        defer { workspace.original = scalars }
        let before = load(text, into: &scalars)
        if before.giveAways > 0, var repairs = repairUTF8Misreadings(scalars, before: before, in: &workspace) {
            // A few spans of legacy Cyrillic text can pass for UTF-8 ("вҐ¬" for an arrow, "Âñå" for a CJK
            // character in Mac OS Roman). When most spans were left as they were, or a span was read into
            // another script while most characters beyond ASCII were left, a re-reading of the whole text
            // that fits the language comes first; when a span was read into another script, or part of one
            // kept, it comes first if it leaves fewer signs out of place ("®в¤Ґ«Ё", IBM866 "отдели" read as
            // windows-1251, is "®⤥«Ё" read as UTF-8) or reads into words of the list ("Âàì íå" is "Вам не",
            // where Mac OS Roman reads "Âàì" as one CJK character). The text's bytes beyond its characters, one
            // or more for each character beyond ASCII, stand in for how many of those it has: a repair that
            // removed under a quarter as many characters left most of them as they were.
            let repairedSpans = repairs.reduce(0) { $0 + $1.spans }
            let removed = scalars.count - workspace.current.count
            let outsideLetters = workspace.readOutsideLetters
            let rereadFirst = 2 * repairedSpans < before.giveAwayRuns || outsideLetters && 4 * removed < text.count - scalars.count
            if rereadFirst || outsideLetters, let reread = legacy.reread(scalars),
                rereadFirst || legacy.census(reread.scalars).anomalies < legacy.census(workspace.current).anomalies
                    || LegacyMisreadingRepair.readsAsBulgarianOrUkrainianWords(reread.scalars)
            {
                return .scalars(reread.scalars, repairs: [reread.repair])
            }
            // A UTF-8 repair adds no control character, so text without one has none to read.
            guard before.controls > 0, let controls = C1ControlRepair.repair(workspace.current) else { return .inWorkspace(repairs: repairs) }
            repairs.append(EncodingRepair(chain: C1ControlRepair.chain, spans: controls.count))
            return .scalars(controls.scalars, repairs: repairs)
        }
        let legacyCensus = legacy.census(scalars)
        if let reread = legacy.reread(scalars, census: legacyCensus) { return .scalars(reread.scalars, repairs: [reread.repair]) }
        // Without a give-away, a capital right after a small letter can still show UTF-8 misread
        // ("dolnД…"), and so can "Ă" before a small letter at a word's start ("GĂłra"). That is Latin text,
        // at most 1.75 bytes a character ("mogД…" 1.6), so Cyrillic text, the most common clean text here
        // (nearly two), is not looked through. C1 controls are give-aways, so there are none to read after
        // it.
        if before.giveAways == 0, 4 * text.count <= 7 * scalars.count,
            hasCapitalAfterSmallLetter(text) || hasLatin1LeadImageBeforeLetter(text),
            let repairs = repairUTF8Misreadings(scalars, before: before, in: &workspace)
        {
            return .inWorkspace(repairs: repairs)
        }
        // Nor does a Cyrillic word in UTF-8 read as windows-1251 whose bytes all read as letters
        // ("РґРёРєРёР№"), which only the images of its lead bytes, every other character, give away.
        if before.giveAways == 0, legacyCensus.runsOpeningWithLeadImages > 0, Self.hasAlternatingCyrillicLeads(scalars),
            let repairs = repairUTF8Misreadings(scalars, before: before, in: &workspace)
        {
            return .inWorkspace(repairs: repairs)
        }
        // windows-1252 read as ISO-8859-1 last: C1 controls are also what windows-1250 text read as
        // ISO-8859-2 shows, which the legacy re-reading undoes whole.
        if before.controls > 0, let controls = C1ControlRepair.repair(scalars) {
            return .scalars(controls.scalars, repairs: [EncodingRepair(chain: C1ControlRepair.chain, spans: controls.count)])
        }
        return .unchanged
    }
}
