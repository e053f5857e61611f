import Foundation
@testable import ingest
import IngestTestSupport
import Testing

@Suite(.serialized) struct CLITests {
    let pages = FixturePaths.pages.path

    @Test("run writes every fixture to SQLite and JSONL and prints a summary that adds up")
    func runFixtures() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let result = try await IngestProcess.run([
            "run", "--input", pages, "--sqlite", directory.appendingPathComponent("db.sqlite").path, "--output",
            directory.appendingPathComponent("pages.jsonl").path, "--stats", directory.appendingPathComponent("stats.json").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let count = FixturePaths.pageNames().count
        #expect(result.stderr.contains("inputs \(count) = records \(count - 2) + dead letters 2 + skipped 0"))
        #expect(result.stderr.contains("dead letters strip/empty-input: 1"))
        let lines = try String(contentsOf: directory.appendingPathComponent("pages.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == count - 2)
        let letters = try String(contentsOf: directory.appendingPathComponent("pages.dead-letters.jsonl"), encoding: .utf8)
        #expect(letters.split(separator: "\n").count == 2)
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("stats.json"))) as? [String: Any]
        #expect(stats?["inputs"] as? Int == count)
    }

    @Test("--output - writes records to standard output and nothing else")
    func stdoutIsData() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let result = try await IngestProcess.run(["run", "--input", pages, "--output", "-"], in: directory)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == FixturePaths.pageNames().count - 2)
        #expect(lines.allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") })
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("dead-letters.jsonl").path))
    }

    @Test("paths can come from a list on standard input")
    func inputList() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let list = "\(pages)/seed-000-wix.html\n\(pages)/seed-003-wordpress-pl.html\n"
        let result = try await IngestProcess.run(["run", "--input-list", "-", "--output", "-"], in: directory, stdin: list)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test("a run over the failure ratio exits 65, after writing its outputs")
    func failureRatio() async throws {
        let input = try FixturePaths.temporaryDirectory()
        try FileManager.default.copyItem(atPath: "\(pages)/empty.html", toPath: input.appendingPathComponent("empty.html").path)
        try FileManager.default.copyItem(atPath: "\(pages)/seed-000-wix.html", toPath: input.appendingPathComponent("ok.html").path)
        let output = try FixturePaths.temporaryDirectory()
        let database = output.appendingPathComponent("db.sqlite").path
        let result = try await IngestProcess.run(["run", "--input", input.path, "--sqlite", database])
        #expect(result.status == 65)
        #expect(result.stderr.contains("1 of 2 inputs (50.0%) became dead letters, over the allowed 20.0%"))
        #expect(FileManager.default.fileExists(atPath: database))
        let relaxed = try await IngestProcess.run(["run", "--input", input.path, "--sqlite", database, "--max-failure-ratio", "0.5", "--no-skip-completed"])
        #expect(relaxed.status == 0)
    }

    @Test("usage mistakes exit 64, missing input 66")
    func usageAndMissingInput() async throws {
        #expect(try await IngestProcess.run(["run"]).status == 64)
        let missing = try await IngestProcess.run(["run", "--input", "/nonexistent/pages", "--output", "-"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("input not found: /nonexistent/pages"))
    }

    @Test("validate accepts the shipped pipelines")
    func validateShipped() async throws {
        let result = try await IngestProcess.run(["validate", "Pipelines/events.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ok, pipeline 'events': strip → repair → language → entities"))
    }

    @Test("validate reports the file, line and problem, and exits 78")
    func validateBad() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let file = directory.appendingPathComponent("bad.yaml")
        try Data("name: bad\nstages:\n  - fetch\n  - strip:\n      max_elements: many\n".utf8).write(to: file)
        let result = try await IngestProcess.run(["validate", file.path])
        #expect(result.status == 78)
        #expect(result.stderr.contains("bad.yaml:3:5: error: unknown stage 'fetch'; this build has: strip, repair, language, entities"))
        #expect(result.stderr.contains("bad.yaml:5:21: error: bad value for 'max_elements' of stage 'strip': expected a whole number, got 'many'"))
        let run = try await IngestProcess.run(["run", file.path, "--input", pages, "--output", "-"])
        #expect(run.status == 78)
        #expect(run.stdout.isEmpty)
    }

    @Test("the built-in default pipeline is Pipelines/events.yaml, word for word")
    func defaultPipelineMatchesFile() throws {
        let file = try String(contentsOf: FixturePaths.packageRoot.appendingPathComponent(DefaultPipeline.fileName), encoding: .utf8)
        #expect(DefaultPipeline.yaml == file)
    }

    @Test("strip --html-dir prints one {id, title, text} line per page, in file order")
    func stripDirectory() async throws {
        let result = try await IngestProcess.run(["strip", "--html-dir", pages, "--jsonl", "--concurrency", "2"])
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == FixturePaths.pageNames().count)
        let ids = try lines.map { line in
            try (JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == FixturePaths.pageNames().map { String($0.dropLast(5)) })
        #expect(result.stderr.contains("empty.html: empty-input"))
    }

    @Test("strip --html-dir reports a FIFO under a page's name instead of waiting on it", .timeLimit(.minutes(1)))
    func stripDirectoryWithFIFO() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        try Data("<title>T</title><p>Text of the page.".utf8).write(to: directory.appendingPathComponent("a.html"))
        #expect(mkfifo(directory.path + "/b.html", 0o600) == 0)
        let result = try await IngestProcess.run(["strip", "--html-dir", directory.path, "--jsonl"])
        #expect(result.status == 65)
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.stderr.contains("b.html: not a regular file (a FIFO)"))
    }

    /// `curl … | ingest strip -` and `ingest strip <(curl …)`: a pipe named on the command line is read,
    /// unlike one met in a directory.
    @Test("strip reads a page from standard input and from a pipe named as a file", .timeLimit(.minutes(1)))
    func stripStandardInputAndPipe() async throws {
        let page = "<title>Piped</title><p>Text of a page that came through a pipe, long enough to be kept as text."
        let fromStandardInput = try await IngestProcess.run(["strip", "-", "--jsonl"], stdin: page)
        #expect(fromStandardInput.status == 0, "\(fromStandardInput.stderr)")
        let line = try #require(try JSONSerialization.jsonObject(with: Data(fromStandardInput.stdout.utf8)) as? [String: Any])
        #expect(line["title"] as? String == "Piped")
        #expect((line["text"] as? String)?.hasPrefix("Text of a page that came through a pipe") == true)

        let pipe = try FixturePaths.temporaryDirectory().appendingPathComponent("page").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: pipe)
            try? handle?.write(contentsOf: Data(page.utf8))
            try? handle?.close()
        }
        writer.start()
        let fromPipe = try await IngestProcess.run(["strip", pipe, "--text"])
        #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
        #expect(fromPipe.stdout.hasPrefix("Text of a page that came through a pipe"))

        let twice = try await IngestProcess.run(["strip", "-", "-"], stdin: page)
        #expect(twice.status == 64)
    }

    @Test("bench, which reads its corpus once a pass, refuses standard input")
    func benchRefusesStandardInput() async throws {
        let bench = try await IngestProcess.run(["bench", "--input", "-"], stdin: "<p>page")
        #expect(bench.status == 64)
        #expect(bench.stderr.contains("standard input (-) only once"))
    }

    @Test("extract prints the entities of standard input as JSON, with the page's date for missing years")
    func extract() async throws {
        let result = try await IngestProcess.run(
            ["extract", "--language", "bg", "--published", "2017-11-21"], stdin: "се проведе на 8-9 ноември във Валенсия, Испания")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entities = try #require(object["entities"] as? [[String: Any]])
        let range = try #require(entities.first { $0["type"] as? String == "date_range" })
        #expect(range["text"] as? String == "8-9 ноември")
        #expect((range["normalised"] as? [String: Any])?["start"] as? String == "2017-11-08")
        #expect((range["span"] as? [String: Any])?["start"] as? Int == 14)
    }

    @Test("extract --jsonl answers line by line and refuses lines that are not JSON, exiting 65")
    func extractLines() async throws {
        let input = #"{"id":"a","text":"Wczoraj w Krakowie","published":"2024-01-01"}"# + "\nnot json\n" + #""on 5 May 2020""# + "\n"
        let result = try await IngestProcess.run(["extract", "--jsonl"], stdin: input)
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 2: not a JSON string"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains(#""id":"a""#) && lines[0].contains(#""value":"2023-12-31""#))
        #expect(lines[2].contains(#""value":"2020-05-05""#))
        #expect(try await IngestProcess.run(["extract", "--published", "yesterday"]).status == 64)
    }

    /// Lines are read a chunk at a time: a batch longer than a chunk comes out whole and in order, a blank
    /// line is passed over yet counted, so an error names the line as an editor numbers it, and --bench
    /// still reads every text.
    @Test("extract --jsonl streams a batch longer than its read chunk, numbering lines as written")
    func extractStreams() async throws {
        let line = #""The forum opens on 5 May 2020 in Sofia.""#
        let input = Array(repeating: line, count: 3_000).joined(separator: "\n") + "\n\nnot json\n"
        #expect(input.utf8.count > 1 << 16)
        let result = try await IngestProcess.run(["extract", "--jsonl"], stdin: input)
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 3002: not a JSON string"), "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3_001)
        #expect(lines.prefix(3_000).allSatisfy { $0.contains(#""value":"2020-05-05""#) })
        #expect(lines.last == #"{"entities":[],"warnings":[]}"#)
        let bench = try await IngestProcess.run(["extract", "--jsonl", "--bench", "2"], stdin: input)
        #expect(bench.status == 0)
        #expect(bench.stdout.contains(#""texts":3001"#), "\(bench.stdout)")
    }

    @Test("strip --text prints only the main text")
    func stripText() async throws {
        let result = try await IngestProcess.run(["strip", "--text", "\(pages)/seed-000-wix.html"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("The diversity of industries and experts"))
        #expect(!result.stdout.contains("top of page"))
    }

    @Test("run learns a site's template in a pre-pass, unless the pipeline turns it off")
    func templateLearning() async throws {
        let input = try FixturePaths.temporaryDirectory()
        let repeated = "Partners: Regional Chamber of Commerce, Technical University and the City of Ruse, since 2017."
        for number in 0..<4 {
            let html = """
                <html><head><title>News \(number)</title></head><body><article><h1>News \(number)</h1>
                <p>Story number \(number) tells how the cluster met partners in a city, with many details, and more.</p>
                <p>\(repeated)</p></article></body></html>
                """
            try Data(html.utf8).write(to: input.appendingPathComponent("news-\(number).html"))
        }
        let learned = try await IngestProcess.run(["run", "--input", input.path, "--output", "-"])
        #expect(learned.status == 0)
        #expect(learned.stdout.split(separator: "\n").count == 4)
        #expect(!learned.stdout.contains("Partners: Regional Chamber"))

        let pipeline = input.appendingPathComponent("no-templates.yaml")
        try Data("name: plain\nstages:\n  - strip:\n      learn_templates: false\n".utf8).write(to: pipeline)
        let plain = try await IngestProcess.run(["run", pipeline.path, "--input", input.path, "--output", "-"])
        #expect(plain.status == 0)
        #expect(plain.stdout.components(separatedBy: "Partners: Regional Chamber").count == 5)
    }
}
