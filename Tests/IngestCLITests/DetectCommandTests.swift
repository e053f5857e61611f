import ArgumentParser
import Foundation
import IngestTestSupport
@testable import ingest
import Testing

@Suite struct DetectCommandTests {
    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("detect reads the whole input as one text", arguments: [
        ("Делегація взяла участь у міжнародному форумі.", "uk"),
        ("Клъстерът организира среща в Пловдив.", "bg"),
        ("Spotkanie odbędzie się w przyszły czwartek.", "pl"),
        ("The workshop brought together researchers.", "en"),
    ])
    func wholeInput(_ text: String, _ code: String) async throws {
        let result = try await IngestProcess.run(["detect"], stdin: text + "\n")
        #expect(result.status == 0)
        let answer = try #require(try Self.objects(result.stdout).first)
        #expect(answer["language"] as? String == code)
        let candidates = try #require(answer["candidates"] as? [[String: Any]])
        #expect(candidates.count == 10)
        #expect(candidates.first?["language"] as? String == code)
    }

    @Test("detect --jsonl answers each line in order; JSON strings and plain lines are both texts")
    func jsonl() async throws {
        let input = #""Това е книгата, която ти дадох вчера.""# + "\n" + "Gdzie jest najbliższy przystanek?\n"
            + #""Це книжка, яку я дав тобі \"вчора\".""# + "\n" + "\n"
        let result = try await IngestProcess.run(["detect", "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let answers = try Self.objects(result.stdout)
        #expect(answers.map { $0["language"] as? String } == ["bg", "pl", "uk", "und"])
        let keys = try #require(result.stdout.split(separator: "\n").first)
        #expect(keys.hasPrefix(#"{"candidates":[{"language":"bg","score":"#))
    }

    /// Standard input is read in 64 KiB chunks, so a batch of any length is answered in bounded memory: lines
    /// that cross a chunk's end, a line longer than a chunk, a last line without a line feed and empty lines
    /// all get their answer, in order, one per line.
    @Test("detect --jsonl streams its input: many lines, a line longer than a chunk and a last line without a line feed")
    func jsonlStreams() async throws {
        let sentences = ["Gdzie jest najbliższy przystanek?", "Това е книгата, която ти дадох вчера.", "", "The workshop starts at nine."]
        let expected = ["pl", "bg", "und", "en"]
        var lines: [String] = []
        var languages: [String] = []
        for index in 0..<12_000 {
            lines.append(sentences[index % sentences.count])
            languages.append(expected[index % expected.count])
        }
        let long = Array(repeating: "Spotkanie odbędzie się w przyszły czwartek w Krakowie.", count: 3_000).joined(separator: " ")
        lines.insert(long, at: 5_001)
        languages.insert("pl", at: 5_001)
        lines.append("Делегація взяла участь у міжнародному форумі.")
        languages.append("uk")
        let input = lines.joined(separator: "\n")
        #expect(input.utf8.count > 8 << 16)
        let result = try await IngestProcess.run(["detect", "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let answers = try Self.objects(result.stdout)
        #expect(answers.count == lines.count)
        #expect(answers.map { $0["language"] as? String ?? "" } == languages)
    }

    @Test("detect --jsonl answers an input of one empty line once, and an empty input not at all", arguments: [("\n", 1), ("", 0)])
    func jsonlEmptyLines(_ input: String, _ count: Int) async throws {
        let result = try await IngestProcess.run(["detect", "--jsonl"], stdin: input)
        #expect(result.status == 0)
        let answers = try Self.objects(result.stdout)
        #expect(answers.count == count)
        #expect(answers.allSatisfy { $0["language"] as? String == "und" })
    }

    @Test("--candidates restricts the answer")
    func candidates() async throws {
        let result = try await IngestProcess.run(
            ["detect", "--jsonl", "--candidates", "bg,uk"], stdin: "Правительство объявило о новых мерах.\n")
        #expect(result.status == 0)
        let answer = try #require(try Self.objects(result.stdout).first)
        let candidates = try #require(answer["candidates"] as? [[String: Any]])
        #expect(Set(candidates.compactMap { $0["language"] as? String }) == ["bg", "uk"])
    }

    @Test("--weights changes how evidence is weighed: a higher temperature makes the same answer less sure")
    func weights() async throws {
        let text = "Spotkanie odbędzie się w przyszły czwartek.\n"
        let plain = try await IngestProcess.run(["detect", "--jsonl"], stdin: text)
        let softened = try await IngestProcess.run(["detect", "--jsonl", "--weights", "temperature=30, decisive-margin=none"], stdin: text)
        #expect(plain.status == 0 && softened.status == 0, "\(softened.stderr)")
        let before = try #require(try Self.objects(plain.stdout).first)
        let after = try #require(try Self.objects(softened.stdout).first)
        #expect(before["language"] as? String == "pl")
        #expect(after["language"] as? String == "pl")
        let sure = try #require(before["confidence"] as? Double)
        let unsure = try #require(after["confidence"] as? Double)
        #expect(unsure < sure)
    }

    @Test("a long text in none of the candidates is und with confidence 0; foreign-text-cost none or 0 gives the nearest", arguments: [
        "none", "0",
    ])
    func foreignText(_ off: String) async throws {
        let text = "Die Stadtverwaltung lädt alle Bürgerinnen und Bürger herzlich zum Frühlingsfest auf dem Marktplatz ein. "
            + "Neben Musik und Tanz gibt es zahlreiche Stände mit regionalen Spezialitäten für Groß und Klein.\n"
        let plain = try await IngestProcess.run(["detect", "--jsonl"], stdin: text)
        let nearest = try await IngestProcess.run(["detect", "--jsonl", "--weights", "foreign-text-cost=\(off)"], stdin: text)
        #expect(plain.status == 0 && nearest.status == 0, "\(nearest.stderr)")
        let und = try #require(try Self.objects(plain.stdout).first)
        #expect(und["language"] as? String == "und")
        #expect(und["confidence"] as? Double == 0)
        #expect((und["candidates"] as? [[String: Any]])?.count == 10)
        let answer = try #require(try Self.objects(nearest.stdout).first)
        #expect(answer["language"] as? String != "und")
    }

    @Test("--weights with an unknown name or a bad value is refused with exit 64", arguments: [
        ("colour=1", "unknown weight 'colour'"), ("words=-1", "words needs a number of at least 0"),
        ("temperature=0", "temperature must be above 0"), ("words", "'words' is not name=value"),
    ])
    func badWeights(_ spec: String, _ message: String) async throws {
        let result = try await IngestProcess.run(["detect", "--weights", spec], stdin: "Dzień dobry\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("--weights own-language-prior moves a word both languages use towards the pipeline's own language, and --decoys '' turns it off")
    func ownLanguagePrior() async throws {
        let word = "je\n"
        let even = try await IngestProcess.run(["detect", "--jsonl", "--candidates", "pl,cs"], stdin: word)
        let prior = ["detect", "--jsonl", "--candidates", "pl,cs", "--decoys", "cs", "--weights", "own-language-prior=3"]
        let favoured = try await IngestProcess.run(prior, stdin: word)
        let noDecoys = try await IngestProcess.run(prior.map { $0 == "cs" ? "" : $0 }, stdin: word)
        #expect(even.status == 0 && favoured.status == 0 && noDecoys.status == 0, "\(favoured.stderr)\(noDecoys.stderr)")
        func polishScore(_ stdout: String) throws -> Double {
            let answer = try #require(try Self.objects(stdout).first)
            let candidates = try #require(answer["candidates"] as? [[String: Any]])
            return try #require(candidates.first { $0["language"] as? String == "pl" }?["score"] as? Double)
        }
        let evenScore = try polishScore(even.stdout)
        #expect(try polishScore(favoured.stdout) > evenScore)
        #expect(try polishScore(noDecoys.stdout) == evenScore)
    }

    @Test("--weights script-share=0 gives Serbian, written in two scripts, its whole prior back in either")
    func scriptShare() async throws {
        let input = "ma\nсам\n"
        let arguments = ["detect", "--jsonl", "--candidates", "pl,sr,bg"]
        let shared = try await IngestProcess.run(arguments, stdin: input)
        let whole = try await IngestProcess.run(arguments + ["--weights", "script-share=0"], stdin: input)
        #expect(shared.status == 0 && whole.status == 0, "\(shared.stderr)\(whole.stderr)")
        func serbianOdds(_ stdout: String) throws -> [Double] {
            try Self.objects(stdout).map { answer in
                let candidates = try #require(answer["candidates"] as? [[String: Any]])
                func score(_ code: String) throws -> Double {
                    try #require(candidates.first { $0["language"] as? String == code }?["score"] as? Double)
                }
                return log(try score("sr")) - log(try score(answer["script"] as? String == "Latn" ? "pl" : "bg"))
            }
        }
        let moved = zip(try serbianOdds(whole.stdout), try serbianOdds(shared.stdout)).map { $0 - $1 }
        #expect(moved.count == 2)
        // Scores are printed to four places, so the odds move by ln 2 only to about that.
        for step in moved { #expect(abs(step - log(2)) < 0.01, "\(moved)") }
    }

    @Test("--decoys naming a language the model lacks, or --weights whole-word-letters or script-share out of its range, is refused with exit 64", arguments: [
        (["detect", "--decoys", "ru,de"], "no decoy 'de'"),
        (["detect", "--weights", "whole-word-letters=2.5"], "whole-word-letters needs a whole number up to 64"),
        (["detect", "--weights", "whole-word-letters=65"], "whole-word-letters needs a whole number up to 64"),
        (["detect", "--weights", "own-language-prior=-1"], "own-language-prior needs a number of at least 0"),
        (["detect", "--weights", "script-share=0.5"], "script-share is 1"),
    ])
    func badDecoysAndWeights(_ arguments: [String], _ message: String) async throws {
        let result = try await IngestProcess.run(arguments, stdin: "Dzień dobry\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a JSON object or array line gets an error answer in place and exit 65", arguments: [
        #"{"text": "Добър ден"}"#, "[1, 2]",
    ])
    func malformedLine(_ line: String) async throws {
        let result = try await IngestProcess.run(["detect", "--jsonl"], stdin: "Dzień dobry wszystkim\n" + line + "\nGood morning everyone\n")
        #expect(result.status == 65)
        let answers = try Self.objects(result.stdout)
        #expect(answers.count == 3)
        #expect(answers.map { $0["language"] as? String } == ["pl", "und", "en"])
        #expect((answers[1]["error"] as? String)?.hasPrefix("line 2: a JSON ") == true)
        #expect(result.stderr.contains("1 input lines were not text (line 2)"))
    }

    /// Plain text lines are words and numbers, and some of them are JSON too: a run over single words
    /// must not fail on the English word "true" or the year "2007".
    @Test("a plain line that happens to be a JSON number or literal is text, answered like any other line")
    func literalsAreText() async throws {
        let lines = ["Dzień dobry wszystkim", "null", "true", "false", "2007", "-1.5", "Good morning everyone"]
        let result = try await IngestProcess.run(["detect", "--jsonl"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let answers = try Self.objects(result.stdout)
        #expect(answers.count == lines.count)
        #expect(answers.allSatisfy { $0["error"] == nil })
        #expect(answers.first?["language"] as? String == "pl")
        #expect(answers.last?["language"] as? String == "en")
        // A number has no letters, so it is und, as "2007" as a JSON string is.
        #expect(answers[4]["language"] as? String == "und")
        let plainTrue = try await IngestProcess.run(["detect", "--jsonl"], stdin: "true\n")
        let quotedTrue = try await IngestProcess.run(["detect", "--jsonl"], stdin: "\"true\"\n")
        #expect(plainTrue.stdout == quotedTrue.stdout)
    }

    @Test("an unknown candidate or a bad threshold is a usage error", arguments: [
        ["detect", "--candidates", "bg,de"], ["detect", "--min-confidence", "2"],
    ])
    func usage(_ arguments: [String]) async throws {
        let result = try await IngestProcess.run(arguments, stdin: "text\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains("rror"))
    }

    /// A model that is missing or is not a model is an input that cannot be read (exit 66, as for `strip`'s
    /// missing directory), said in one line with no usage text after it.
    @Test("a model file that is missing or damaged is reported with exit 66", arguments: ["missing", "damaged"])
    func unreadableModel(_ kind: String) async throws {
        var path = "/nonexistent/model.bin"
        if kind == "damaged" {
            let directory = try FixturePaths.temporaryDirectory()
            path = directory.appendingPathComponent("model.bin").path
            try Data("INGLANG5 but not a model".utf8).write(to: URL(fileURLWithPath: path))
        }
        let result = try await IngestProcess.run(["detect", "--jsonl", "--model", path], stdin: "text\n")
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("cannot read the language model \(path)"), "\(result.stderr)")
        #expect(!result.stderr.contains("Usage"), "\(result.stderr)")
    }

    @Test("flags read without ArgumentParser come out as ArgumentParser reads them", arguments: [["detect"], ["detect", "--jsonl"]])
    func plainInvocation(_ arguments: [String]) throws {
        let plain = try #require(DetectCommand.plainInvocation(arguments))
        let parsed = try #require(try Ingest.parseAsRoot(arguments) as? DetectCommand)
        #expect(
            plain
                == DetectCommand.Invocation(
                    jsonl: parsed.jsonl, candidates: parsed.candidates, decoys: parsed.decoys, minConfidence: parsed.minConfidence,
                    model: parsed.model, weights: parsed.weights))
    }

    @Test("anything but the plain flag, once, is left to ArgumentParser", arguments: [
        [], ["repair", "--jsonl"], ["detect", "--jsonl", "--jsonl"], ["detect", "--help"], ["detect", "-h"], ["detect", "--version"],
        ["detect", "--jsonl", "x"], ["detect", "--json"], ["detect", "--jsonl=true"], ["detect", "help"],
        ["detect", "--jsonl", "--candidates", "bg,pl"], ["detect", "--min-confidence", "0"], ["detect", "--weights", "words=1"],
    ])
    func leftToArgumentParser(_ arguments: [String]) {
        #expect(DetectCommand.plainInvocation(arguments) == nil)
    }

    /// The plain path must fail as the parsed one does: a line that is not text ends the run with the
    /// data error status, after every other line was answered.
    @Test("the plain command line and the parsed one answer alike, errors included")
    func plainAndParsedAlike() async throws {
        let input = "Gdzie jest najbliższy przystanek?\n{\"a\": 1}\nThe workshop brought together researchers.\n"
        let plain = try await IngestProcess.run(["detect", "--jsonl"], stdin: input)
        // An option at its default value sends the same command line through ArgumentParser.
        let parsed = try await IngestProcess.run(["detect", "--jsonl", "--min-confidence", "0.5"], stdin: input)
        #expect(plain.status == 65)
        #expect(parsed.status == plain.status)
        #expect(parsed.stdout == plain.stdout)
        #expect(parsed.stderr == plain.stderr)
        #expect(plain.stdout.split(separator: "\n").count == 3)
    }
}
