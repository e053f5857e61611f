extension Duration {
    /// Whole nanoseconds, clamped at zero, for counters that add up across documents.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
