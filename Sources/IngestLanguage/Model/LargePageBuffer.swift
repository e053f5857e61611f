/// Memory for a table of several megabytes that is written once at start-up and then only read, laid
/// out so that all of it can be backed by 2 MiB pages (see ``LargePages``).
///
/// An array's storage starts wherever the allocator puts it, so only the 2 MiB pages wholly inside it
/// could be large: the rest of the language model's table, and of the file buffer it is widened from,
/// was faulted in 4 KiB at a time, 1,900 of the 3,000 page faults of a process that only loads the
/// model, each costing several microseconds under virtualisation. This buffer starts on a 2 MiB
/// boundary and ends on one.
///
/// The bytes are written only through ``initialize(_:)`` while the owner builds it, before it is shared;
/// afterwards they are only read, which is what makes sharing the buffer between threads safe.
final class LargePageBuffer: @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    /// The bytes asked for; the allocation behind them is rounded up to whole large pages.
    let count: Int

    /// Room for `count` bytes, not yet initialised.
    init(bytes count: Int) {
        precondition(count >= 0)
        let size = LargePages.size
        let allocated = max(size, (count + size - 1) / size * size)
        base = UnsafeMutableRawPointer.allocate(byteCount: allocated, alignment: size)
        self.count = count
        LargePages.advise(UnsafeMutableRawBufferPointer(start: base, count: allocated))
    }

    deinit {
        base.deallocate()
    }

    /// Writes the contents; `body` must initialise every byte it is handed.
    func initialize<Failure: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(Failure) -> Void) throws(Failure) {
        try body(UnsafeMutableRawBufferPointer(start: base, count: count))
    }

    func withUnsafeBytes<Result, Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
