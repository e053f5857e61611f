import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IngestCore
import IngestHTML

/// `ingest charset`: the encoding strip would decode each file with.
struct CharsetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charset",
        abstract: "Print the WHATWG label of the encoding each file would be decoded with.",
        discussion: "One file prints the label; several print `path: label`, in order. Unreadable files print `path: error`.")

    @Argument(help: "Files, or - for standard input.")
    var files: [String]

    @Option(name: .long, help: "The page's URL, whose country-code domain is a hint (one file only).")
    var url: String?

    @Flag(name: .long, help: "Also print each candidate encoding's score, best first.")
    var scores = false

    func run() throws {
        // ArgumentParser's property wrappers are slow to read: once each, not once per file.
        try Self.run(Invocation(files: files, url: url, scores: scores))
    }

    /// What one `ingest charset` is asked to do, however its arguments were parsed.
    struct Invocation: Equatable {
        var files: [String]
        var url: String?
        var scores: Bool
    }

    static func run(_ invocation: Invocation) throws {
        try run(count: invocation.files.count, url: invocation.url, scores: invocation.scores) { index, body in
            invocation.files[index].withCString(body)
        }
    }

    /// Runs over paths straight from the C arguments (see ``plainPaths(_:)``): no `String` is made of them.
    static func run(paths: UnsafeBufferPointer<UnsafeMutablePointer<CChar>?>) throws {
        try run(count: paths.count, url: nil, scores: false) { index, body in
            if let path = paths[index] { body(path) }
        }
    }

    /// The loop over the files, whose `count` paths `path` hands over as C strings (a path given as a
    /// `String` is read without a copy).
    private static func run(
        count: Int, url: String?, scores: Bool, path: (Int, (UnsafePointer<CChar>) -> Void) -> Void
    ) throws {
        let sniffer = CharsetSniffer(detector: StatisticalCharsetDetector())
        var output: [UInt8] = []
        output.reserveCapacity(count * 64)
        var bytes: [UInt8] = []
        var failed = false
        for index in 0..<count {
            path(index) { path in
                let name = UnsafeRawBufferPointer(start: path, count: strlen(path))
                guard Self.load(path, into: &bytes) else {
                    output += name
                    Self.append(": error\n", to: &output)
                    failed = true
                    return
                }
                let decision = sniffer.decide(bytes, hint: url)
                if count > 1 {
                    output += name
                    Self.append(": ", to: &output)
                }
                Self.append(decision.used, to: &output)
                output.append(0x0A)
                if scores {
                    for (encoding, score) in StatisticalCharsetDetector().ranking(bytes, hint: url) {
                        Self.append(String(format: "  %@ %.1f\n", encoding, score), to: &output)
                    }
                }
            }
        }
        FileHandle.standardOutput.write(Data(output))
        if failed { throw ExitCode(ExitStatus.noInput.rawValue) }
    }

    /// Appends a string's UTF-8 in one copy (appending its `utf8` view goes byte by byte).
    private static func append(_ string: String, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { output.append(contentsOf: $0) }
    }

    /// Reads a whole file into `bytes`, reusing its storage from the previous file: one `read` for a regular
    /// file, where Foundation's `contents(atPath:)` costs a new buffer, a copy into `Data` and another into
    /// an array per file, which is most of the time a small page takes.
    ///
    /// - Parameter path: a file, or "-" for standard input.
    /// - Returns: false when the file cannot be opened or read (a directory, a missing path).
    static func load(_ path: UnsafePointer<CChar>, into bytes: inout [UInt8]) -> Bool {
        let standardInput = strcmp(path, "-") == 0
        let descriptor = standardInput ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { if !standardInput { close(descriptor) } }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        let regular = status.st_mode & S_IFMT == S_IFREG
        let size = Int(status.st_size)
        // One byte more than the size, so that a file growing meanwhile is read to its end, not cut.
        var room = regular ? size + 1 : 64 << 10
        var count = 0
        bytes.removeAll(keepingCapacity: true)
        while true {
            if bytes.count < room { bytes += repeatElement(0, count: room - bytes.count) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, room - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return false
            }
            count += got
            if got == 0 || (regular && count == size) { break }
            if count == room { room *= 2 }
        }
        bytes.removeLast(bytes.count - count)
        return true
    }
}

extension CharsetCommand {
    /// The options that take a value: the word after them is never a path.
    static let optionsTakingValue: Set<String> = ["--url"]

    /// Reads `ingest charset …` without ArgumentParser when its arguments are only paths, each option at
    /// most once with a plain value, and `--` before paths that start with a dash: the way scripts call it,
    /// once per file or over thousands. Everything else (`--help`, `--opt=value`, an unknown or repeated
    /// option, a missing value or path) is left to ArgumentParser, which reports it as for any command.
    ///
    /// ArgumentParser's parse costs a short run more than detecting a page's encoding: on a one-file run it
    /// was about a quarter of the CPU time, most of it reflection to look for a completion-script request
    /// and to read the command's property wrappers, and every one of those lookups scans all the
    /// executable's protocol conformances. Whatever this accepts, ArgumentParser parses to the same values.
    ///
    /// - Returns: `nil` when ArgumentParser must read the arguments.
    static func plainInvocation(_ arguments: [String]) -> Invocation? {
        guard arguments.first == configuration.commandName else { return nil }
        var invocation = Invocation(files: [], url: nil, scores: false)
        invocation.files.reserveCapacity(arguments.count - 1)
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                invocation.files += arguments[index...]
                break
            }
            guard argument.hasPrefix("-") else {
                invocation.files.append(argument)
                continue
            }
            switch argument {
            case "--scores" where !invocation.scores:
                invocation.scores = true
            case "--url" where invocation.url == nil && index < arguments.count && !arguments[index].hasPrefix("-"):
                invocation.url = arguments[index]
                index += 1
            default:
                return nil
            }
        }
        return invocation.files.isEmpty ? nil : invocation
    }

    /// The paths of `ingest charset PATH…` read straight from the C arguments (`arguments` starting at
    /// the command's name) when every one is a plain ASCII word, which ``plainInvocation(_:)`` would take
    /// for exactly these paths: the way scripts call it over thousands of files. Making a `String` of each
    /// path, and a C string of it again to open it, was a tenth of the time ``run(_:)`` spent on 990 small
    /// files outside detection. Anything else (an option, `--`, a byte beyond ASCII, whose `String` would
    /// read it with a replacement character) returns nil and goes the way of every other command line.
    static func plainPaths(_ arguments: UnsafeBufferPointer<UnsafeMutablePointer<CChar>?>)
        -> UnsafeBufferPointer<UnsafeMutablePointer<CChar>?>?
    {
        guard arguments.count > 1, let command = arguments[0], strcmp(command, "charset") == 0 else { return nil }
        let paths = UnsafeBufferPointer(rebasing: arguments[1...])
        for path in paths {
            guard let path, path[0] != CChar(UInt8(ascii: "-")) else { return nil }
            var index = 0
            while path[index] != 0 {
                if path[index] < 0 { return nil }
                index += 1
            }
        }
        return paths
    }

    /// Splits `ingest charset …` so that ArgumentParser sees the options and only the first path; the other
    /// paths are added to ``files`` once it has parsed the rest.
    ///
    /// ArgumentParser stores each positional value by copying the values and input positions stored before
    /// it, so n paths cost n²: `ingest charset *.html` over 3,960 files spent 0.5 s of its 0.6 s of CPU in
    /// the parser. The paths held back are plain words, exactly the ones it would have put in `files`, in
    /// their order; options and the first path still go through it, so `--help`, unknown options and a
    /// missing path are reported, and exit, as for any other command.
    ///
    /// - Returns: `nil` when the arguments are not for `ingest charset`.
    static func splitPaths(_ arguments: [String]) -> (parsed: [String], laterPaths: [String])? {
        guard arguments.first == configuration.commandName else { return nil }
        var parsed = [arguments[0]]
        var laterPaths: [String] = []
        var hasPath = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                // Everything after the terminator is a path, even when it starts with a dash.
                let rest = arguments[index...]
                if hasPath {
                    laterPaths += rest
                } else if let first = rest.first {
                    parsed += ["--", first]
                    laterPaths += rest.dropFirst()
                }
                break
            }
            if argument.hasPrefix("-"), argument != "-" {
                parsed.append(argument)
                if optionsTakingValue.contains(argument), index < arguments.count {
                    parsed.append(arguments[index])
                    index += 1
                }
            } else if hasPath {
                laterPaths.append(argument)
            } else {
                parsed.append(argument)
                hasPath = true
            }
        }
        return (parsed, laterPaths)
    }
}
