public import Logging

/// What a stage may use besides the document: the run's identity and a logger carrying the document's id.
public struct StageContext: Sendable {
    public var runID: String
    public var logger: Logger

    public init(runID: String, logger: Logger) {
        self.runID = runID
        self.logger = logger
    }
}
