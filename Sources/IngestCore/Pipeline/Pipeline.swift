/// An ordered list of stages with the name records are stamped with.
public struct Pipeline: Sendable {
    public var name: String
    public var stages: [any Stage]

    public init(name: String, stages: [any Stage]) {
        self.name = name
        self.stages = stages
    }

    /// What every record of this pipeline says about how it was made.
    public var info: PipelineInfo {
        PipelineInfo(name: name, version: IngestVersion.current, stages: stages.map { $0.name })
    }
}
