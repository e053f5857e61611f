import Foundation
public import IngestCore

/// Reads pages from local files: single files, directory trees, and lists of paths.
///
/// Files are read one at a time, when the runner asks for the next input, so memory holds only the
/// documents in flight. Directory trees are walked in sorted order, so two runs over the same tree see
/// the same sequence. A page's id is the hash of its path relative to the input root, so moving the
/// whole tree elsewhere keeps every id.
public struct LocalFileReader: DocumentReader {
    public var inputs: [LocalInput]
    /// Files larger than this become dead letters without being read.
    public var maxBytes: Int
    /// File name endings a directory walk picks up (lower case, without the dot). Files named directly
    /// or in a list are always read.
    public var extensions: Set<String>
    /// When set, files another shard owns are passed over unread (the runner counts them as skipped).
    public var shard: Shard?

    public static let defaultExtensions: Set<String> = ["html", "htm", "xhtml", "shtml"]

    /// - Throws: ``RunError`` with `.missingInput` when a named path or list does not exist, so a typo
    ///   fails fast with status 66 instead of producing an empty run.
    public init(
        inputs: [LocalInput], maxBytes: Int = 64 << 20, extensions: Set<String> = LocalFileReader.defaultExtensions,
        shard: Shard? = nil
    ) throws(RunError) {
        for input in inputs {
            switch input {
            case .path(let path), .list(let path):
                if path != "-", !FileManager.default.fileExists(atPath: path) {
                    throw RunError(.missingInput, "input not found: \(path)")
                }
            }
        }
        self.inputs = inputs
        self.maxBytes = maxBytes
        self.extensions = extensions
        self.shard = shard
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(reader: self)
    }

    /// Walks the inputs lazily: a queue of pending roots and one directory walk at a time.
    public struct Iterator: AsyncIteratorProtocol {
        private let reader: LocalFileReader
        private var remainingInputs: [LocalInput]
        private var walk: DirectoryWalk?
        private var listLines: LineSource?
        private var warc: WARCFile?

        init(reader: LocalFileReader) {
            self.reader = reader
            self.remainingInputs = reader.inputs.reversed()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> InputItem? {
            nextItem()
        }

        public mutating func next() async -> InputItem? {
            nextItem()
        }

        private mutating func nextItem() -> InputItem? {
            while true {
                if let file = warc {
                    if let item = file.next() { return item }
                    warc = nil
                }
                if walk != nil {
                    if let file = walk?.nextFile() {
                        if let problem = file.problem { return reader.refuse(canonical: file.relative, problem) }
                        if let item = reader.open(path: file.path, canonical: file.relative, direct: false, records: &warc) { return item }
                        continue
                    }
                    walk = nil
                }
                if listLines != nil {
                    if let line = listLines?.nextLine() {
                        let path = line.trimmingCharacters(in: .whitespaces)
                        if path.isEmpty || path.hasPrefix("#") { continue }
                        if listLines?.lastLineIsUTF8 == false {
                            return reader.refuse(canonical: path, "the listed path is not UTF-8 (\(path)); rename the file to have it read")
                        }
                        // A list names files: a line "-" is a file of that name, not standard input.
                        if let item = startPath(path == LocalFileReader.standardInput ? "./-" : path, direct: false) { return item }
                        continue
                    }
                    listLines = nil
                }
                guard let input = remainingInputs.popLast() else { return nil }
                switch input {
                case .path(let path):
                    if let item = startPath(path, direct: true) { return item }
                case .list(let path):
                    listLines = LineSource(path: path)
                }
            }
        }

        /// Reads a file at once, or starts walking a directory (returning nil so the loop pulls from it).
        /// - Parameter direct: the path was given with `--input`, not read from a list.
        private mutating func startPath(_ path: String, direct: Bool) -> InputItem? {
            if path == LocalFileReader.standardInput {
                return reader.open(path: path, canonical: path, direct: direct, records: &warc)
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                let source = SourceRef(url: LocalFileReader.fileURL(path))
                return .failed(id: PageID(canonicalSource: path), source: source, code: .unreadable, message: "no such file: \(path)")
            }
            if isDirectory.boolValue {
                walk = DirectoryWalk(root: path, extensions: reader.extensions)
                return nil
            }
            let name = (path as NSString).lastPathComponent
            return reader.open(path: path, canonical: name, direct: direct, records: &warc)
        }
    }

    /// Whether an input named directly is a pipe or a device (`--input <(zcat pages.html.gz)`): it can be
    /// read only once, so there is no pre-pass over it, and it has no stable key.
    public var readsAStream: Bool {
        inputs.contains { input in
            guard case .path(let path) = input, let facts = FileFacts(path: Self.systemPath(path)) else { return false }
            return !facts.isRegular && !facts.isDirectory
        }
    }

    /// A digest of the inputs as they are now: every file the reader would read, with its size and
    /// modification time, plus `salt` (the pipeline and tool version, say).
    ///
    /// A shard completion is recorded under this key, so a rerun over the same, unchanged files skips the
    /// shard, while a page rewritten in place, a new night's list or a grown directory is new work. Only
    /// metadata is read, never contents. `nil` when a list comes from standard input, which cannot be told
    /// apart from one run to the next.
    public func inputKey(salt: String = "") -> String? {
        guard !readsAStream else { return nil }
        var hasher = SHA256Stream()
        hasher.add(salt)
        func addFile(_ path: String, as name: String) {
            let facts = FileFacts(path: path)
            let size = facts?.size ?? -1
            let modified = facts?.modified.timeIntervalSince1970 ?? -1
            hasher.add("\(name)\u{0}\(size)\u{0}\(modified)\n")
        }
        func addPath(_ path: String) {
            var isDirectory: ObjCBool = false
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                addFile(path, as: absolute)
                return
            }
            hasher.add("dir\u{0}\(absolute)\n")
            var walk = DirectoryWalk(root: path, extensions: extensions)
            while let file = walk.nextFile() { addFile(file.path, as: file.relative) }
        }
        for input in inputs {
            switch input {
            case .path(let path):
                addPath(path)
            case .list(let path):
                guard path != "-" else { return nil }
                hasher.add("list\u{0}")
                addFile(path, as: URL(fileURLWithPath: path).standardizedFileURL.path)
                let lines = LineSource(path: path)
                while let line = lines.nextLine() {
                    let listed = line.trimmingCharacters(in: .whitespaces)
                    if listed.isEmpty || listed.hasPrefix("#") { continue }
                    addPath(listed)
                }
            }
        }
        return "i_" + hasher.finish().prefix(32)
    }

    /// How many inputs the reader will yield, when that can be known from file names alone: `nil` when a
    /// WARC file (many records each), a stream (which may hold WARC records) or a path list on standard
    /// input is among them. Reads metadata only.
    public func expectedInputCount() -> Int? {
        var count = 0
        func add(_ path: String, direct: Bool) -> Bool {
            if let facts = FileFacts(path: direct ? Self.systemPath(path) : path), !facts.isRegular, !facts.isDirectory { return false }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                count += 1
                return !Self.isWARC(path)
            }
            var walk = DirectoryWalk(root: path, extensions: extensions)
            while let file = walk.nextFile() {
                if Self.isWARC(file.path) { return false }
                count += 1
            }
            return true
        }
        for input in inputs {
            switch input {
            case .path(let path):
                guard add(path, direct: true) else { return nil }
            case .list(let path):
                guard path != "-" else { return nil }
                let lines = LineSource(path: path)
                while let line = lines.nextLine() {
                    let listed = line.trimmingCharacters(in: .whitespaces)
                    if listed.isEmpty || listed.hasPrefix("#") { continue }
                    guard add(listed, direct: false) else { return nil }
                }
            }
        }
        return count
    }

    /// `.warc` and `.warc.gz` files hold many pages each and are read record by record; directory walks
    /// pick them up whatever `extensions` says.
    static func isWARC(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz")
    }

    /// How `--input -` names standard input.
    static let standardInput = "-"

    /// The path the system opens for an input's path: standard input's own for "-".
    static func systemPath(_ path: String) -> String {
        path == standardInput ? "/dev/stdin" : path
    }

    /// `file:` plus the canonical path: stable across machines, unlike an absolute path.
    static func fileURL(_ canonical: String) -> String {
        "file:" + canonical
    }

    /// A dead letter for an input that cannot be read as a page (the runner counts another shard's as that
    /// shard's).
    func refuse(canonical: String, _ problem: String) -> InputItem {
        .failed(id: PageID(canonicalSource: canonical), source: SourceRef(url: Self.fileURL(canonical)), code: .unreadable, message: problem)
    }

    /// Opens an input. A page is read whole and returned. WARC records, in a file named `.warc` or
    /// `.warc.gz` or in one whose first bytes are a record's (standard input, a pipe, a download that lost
    /// its name's ending), are left in `records` to be read one by one, and nil is returned.
    ///
    /// WARC records are sharded one by one, so every shard reads a file that may hold them: one named so,
    /// and any given directly (`direct`, a few files at most). A page another shard owns in a walk or a list
    /// is passed over unread; one of them found to hold WARC records is read so in an unsharded run, and is
    /// a dead letter in a sharded one, where the other shards have passed it over.
    func open(path: String, canonical: String, direct: Bool, records: inout WARCFile?) -> InputItem? {
        let id = PageID(canonicalSource: canonical)
        var source = SourceRef(url: Self.fileURL(canonical))
        let namedAsWARC = Self.isWARC(path)
        let everyShardOpens = namedAsWARC || direct
        if !everyShardOpens, let shard, !shard.contains(id) {
            return .skipped(id: id, source: source, reason: RunSummary.outOfShardReason)
        }
        let systemPath = Self.systemPath(path)
        let facts = FileFacts(path: systemPath)
        // A pipe or device (`--input -`, `--input <(zcat pages.html.gz)`) has no size: it is read to its end,
        // up to the limit. A path that cannot be followed is left for opening it to fail.
        let isRegular = facts?.isRegular ?? true
        guard let handle = FileHandle(forReadingAtPath: systemPath) else {
            return .failed(id: id, source: source, code: .unreadable, message: "cannot open \(path) for reading")
        }
        // A file's first bytes are read where they are; a stream's can be read only once, so they are kept
        // and handed on.
        let leading: [UInt8]
        do {
            leading = isRegular ? Self.firstBytes(of: handle) : [UInt8](try Self.readStream(handle, limit: InputContent.leadingLength - 1))
        } catch {
            try? handle.close()
            return .failed(id: id, source: source, code: .unreadable, message: "cannot read \(path): \(error)")
        }
        // The name settles it when it says WARC; the first bytes are looked at (inflated, when gzipped) only
        // when it does not.
        if namedAsWARC || InputContent(leading: leading) == .warc {
            if !everyShardOpens, shard != nil {
                try? handle.close()
                return .failed(
                    id: id, source: source, code: .unreadable,
                    message: "\(path) holds WARC records, but is not named .warc or .warc.gz: in a sharded run only such files, and files given with --input, are read record by record")
            }
            let opened = WARCFile.open(
                handle: handle, path: path, leading: isRegular ? [] : leading, gzip: leading.starts(with: Inflater.gzipMagic),
                maxBytes: maxBytes, shard: shard)
            switch opened {
            case .success(let file):
                records = file
                return nil
            case .failure(let failure):
                return .failed(id: id, source: source, code: failure.code, message: failure.message)
            }
        }
        defer { try? handle.close() }
        // A page given directly is another shard's once it is known to be a page.
        if let shard, !shard.contains(id) {
            return .skipped(id: id, source: source, reason: RunSummary.outOfShardReason)
        }
        if let modified = facts?.modified {
            source.fetchedAt = RFC3339.string(from: modified)
        }
        let size = isRegular ? facts?.size ?? 0 : maxBytes
        source.bytes = isRegular ? size : 0
        if size > maxBytes {
            return .failed(
                id: id, source: source, code: .tooLarge,
                message: "file is \(size) bytes, over the input limit of \(maxBytes) bytes")
        }
        var data: Data
        do {
            // Ask for the size the file has (plus one byte, to notice growth): asking for the limit would
            // allocate the limit for every file.
            if isRegular {
                data = try handle.read(upToCount: Swift.min(maxBytes, size) + 1) ?? Data()
            } else {
                data = Data(leading)
                if leading.count == InputContent.leadingLength {
                    data.append(try Self.readStream(handle, limit: maxBytes - leading.count))
                }
            }
        } catch {
            return .failed(id: id, source: source, code: .unreadable, message: "cannot read \(path): \(error)")
        }
        if data.count > maxBytes {
            return .failed(
                id: id, source: source, code: .tooLarge,
                message: isRegular
                    ? "file grew past the input limit of \(maxBytes) bytes while being read"
                    : "\(path) holds more than the input limit of \(maxBytes) bytes")
        }
        var raw = [UInt8](data)
        // A page saved as it came over the wire, or gzipped to save space, is read as the page it holds.
        if raw.starts(with: Inflater.gzipMagic),
            let failure = Inflater.decompress(&raw, limit: maxBytes, naming: "\(path), gzip data,", id: id, source: source)
        {
            return failure
        }
        source.bytes = raw.count
        source.sha256 = SHA256Hex.digest(raw)
        return .document(Document(id: id, source: source, raw: raw))
    }

    /// A regular file's first bytes, read without moving the handle from its start.
    private static func firstBytes(of handle: FileHandle) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: InputContent.leadingLength)
        let count = bytes.withUnsafeMutableBytes { pread(handle.fileDescriptor, $0.baseAddress, $0.count, 0) }
        return Array(bytes.prefix(Swift.max(0, count)))
    }

    /// Reads a stream to its end in chunks, stopping one byte past `limit`.
    private static func readStream(_ handle: FileHandle, limit: Int) throws -> Data {
        var data = Data()
        while data.count <= limit, let chunk = try handle.read(upToCount: Swift.min(1 << 20, limit + 1 - data.count)), !chunk.isEmpty {
            data.append(chunk)
        }
        return data
    }
}
