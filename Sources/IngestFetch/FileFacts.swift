import Foundation

/// What the file system says about a path, following symbolic links: a link named as a page, or found in a
/// directory walk, is the page it points to, with that page's size and modification time.
struct FileFacts {
    /// A regular file: its size can be trusted and it can be read again. Pipes and devices cannot.
    var isRegular: Bool
    var isDirectory: Bool
    var size: Int
    var modified: Date

    /// Nil when the path cannot be followed to anything (missing, a broken link, no permission).
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        isRegular = status.st_mode & S_IFMT == S_IFREG
        isDirectory = status.st_mode & S_IFMT == S_IFDIR
        size = Int(status.st_size)
        modified = Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
    }
}
