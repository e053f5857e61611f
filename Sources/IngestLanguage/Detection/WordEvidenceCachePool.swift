import Synchronization

/// Word caches lent to the pages being analysed, one to each page at a time, and kept between pages.
///
/// Pages of a batch share most of their short words ("и", "na", "the"), so a cache that lives on from one
/// page to the next finds them where one made for each page would look them all up again, and would clear
/// its 1.6 MiB first. A cache is lent whole to one page and handed back after it, so no two threads ever
/// read or write the same one; the pool only hands them out. It keeps the caches handed back, as many as
/// pages were analysed at once (which the runner bounds), up to `maximumIdle`.
final class WordEvidenceCachePool: Sendable {
    /// 16 caches of 1.6 MiB are 26 MiB. A run analyses at most its concurrency's pages at once; beyond 16, a
    /// page may get a new, empty cache.
    static let maximumIdle = 16

    private let idle = Mutex<[WordEvidenceCache]>([])

    /// A cache for one page: one a page before it filled, when one is free.
    func borrow() -> WordEvidenceCache {
        idle.withLock { $0.popLast() } ?? WordEvidenceCache()
    }

    /// How many caches wait to be lent.
    var idleCount: Int {
        idle.withLock { $0.count }
    }

    /// Takes back a cache lent by ``borrow()``.
    func giveBack(_ cache: WordEvidenceCache) {
        idle.withLock { caches in
            if caches.count < Self.maximumIdle { caches.append(cache) }
        }
    }
}
