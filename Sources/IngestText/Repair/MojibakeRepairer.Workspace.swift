extension MojibakeRepairer {
    /// Scratch space for repairing text after text. The repairer is an immutable value shared by every
    /// caller, so the buffers a repair fills (the text's scalars, its spans, the readings of each span)
    /// belong to the caller, who passes the same workspace for each text of a run and so allocates them
    /// once instead of several times per text and pass. Any workspace serves any text: what one repair
    /// leaves in it is cleared by the next.
    public struct Workspace: Sendable {
        /// The text as it was, in scalars.
        var original: [Unicode.Scalar] = []
        /// The text as the passes so far have left it, and the buffer the next pass writes into.
        var current: [Unicode.Scalar] = []
        var next: [Unicode.Scalar] = []
        /// A pass's spans, whether each holds a give-away character, and whether any code page read it.
        var spans: [Span] = []
        var suspicious: [Bool] = []
        var readable: [Bool] = []
        /// Per span, the code pages not read yet that may still be asked for.
        var deferred: [CodePageMasks.Pages] = []
        /// Per span and code page (`pages` entries a span), where in `readings` what the page read out of
        /// the span is, or -1: a slot is a quarter of the size of an optional reading, and a pass sets one
        /// for every page of every span before reading any.
        var readingSlots: [Int32] = []
        /// The readings kept, as ranges of `decoded`.
        var readings: [Reading] = []
        var decoded: [Unicode.Scalar] = []
        /// Per code page: its votes in the current pass, and the spans it repaired in the current pass
        /// and in all passes so far.
        var votes: [Int] = []
        var passSpans: [Int] = []
        var spansByPage: [Int] = []
        /// Code pages from best voted to worst, the pages in the order a pass first repaired a span with
        /// them, and in the order any pass did.
        var order: [Int] = []
        var passPages: [Int] = []
        var pageOrder: [Int] = []
        /// Whether a pass of the current repair undid a span into another script or kept part of one
        /// (``Reading/foreign(_:)``, ``Reading/partial(_:)``): what legacy text that passes for UTF-8 in a
        /// span or two gives.
        var readOutsideLetters = false

        public init() {}

        /// Empties `array` and hands its storage out, so a pass can work on a local array (no
        /// exclusivity checks against the workspace, no copy) and put it back when done.
        @inline(__always)
        static func take<Element>(_ array: inout [Element]) -> [Element] {
            var taken: [Element] = []
            swap(&taken, &array)
            taken.removeAll(keepingCapacity: true)
            return taken
        }
    }
}
