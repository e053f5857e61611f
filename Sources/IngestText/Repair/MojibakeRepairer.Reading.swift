extension MojibakeRepairer {
    /// What one code page makes of a span, from best to worst: each holds where the characters it reads
    /// sit in the pass's buffer of readings, so keeping a reading allocates nothing.
    enum Reading {
        /// Letters and punctuation of the four languages, and where their capitals stand, which tells
        /// whether the reading fits case (``MojibakeRepairer/fitsCase(_:after:)``).
        case expected(Range<Int>, capitals: Capitals)
        /// What the first of two misreadings leaves (Latin-1 symbols, C1 controls), kept for the next
        /// pass; the whole repair is rolled back if that pass cannot finish it.
        case intermediate(Range<Int>)
        /// A repair that keeps some characters of the span (correct text next to the mojibake) or marks
        /// a lost byte with U+FFFD, reading as one script.
        case partial(Range<Int>)
        /// Letters, marks and symbols of one other script (Greek, Hebrew, ❤), for spans long enough to be
        /// a whole character of it.
        case foreign(Range<Int>)
        /// Plausible, but resting on too few bytes to be taken unless the text has shown elsewhere that
        /// this code page broke it.
        case weak(Range<Int>)
    }
}
