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
