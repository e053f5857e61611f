extension MojibakeRepairer {
    /// The kinds of ``Reading``.
    enum ReadingKind {
        case expected, intermediate, partial, foreign, weak
    }
}
