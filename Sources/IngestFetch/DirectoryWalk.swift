import Foundation

/// A depth-first walk of a directory tree in sorted order, holding one listing per open level.
///
/// Every entry a run would read is accounted for. An entry that cannot be read as a page (a broken symbolic
/// link, a FIFO or socket under a page's name, a name that is not UTF-8, a directory that cannot be listed)
/// comes back with the reason, to become a dead letter rather than vanish. A FIFO is never opened: with no
/// writer, opening it would wait for ever. A symbolic link to a directory inside the tree is not followed (its
/// pages are read under the directory's own name), and a directory reached again by another link outside it
/// is not walked again, so a link loop cannot multiply the tree's pages.
struct DirectoryWalk {
    struct File {
        var path: String
        /// Relative to the walk's root, with `/` separators.
        var relative: String
        /// Why the entry cannot be read, or nil for a file to read.
        var problem: String?
    }

    private let root: String
    private let extensions: Set<String>
    /// Each level: the directory's relative path and its remaining entries, sorted descending by name so
    /// `popLast` yields them in ascending order. A name that is not UTF-8 is sorted and shown escaped
    /// (``PathBytes``) and kept as its bytes.
    private var stack: [(relative: String, entries: [(name: String, bytes: [UInt8], isUTF8: Bool)])]
    /// The directories walked, by device and inode, whatever path reached them.
    private var visited: Set<[UInt64]> = []
    /// The root with every symbolic link in it resolved.
    private let resolvedRoot: String?
    /// A problem found when a directory was opened, handed out before its entries.
    private var pending: File?

    init(root: String, extensions: Set<String>) {
        self.root = root
        self.extensions = extensions
        resolvedRoot = realpath(root, nil).map { resolved in
            defer { free(resolved) }
            return String(cString: resolved)
        }
        self.stack = []
        enter(path: root, relative: "")
    }

    mutating func nextFile() -> File? {
        while true {
            if let problem = pending {
                pending = nil
                return problem
            }
            guard let top = stack.indices.last else { return nil }
            guard let entry = stack[top].entries.popLast() else {
                stack.removeLast()
                continue
            }
            let parent = stack[top].relative
            let name = entry.name
            if name.hasPrefix(".") { continue }
            guard entry.isUTF8 else {
                // No path this reader can open names it: said, with the bytes escaped.
                let relative = parent.isEmpty ? name : parent + "/" + name
                let isDirectory = Self.isDirectoryEntry(parentPath: parent.isEmpty ? root : root + "/" + parent, name: entry.bytes)
                guard isDirectory || isPageName(name) else { continue }
                let what = isDirectory ? "directory" : "file"
                return File(
                    path: root + "/" + relative, relative: relative,
                    problem: "the \(what) name is not UTF-8 (\(relative)); rename it to have it read")
            }
            let relative = parent.isEmpty ? name : parent + "/" + name
            let path = root + "/" + relative
            var target = stat()
            guard stat(path, &target) == 0 else {
                let reason = String(cString: strerror(errno))
                var link = stat()
                guard isPageName(name) else { continue }
                let isLink = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
                return File(
                    path: path, relative: relative,
                    problem: isLink ? "broken symbolic link (\(reason)): \(relative)" : "cannot read \(relative): \(reason)")
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR:
                if !isLinkIntoTheTree(path) { enter(path: path, relative: relative) }
            case S_IFREG:
                if isPageName(name) { return File(path: path, relative: relative) }
            default:
                if isPageName(name) {
                    return File(
                        path: path, relative: relative,
                        problem: "not a regular file (\(Self.kind(of: target.st_mode))), not read: \(relative)")
                }
            }
        }
    }

    /// Whether `path` is a symbolic link to a directory the walk reaches by its own name: its pages are
    /// read there, under the path a reader of the tree expects.
    private func isLinkIntoTheTree(_ path: String) -> Bool {
        var link = stat()
        guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, let resolvedRoot,
            let target = realpath(path, nil)
        else { return false }
        defer { free(target) }
        let resolved = String(cString: target)
        guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/") else { return false }
        return !resolved.dropFirst(resolvedRoot.count).split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// A page file's name, gzipped or not (`page.html`, `page.html.gz`), or a WARC file's.
    private func isPageName(_ name: String) -> Bool {
        let lower = name.lowercased()
        let stem = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        return extensions.contains((stem as NSString).pathExtension) || LocalFileReader.isWARC(name)
    }

    /// Opens a directory's listing, unless the walk has been in it before by another path.
    private mutating func enter(path: String, relative: String) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard visited.insert([UInt64(status.st_dev), UInt64(status.st_ino)]).inserted else { return }
        }
        let listing = Self.listing(of: path)
        if let failure = listing.failure {
            pending = File(
                path: path, relative: relative,
                problem: "cannot list directory \(relative.isEmpty ? path : relative): \(failure); its files are not read")
        } else {
            stack.append((relative, listing.entries))
        }
    }

    /// The directory's entries, sorted descending, or why it cannot be listed.
    private static func listing(of directory: String) -> (entries: [(name: String, bytes: [UInt8], isUTF8: Bool)], failure: String?) {
        guard let handle = opendir(directory) else { return ([], String(cString: strerror(errno))) }
        defer { closedir(handle) }
        var entries: [(name: String, bytes: [UInt8], isUTF8: Bool)] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { return ([], String(cString: strerror(errno))) }
                break
            }
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let name = PathBytes.text(of: bytes)
            entries.append((name.text, bytes, name.isUTF8))
        }
        return (entries.sorted { $0.name > $1.name }, nil)
    }

    /// Whether the entry `name` (bytes that are not UTF-8) of the directory at `parentPath` is a directory.
    private static func isDirectoryEntry(parentPath: String, name: [UInt8]) -> Bool {
        let path = (Array(parentPath.utf8) + [0x2F] + name + [0]).map { CChar(bitPattern: $0) }
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file"
        }
    }
}
