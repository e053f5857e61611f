/// One step of the pipeline: it takes the document as the previous stage left it and adds what it owns.
///
/// - Important: A stage never loses a document. It either changes it and returns ``StageDecision/keep``,
///   returns ``StageDecision/skip(reason:)`` for a deliberate, counted skip, or throws a ``StageError``,
///   which the runner turns into a dead letter.
public protocol Stage: Sendable {
    /// The stable name used in pipeline files, logs, stats and dead letters.
    static var name: String { get }

    func process(_ document: inout Document, context: StageContext) async throws(StageError) -> StageDecision
}

extension Stage {
    public var name: String { Self.name }
}
