extension MojibakeRepairer {
    /// A span of non-ASCII characters and what it decodes to, once repaired (a range of the pass's
    /// buffer of readings).
    struct Span {
        var range: Range<Int>
        var fixed: Range<Int>? = nil
        /// Index of the code page that repaired it.
        var page: Int? = nil
    }
}
