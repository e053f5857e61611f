extension MojibakeRepairer {
    /// What a repair is judged by, counted in one pass over the text.
    struct Census {
        /// Give-away characters.
        var giveAways = 0
        /// C1 controls.
        var controls = 0
        /// Runs of non-ASCII characters with a give-away character among them.
        var giveAwayRuns = 0
    }
}
