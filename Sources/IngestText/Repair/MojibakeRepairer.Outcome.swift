import IngestCore

extension MojibakeRepairer {
    /// What a repair came to, before it is made a string or written out: the two entry points render
    /// the same decision, and the repaired text stays where the repair left it until then.
    enum Outcome {
        case unchanged
        /// The UTF-8 passes' text, in the workspace's `current`.
        case inWorkspace(repairs: [EncodingRepair])
        case scalars([Unicode.Scalar], repairs: [EncodingRepair])
    }
}
