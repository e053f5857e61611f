public import IngestCore

/// What the recogniser found in one text: entities in text order, and warnings for the user (a weekday
/// that contradicts its date).
public struct EntityRecognition: Sendable, Equatable {
    public var entities: [Entity]
    public var warnings: [StageWarning]

    public init(entities: [Entity] = [], warnings: [StageWarning] = []) {
        self.entities = entities
        self.warnings = warnings
    }
}
