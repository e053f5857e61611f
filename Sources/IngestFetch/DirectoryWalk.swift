import Foundation

/// A depth-first walk of a directory tree in sorted order, holding one listing per open level.
struct DirectoryWalk {
    struct File {
        var path: String
        /// Relative to the walk's root, with `/` separators.
        var relative: String
    }

    private let root: String
    private let extensions: Set<String>
    /// Each level: the directory's relative path and its remaining entries, sorted descending so
    /// `popLast` yields them in ascending order.
    private var stack: [(relative: String, entries: [String])]

    init(root: String, extensions: Set<String>) {
        self.root = root
        self.extensions = extensions
        self.stack = [("", Self.listing(of: root))]
    }

    mutating func nextFile() -> File? {
        while let top = stack.indices.last {
            guard let entry = stack[top].entries.popLast() else {
                stack.removeLast()
                continue
            }
            if entry.hasPrefix(".") { continue }
            let relative = stack[top].relative.isEmpty ? entry : stack[top].relative + "/" + entry
            let path = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                stack.append((relative, Self.listing(of: path)))
            } else if extensions.contains((entry as NSString).pathExtension.lowercased()) || LocalFileReader.isWARC(entry) {
                return File(path: path, relative: relative)
            }
        }
        return nil
    }

    private static func listing(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted(by: >)
    }
}
