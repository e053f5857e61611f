/// What the template pre-pass gets from stripping one page of its sample.
///
/// The pre-pass parses each sampled page anyway, so it also keeps the finished page: when none of the
/// page's blocks turns out to be template, that is exactly what the run would strip again, and the run
/// takes it instead of parsing the page a second time (see ``PrestrippedPages``).
public struct SampledPage: Sendable {
    /// Fingerprints of the page's short blocks: the evidence the learner counts.
    public var learnable: Set<UInt64>
    /// Fingerprints of every block, to tell whether learned templates touch the page.
    public var blocks: Set<UInt64>
    /// The page as the run strips it while no template applies; nil when the pre-pass could not give that
    /// (the HTTP header's charset gives another decoding than the one learning reads, or the page has no
    /// text or title, which the run reports itself).
    public var page: StrippedPage?
}
