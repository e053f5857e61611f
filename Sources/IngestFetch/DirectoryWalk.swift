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

    /// A directory as the file system knows it, whatever path reached it.
    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private let root: String
    private let extensions: Set<String>
    /// Each level: the directory's relative path and its remaining entries, sorted descending so
    /// `popLast` yields them in ascending order.
    private var stack: [(relative: String, entries: [Name])]
    private var visited: Set<DirectoryIdentity> = []
    /// The root with every symbolic link in it resolved.
    private let resolvedRoot: String?
    /// A problem found when a directory was opened, handed out before its entries.
    private var pending: File?

    /// An entry's name as listed: its bytes, and its text when they are UTF-8.
    private struct Name: Comparable {
        var bytes: [UInt8]
        var text: String?

        static func < (left: Name, right: Name) -> Bool {
            switch (left.text, right.text) {
            case let (left?, right?): left < right
            default: left.bytes.lexicographicallyPrecedes(right.bytes)
            }
        }
    }

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
            guard let name = entry.text else {
                // Not UTF-8: no path this reader can open names it. Said, with the bytes escaped.
                let escaped = PathBytes.text(of: entry.bytes).text
                guard !escaped.hasPrefix(".") else { continue }
                let relative = parent.isEmpty ? escaped : parent + "/" + escaped
                let isDirectory = Self.isDirectoryEntry(parentPath: parent.isEmpty ? root : root + "/" + parent, name: entry.bytes)
                guard isDirectory || isPageName(escaped) else { continue }
                let what = isDirectory ? "directory" : "file"
                return File(
                    path: root + "/" + relative, relative: relative,
                    problem: "the \(what) name is not UTF-8 (\(relative)); rename it to have it read")
            }
            if name.hasPrefix(".") { continue }
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
            let identity = DirectoryIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            guard visited.insert(identity).inserted else { return }
        }
        switch Self.listing(of: path) {
        case .success(let names):
            stack.append((relative, names))
        case .failure(let reason):
            pending = File(
                path: path, relative: relative,
                problem: "cannot list directory \(relative.isEmpty ? path : relative): \(reason); its files are not read")
        }
    }

    private static func listing(of directory: String) -> Result<[Name], ListingFailure> {
        guard let handle = opendir(directory) else { return .failure(ListingFailure(errno: errno)) }
        defer { closedir(handle) }
        var names: [Name] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { return .failure(ListingFailure(errno: errno)) }
                break
            }
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let name = PathBytes.text(of: bytes)
            names.append(Name(bytes: bytes, text: name.isUTF8 ? name.text : nil))
        }
        return .success(names.sorted(by: >))
    }

    private struct ListingFailure: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
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
