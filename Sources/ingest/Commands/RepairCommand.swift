import ArgumentParser
import Foundation
import IngestCore
import IngestText

/// `ingest repair`: the repair stage alone, on text.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Undo mojibake in text read from standard input.",
        discussion: """
            Without --jsonl the whole input is one text and the repaired text is printed. With --jsonl each line \
            is a JSON string, and each output line is {"text": …, "repairs": [{"chain", "spans"}…]}, in order.
            """)

    @Flag(name: .long, help: "One JSON string per line in, one JSON object per line out.")
    var jsonl = false

    @Flag(name: .long, help: "Also clean up Unicode, as the pipeline's repair stage does (NFC, controls, look-alikes…).")
    var cleanup = false

    func run() throws {
        try Self.run(jsonl: jsonl, cleanup: cleanup)
    }

    /// The flags of `ingest repair` when the command line holds nothing but them, each at most once
    /// (`repair`, `repair --jsonl`, `repair --jsonl --cleanup`…), so the command runs without ArgumentParser:
    /// parsing takes a few milliseconds of type-metadata look-ups at every start-up, a share of a batch run
    /// over a small set. Anything else (help, `--version`, a flag twice, an unknown option) returns nil and
    /// is parsed as every other command line is.
    static func plainInvocation(_ arguments: [String]) -> (jsonl: Bool, cleanup: Bool)? {
        guard arguments.first == configuration.commandName, arguments.count <= 3 else { return nil }
        var flags = (jsonl: false, cleanup: false)
        for argument in arguments.dropFirst() {
            switch argument {
            case "--jsonl" where !flags.jsonl: flags.jsonl = true
            case "--cleanup" where !flags.cleanup: flags.cleanup = true
            default: return nil
            }
        }
        return flags
    }

    static func run(jsonl: Bool, cleanup: Bool) throws {
        let repairer = MojibakeRepairer()
        let unicode = cleanup ? UnicodeCleanup() : nil
        func repair(_ text: String) -> (text: String, repairs: [EncodingRepair]) {
            let result = repairer.repair(text)
            guard let unicode else { return (result.text, result.repairs) }
            let cleaned = unicode.clean(result.text)
            return (cleaned.text, result.repairs + cleaned.repairs)
        }
        guard jsonl else {
            FileHandle.standardOutput.write(Data(repair(try StandardInputText.read()).text.utf8))
            return
        }
        var streams = LineStreams(skipsEmptyLines: true)
        // Each line's text is decoded into the front of the same bytes, and repaired with the same scratch
        // space.
        var decoded: [UInt8] = []
        var workspace = MojibakeRepairer.Workspace()
        var failed = 0
        try streams.forEachLine { line, streams in
            guard let length = JSONString.decode(line, intoPrefixOf: &decoded) else {
                failed += 1
                streams.output.append(contentsOf: #"{"error":"not a JSON string","repairs":[],"text":""}"#.utf8)
                streams.output.append(0x0A)
                return
            }
            decoded.withUnsafeBufferPointer { decoded in
                let text = UnsafeBufferPointer(rebasing: decoded[0..<length])
                guard let unicode else {
                    // The repaired text is written from its scalars and a text nothing changed from its
                    // bytes: no string is made for either.
                    repairer.repair(utf8: text, in: &workspace) { repairs, repaired in
                        Self.append(repairs, to: &streams.output)
                        if let repaired {
                            JSONStringLiteral.append(scalars: repaired, to: &streams.output)
                        } else {
                            JSONStringLiteral.append(utf8: text, to: &streams.output)
                        }
                    }
                    return
                }
                let repaired = repairer.repair(utf8: text, in: &workspace)
                let cleaned = unicode.clean(repaired?.text ?? String(decoding: text, as: UTF8.self))
                Self.append((repaired?.repairs ?? []) + cleaned.repairs, to: &streams.output)
                JSONStringLiteral.append(cleaned.text, to: &streams.output)
            }
            streams.output.append(contentsOf: [0x7D, 0x0A])
            try streams.flushIfFull()
        }
        try streams.flush()
        if failed > 0 {
            Diagnostics.error("\(failed) input lines were not JSON strings")
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }

    /// Opens an output line with its repairs, up to the text's key: `{"repairs":[…],"text":`. Written as
    /// bytes (``OutputBytes``): a string literal's `utf8` appended byte by byte and the interpolated span
    /// count were a tenth of the instructions of a run over single misread words.
    private static func append(_ repairs: [EncodingRepair], to output: inout [UInt8]) {
        OutputBytes.put(#"{"repairs":["#, into: &output)
        for (position, repair) in repairs.enumerated() {
            if position > 0 { output.append(0x2C) }
            OutputBytes.put(#"{"chain":"#, into: &output)
            JSONStringLiteral.append(repair.chain, to: &output)
            OutputBytes.put(#","spans":"#, into: &output)
            OutputBytes.putInteger(repair.spans, into: &output)
            output.append(0x7D)
        }
        OutputBytes.put(#"],"text":"#, into: &output)
    }
}
