import ArgumentParser
import Foundation
import IngestCore
import IngestEntities

/// `ingest extract`: the entities stage alone, on text.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find dates, places, organisations, people and quantities in text from standard input.",
        discussion: """
            Without --jsonl the whole input is one text, and one JSON object {"entities": […], "warnings": […]} is \
            printed. With --jsonl each line is a JSON string or an object with "text" (and optionally "language", \
            "published", "id"), as `ingest strip --jsonl` prints them; each output line is {"id", "entities", \
            "warnings"}, in order. --bench N recognises the whole input N times and reports text MB/s on one core \
            on standard error instead of printing entities.
            """)

    @Option(name: .long, help: "ISO 639-1 code of the text (bg, pl, uk, en); without it all four languages' patterns apply.")
    var language: String?

    @Option(name: .long, help: "The page's own date (ISO 8601), for years the text leaves out and for \"yesterday\".")
    var published: String?

    @Flag(name: .long, help: "One JSON string or object per line in, one JSON object per line out.")
    var jsonl = false

    @Option(name: .long, help: "Recognise the input this many times and report throughput instead of entities.")
    var bench: Int?

    struct Line: Decodable {
        var id: String?
        var text: String
        var language: String?
        var published: String?
    }

    struct Output: Encodable {
        var id: String?
        var entities: [Entity]
        var warnings: [StageWarning]
    }

    struct BenchReport: Encodable {
        var texts: Int
        var bytes: Int
        var repeats: Int
        var entities: Int
        var seconds: Double
        var megabytesPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case texts, bytes, repeats, entities, seconds
            case megabytesPerSecond = "mb_per_s"
        }
    }

    func validate() throws {
        if let published, PartialDate(iso: published) == nil {
            throw ValidationError("--published must be an ISO 8601 date such as 2023-11-28, got '\(published)'")
        }
        if let bench, bench < 1 { throw ValidationError("--bench needs a positive number of repeats") }
    }

    func run() throws {
        let recogniser = EntityRecogniser()
        guard jsonl else {
            let line = Line(text: try StandardInputText.read())
            if let bench { return try benchmark([line], repeats: bench, with: recogniser) }
            let result = recognise(line, with: recogniser)
            FileHandle.standardOutput.write(Data(try RecordJSON.encode(Output(id: nil, entities: result.entities, warnings: result.warnings)) + [0x0A]))
            return
        }
        // Lines are read and answered a chunk at a time, so a batch of any length runs in bounded memory;
        // only --bench, which reads its input again and again, holds all of it.
        var streams = LineStreams(skipsEmptyLines: false)
        var benchLines: [Line] = []
        var failed = 0
        var number = 0
        let decoder = JSONDecoder()
        try streams.forEachLine { raw, streams in
            number += 1
            guard !raw.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { return }
            let line: Line
            if let parsed = try? decoder.decode(Line.self, from: Data(raw)) {
                line = parsed
            } else if let text = try? decoder.decode(String.self, from: Data(raw)) {
                line = Line(text: text)
            } else {
                failed += 1
                Diagnostics.error("line \(number): not a JSON string or an object with \"text\"")
                line = Line(id: nil, text: "")
            }
            if bench != nil {
                benchLines.append(line)
                return
            }
            let result = recognise(line, with: recogniser)
            streams.output += try RecordJSON.encode(Output(id: line.id, entities: result.entities, warnings: result.warnings))
            streams.output.append(0x0A)
            try streams.flushIfFull()
        }
        if let bench { return try benchmark(benchLines, repeats: bench, with: recogniser) }
        try streams.flush()
        if failed > 0 {
            Diagnostics.error("\(failed) input lines were not JSON strings or objects with \"text\"")
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }

    /// A line's entities, in its own language and with its own date where it gives them.
    func recognise(_ line: Line, with recogniser: EntityRecogniser) -> EntityRecognition {
        recogniser.recognise(line.text, language: line.language ?? language, published: line.published ?? published)
    }

    /// `--bench`: recognises the texts `repeats` times and reports text MB/s on one core.
    func benchmark(_ lines: [Line], repeats: Int, with recogniser: EntityRecogniser) throws {
        let bytes = lines.reduce(0) { $0 + $1.text.utf8.count }
        var entities = 0
        let clock = ContinuousClock()
        // The tables (gazetteer, CLDR names, spelled-out numbers) are built once per process, not per text.
        let startup = clock.measure { _ = recogniser.recognise("1 May 2020, Warszawa", language: "pl") }
        Diagnostics.write("tables built in \(startup)")
        let elapsed = clock.measure {
            for _ in 0..<repeats {
                for line in lines { entities += recognise(line, with: recogniser).entities.count }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let report = BenchReport(
            texts: lines.count, bytes: bytes, repeats: repeats, entities: entities / repeats, seconds: seconds,
            megabytesPerSecond: Double(bytes * repeats) / 1e6 / seconds)
        Diagnostics.write(
            String(format: "%d texts, %.2f MB × %d: %.2f s, %.1f MB/s of text on one core", report.texts, Double(bytes) / 1e6, repeats, seconds,
                   report.megabytesPerSecond))
        FileHandle.standardOutput.write(Data(try RecordJSON.encode(report) + [0x0A]))
    }
}
