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
        // UTF-8 misreading always leaves a give-away character, or a capital after a small letter of
        // another script, which the legacy re-reading's census finds.
        guard text.contains(where: { $0 >= 0x80 }) else { return .unchanged }
        var scalars = Workspace.take(&workspace.original)
        defer { workspace.original = scalars }
        let before = load(text, into: &scalars)
        if before.giveAways > 0, let outcome = utf8Outcome(scalars, before: before, in: &workspace) { return outcome }
        switch legacy.reread(scalars) {
        case .reread(let reread, let repair):
            return .scalars(reread, repairs: [repair])
        case .unchanged(let capitalsAfterSmall):
            if before.giveAways == 0, capitalsAfterSmall, let outcome = utf8Outcome(scalars, before: before, in: &workspace) { return outcome }
        }
        // windows-1252 read as ISO-8859-1 last: C1 controls are also what windows-1250 text read as
        // ISO-8859-2 shows, which the legacy re-reading undoes whole.
        if let controls = C1ControlRepair.repair(scalars) {
            return .scalars(controls.scalars, repairs: [EncodingRepair(chain: C1ControlRepair.chain, spans: controls.count)])
        }
        return .unchanged
    }

    /// The text's UTF-8 misreadings undone, then its C1 controls; nil when no UTF-8 misreading was.
    private func utf8Outcome(_ scalars: [Unicode.Scalar], before: Census, in workspace: inout Workspace) -> Outcome? {
        guard var repairs = repairUTF8Misreadings(scalars, before: before, in: &workspace) else { return nil }
        // A few spans of legacy Cyrillic text can pass for UTF-8 ("вҐ¬" for an arrow); when most spans
        // were left as they were, a re-reading of the whole text that fits the language comes first.
        let repairedSpans = repairs.reduce(0) { $0 + $1.spans }
        if 2 * repairedSpans < before.giveAwayRuns, case .reread(let reread, let repair) = legacy.reread(scalars) {
            return .scalars(reread, repairs: [repair])
        }
        guard let controls = C1ControlRepair.repair(workspace.current) else { return .inWorkspace(repairs: repairs) }
        repairs.append(EncodingRepair(chain: C1ControlRepair.chain, spans: controls.count))
        return .scalars(controls.scalars, repairs: repairs)
    }
}
