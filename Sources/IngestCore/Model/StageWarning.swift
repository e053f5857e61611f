/// Something a user should know about how a stage treated the page, without it being a failure,
/// e.g. that the declared charset was not the one the bytes are in.
public struct StageWarning: Sendable, Codable, Equatable {
    public var stage: String
    /// A stable, machine-readable kind, e.g. `charset-mismatch`.
    public var code: String
    public var message: String

    public init(stage: String, code: String, message: String) {
        self.stage = stage
        self.code = code
        self.message = message
    }
}
