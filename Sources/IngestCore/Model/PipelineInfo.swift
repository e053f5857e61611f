/// Which pipeline produced a record, so a database row can be traced to the code and definition behind it.
public struct PipelineInfo: Sendable, Codable, Equatable {
    public var name: String
    public var version: String
    public var stages: [String]

    public init(name: String, version: String, stages: [String]) {
        self.name = name
        self.version = version
        self.stages = stages
    }
}
