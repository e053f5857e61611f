extension MojibakeRepairer {
    /// The kinds of ``Reading``.
    enum ReadingKind {
        /// See ``Reading/expected(_:capitalAfterSmall:)``.
        case expected(capitalAfterSmall: Bool)
        case intermediate, partial, foreign, weak
    }
}
