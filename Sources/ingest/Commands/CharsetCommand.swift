import ArgumentParser
import Foundation
import IngestCore
import IngestHTML

/// `ingest charset`: the encoding strip would decode each file with.
struct CharsetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charset",
        abstract: "Print the WHATWG label of the encoding each file would be decoded with.",
        discussion: "One file prints the label; several print `path: label`, in order. Unreadable files print `path: error`.")

    @Argument(help: "Files.")
    var files: [String]

    @Option(name: .long, help: "The page's URL, whose country-code domain is a hint (one file only).")
    var url: String?

    @Flag(name: .long, help: "Also print each candidate encoding's score, best first.")
    var scores = false

    func run() throws {
        let sniffer = CharsetSniffer(detector: StatisticalCharsetDetector())
        var output = ""
        var failed = false
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                output += "\(path): error\n"
                failed = true
                continue
            }
            let decision = sniffer.decide([UInt8](data), hint: url)
            output += files.count == 1 ? "\(decision.used)\n" : "\(path): \(decision.used)\n"
            if scores {
                for (encoding, score) in StatisticalCharsetDetector().ranking([UInt8](data), hint: url) {
                    output += String(format: "  %@ %.1f\n", encoding, score)
                }
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if failed { throw ExitCode(ExitStatus.noInput.rawValue) }
    }
}

extension CharsetCommand {
    /// The options that take a value: the word after them is never a path.
    static let optionsTakingValue: Set<String> = ["--url"]

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
