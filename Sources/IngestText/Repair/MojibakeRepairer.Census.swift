extension MojibakeRepairer {
    /// What a repair is judged by, counted in one pass over the text: as the text is read
    /// (``MojibakeRepairer/load(_:into:)``) and again over the repaired scalars.
    struct Census {
        /// Give-away characters.
        var giveAways = 0
        /// C1 controls.
        var controls = 0
        /// Runs of non-ASCII characters with a give-away character among them.
        var giveAwayRuns = 0
        /// Whether the run of non-ASCII characters being read has had a give-away character yet.
        private var inGiveAwayRun = false

        /// Counts the next character of the text, in order; `giveAway` says whether it is one.
        @inline(__always)
        mutating func count(_ value: UInt32, giveAway: Bool) {
            guard value >= 0x80 else {
                inGiveAwayRun = false
                return
            }
            if value <= 0x9F { controls &+= 1 }
            guard giveAway else { return }
            giveAways &+= 1
            if !inGiveAwayRun { giveAwayRuns &+= 1 }
            inGiveAwayRun = true
        }
    }
}
