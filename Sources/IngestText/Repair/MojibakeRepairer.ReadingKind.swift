extension MojibakeRepairer {
    /// The kinds of ``Reading``.
    enum ReadingKind {
        /// See ``Reading/expected(_:capitals:)``.
        case expected(capitals: Capitals)
        case intermediate, partial, foreign, weak
    }
}
