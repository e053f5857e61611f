#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large, not yet touched buffer with 2 MiB pages where it can.
///
/// The model's table is read at random, a few cache lines per letter: with 4 KiB pages nearly every
/// lookup also misses the TLB, which under virtualisation costs as much again as the cache miss. Linux's
/// transparent huge pages are often enabled only on request ("madvise"), hence the request. Elsewhere,
/// or when the kernel declines, this does nothing and the table works the same.
enum LargePages {
    static let size = 2 << 20

    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count >= size else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}
