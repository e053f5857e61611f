extension MojibakeRepairer {
    /// Where a reading's capitals stand, noted when the reading is made, where its characters' classes are
    /// asked anyway: the case test of a reading (``MojibakeRepairer/fitsCase(_:after:)``) then needs no second
    /// look at them.
    enum Capitals {
        /// No capital at all.
        case none
        /// Capitals, but none right after a small letter of the reading.
        case notAfterSmall
        /// A capital right after a small letter of the reading.
        case afterSmall
    }
}
