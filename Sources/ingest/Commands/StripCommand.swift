import ArgumentParser
import Foundation
import IngestCore
import IngestHTML

/// `ingest strip`: the strip stage alone, for inspection and benchmarks.
struct StripCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strip",
        abstract: "Extract the main text and title of HTML pages.",
        discussion: """
            Prints one JSON object per page, {"id", "title", "text"} with the file name's stem as id, in file-name \
            order; with --text, only the text of each page. A page that cannot be stripped prints an empty text \
            and an "error", and the exit status is 65.
            """)

    @Argument(help: "HTML files, or - for standard input.")
    var files: [String] = []

    @Option(name: .long, help: "Strip every .html/.htm file in this directory.")
    var htmlDir: String?

    @Flag(name: .long, help: "Print JSON Lines (the default).")
    var jsonl = false

    @Flag(name: .long, help: "Print only the main text.")
    var text = false

    @Option(name: .long, help: "Pages stripped at once (default: one per core).")
    var concurrency: Int = RunOptions.defaultConcurrency

    func validate() throws {
        if files.isEmpty && htmlDir == nil { throw ValidationError("give HTML files or --html-dir") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read once") }
        if jsonl && text { throw ValidationError("--jsonl and --text exclude each other") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
    }

    struct Line: Encodable {
        var id: String
        var title: String?
        var text: String
        var error: String?
    }

    func run() async throws {
        // Files named on the command line are read whatever they are (a pipe from `<(curl …)` too); a
        // directory's entries only when they are regular files.
        var paths = files.map { (path: $0, fromDirectory: false) }
        if let htmlDir {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: htmlDir) else {
                Diagnostics.error("cannot read directory \(htmlDir)")
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
            paths += names.filter { ["html", "htm"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
                .map { (path: htmlDir + "/" + $0, fromDirectory: true) }
        }
        let strip = HTMLStrip()
        let output = FileHandle.standardOutput
        let textOnly = text
        var failures = 0
        var buffer: [UInt8] = []
        try await withThrowingTaskGroup(of: (Int, Line).self) { group in
            var next = 0
            var emitted = 0
            var finished: [Int: Line] = [:]
            func start(_ index: Int) {
                let path = paths[index]
                group.addTask { (index, Self.strip(path.path, fromDirectory: path.fromDirectory, with: strip)) }
            }
            while next < min(concurrency, paths.count) {
                start(next)
                next += 1
            }
            while let (index, line) = try await group.next() {
                finished[index] = line
                while let ready = finished.removeValue(forKey: emitted) {
                    if let error = ready.error {
                        failures += 1
                        Diagnostics.write("ingest strip: \(paths[emitted].path): \(error)")
                    }
                    if textOnly {
                        buffer.append(contentsOf: ready.text.utf8)
                        buffer.append(0x0A)
                    } else {
                        buffer.append(contentsOf: try RecordJSON.encode(ready))
                        buffer.append(0x0A)
                    }
                    emitted += 1
                }
                if buffer.count >= 1 << 16 {
                    output.write(Data(buffer))
                    buffer.removeAll(keepingCapacity: true)
                }
                if next < paths.count {
                    start(next)
                    next += 1
                }
            }
        }
        output.write(Data(buffer))
        if failures > 0 { throw ExitCode(ExitStatus.dataError.rawValue) }
    }

    private static func strip(_ path: String, fromDirectory: Bool, with strip: HTMLStrip) -> Line {
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        // A FIFO in a directory may have no writer and would wait for ever; `ingest run`'s walks never open one.
        var status = stat()
        if fromDirectory, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFIFO {
            return Line(id: id, title: nil, text: "", error: "not a regular file (a FIFO), not read: \(path)")
        }
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle, let data = try? handle.readToEnd() ?? Data() else {
            return Line(id: id, title: nil, text: "", error: "cannot read \(path)")
        }
        do {
            let page = try strip.strip([UInt8](data), url: "file:" + (path as NSString).lastPathComponent)
            return Line(id: id, title: page.title, text: page.text, error: nil)
        } catch {
            return Line(id: id, title: nil, text: "", error: error.description)
        }
    }
}
