import IngestCore

extension LegacyMisreadingRepair {
    /// What re-reading a whole text came to. A text left as it is also says whether it has a capital right
    /// after a small letter of another script: the census that decides the re-reading sees that anyway, and
    /// the UTF-8 repair then takes it as a give-away ("dolnД…" for "dolną").
    enum Outcome {
        case reread([Unicode.Scalar], EncodingRepair)
        case unchanged(capitalsAfterSmall: Bool)
    }
}
