/// A pipeline file after validation: which stages run, in order, and the run and output settings.
public struct PipelineDefinition: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var stages: [StageEntry]
    /// Documents in flight; `nil` means one per core.
    public var concurrency: Int?
    public var maxFailureRatio: Double
    /// The User-Agent for pages fetched over HTTP; `nil` leaves it to the command line or the default.
    public var userAgent: String?
    public var output: OutputSettings

    public init(
        name: String, description: String? = nil, stages: [StageEntry], concurrency: Int? = nil,
        maxFailureRatio: Double = 0.2, output: OutputSettings = OutputSettings()
    ) {
        self.name = name
        self.description = description
        self.stages = stages
        self.concurrency = concurrency
        self.maxFailureRatio = maxFailureRatio
        self.output = output
    }

    /// Builds the runnable pipeline. Every name was checked against `registry` when parsing.
    public func makePipeline(registry: StageRegistry) -> Pipeline {
        let stages = self.stages.compactMap { entry in
            registry.descriptor(named: entry.name).map { $0.make(entry.options) }
        }
        return Pipeline(name: name, stages: stages)
    }
}
