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
        let repairer = MojibakeRepairer()
        let unicode = cleanup ? UnicodeCleanup() : nil
        func repair(_ text: String) -> (text: String, repairs: [EncodingRepair]) {
            let result = repairer.repair(text)
            guard let unicode else { return (result.text, result.repairs) }
            let cleaned = unicode.clean(result.text)
            return (cleaned.text, result.repairs + cleaned.repairs)
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard jsonl else {
            FileHandle.standardOutput.write(Data(repair(String(decoding: input, as: UTF8.self)).text.utf8))
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 4)
        var failed = 0
        input.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart else { continue }
                guard let text = JSONString.decode(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) else {
                    failed += 1
                    output.append(contentsOf: #"{"error":"not a JSON string","repairs":[],"text":""}"#.utf8)
                    output.append(0x0A)
                    continue
                }
                let result = repair(text)
                output.append(contentsOf: #"{"repairs":["#.utf8)
                for (position, repair) in result.repairs.enumerated() {
                    if position > 0 { output.append(0x2C) }
                    output.append(contentsOf: #"{"chain":"#.utf8)
                    JSONString.append(repair.chain, to: &output)
                    output.append(contentsOf: #","spans":\#(repair.spans)}"#.utf8)
                }
                output.append(contentsOf: #"],"text":"#.utf8)
                JSONString.append(result.text, to: &output)
                output.append(contentsOf: [0x7D, 0x0A])
            }
        }
        FileHandle.standardOutput.write(Data(output))
        if failed > 0 {
            Diagnostics.error("\(failed) input lines were not JSON strings")
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }
}
