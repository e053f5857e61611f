/// What a stage decided about a document it processed without error.
public enum StageDecision: Sendable, Equatable {
    /// Pass the document on to the next stage.
    case keep
    /// Stop here and count the document as skipped, with the reason in the run's stats.
    case skip(reason: String)
}
