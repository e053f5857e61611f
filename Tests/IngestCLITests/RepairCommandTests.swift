import ArgumentParser
import Foundation
@testable import ingest
import Testing

/// `ingest repair --jsonl` end to end: JSON strings in, one object per line out, in order, escapes
/// decoded and written back, and lines that are not JSON strings reported.
@Suite struct RepairCommandTests {
    static func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("each JSON string line gets its repair, escapes and all")
    func jsonLines() async throws {
        let input = [
            #""\u00d0\u0161\u00d0\u00bb\u00d1\u0160\u00d1\u0081\u00d1\u201a\u00d0\u00b5\u00d1\u20ac""#,
            #""plain \"quoted\" text\twith a tab""#,
            #""Hi guys \ud83d\ude0d""#,
        ].joined(separator: "\n") + "\n"
        let result = try await IngestProcess.run(["repair", "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let answers = try Self.objects(result.stdout)
        #expect(answers.map { $0["text"] as? String } == ["Клъстер", "plain \"quoted\" text\twith a tab", "Hi guys 😍"])
        let repairs = try #require(answers.first?["repairs"] as? [[String: Any]])
        #expect(repairs.first?["chain"] as? String == "utf-8 read as windows-1252")
        #expect((answers[1]["repairs"] as? [Any])?.isEmpty == true)
    }

    @Test("a line that is not a JSON string is reported, and the others still come out in order")
    func badLine() async throws {
        let result = try await IngestProcess.run(["repair", "--jsonl"], stdin: "\"ok\"\nnot json\n\"\\u00c3\\u00a9t\\u00c3\\u00a9\"\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("1 input lines were not JSON strings"))
        let answers = try Self.objects(result.stdout)
        #expect(answers.count == 3)
        #expect(answers[1]["error"] as? String == "not a JSON string")
        #expect(answers[2]["text"] as? String == "été")
    }

    @Test("lines beyond the read and write chunks come out whole and in order, as each line alone would")
    func manyLines() async throws {
        let lines = [
            #""\u00d0\u0161\u00d0\u00bb\u00d1\u0160\u00d1\u0081\u00d1\u201a\u00d0\u00b5\u00d1\u20ac""#,
            #""clean – text with \"quotes\"""#,
            "\"" + String(repeating: "IaÈ™i Ã©tÃ© ", count: 4_000) + "\"",
            "\"Ð¡Ð¾Ñ„Ð¸Ñ\"\r",
        ]
        var alone: [String] = []
        for line in lines {
            let result = try await IngestProcess.run(["repair", "--jsonl"], stdin: line + "\n")
            #expect(result.status == 0, "\(result.stderr)")
            alone.append(result.stdout)
        }
        // 4,000 lines, with a line of 76 kB (more than a read chunk) among them; the last has no line feed.
        let order = (0..<4_000).map { $0 == 2_000 ? 2 : $0 % 3 == 2 ? 3 : $0 % 3 }
        let input = order.map { lines[$0] }.joined(separator: "\n")
        let result = try await IngestProcess.run(["repair", "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == order.map { alone[$0] }.joined())
        #expect(lines[2].utf8.count > 1 << 16)
    }

    @Test("flags read without ArgumentParser come out as ArgumentParser reads them", arguments: [
        ["repair"], ["repair", "--jsonl"], ["repair", "--cleanup"], ["repair", "--jsonl", "--cleanup"], ["repair", "--cleanup", "--jsonl"],
    ])
    func plainInvocation(_ arguments: [String]) throws {
        let plain = try #require(RepairCommand.plainInvocation(arguments))
        let parsed = try #require(try Ingest.parseAsRoot(arguments) as? RepairCommand)
        #expect(plain.jsonl == parsed.jsonl)
        #expect(plain.cleanup == parsed.cleanup)
    }

    @Test("anything but the plain flags, each once, is left to ArgumentParser", arguments: [
        [], ["charset", "--jsonl"], ["repair", "--jsonl", "--jsonl"], ["repair", "--help"], ["repair", "-h"], ["repair", "--version"],
        ["repair", "--jsonl", "x"], ["repair", "--json"], ["repair", "--jsonl=true"], ["repair", "help"], ["repair", "--jsonl", "--cleanup", "--jsonl"],
    ])
    func leftToArgumentParser(_ arguments: [String]) {
        #expect(RepairCommand.plainInvocation(arguments) == nil)
    }

    /// A line that is not a JSON string makes the run end with the data error status either way in.
    @Test("the plain command line and the parsed one answer alike, errors included")
    func plainAndParsedAlike() async throws {
        let input = "\"ok\"\nnot json\n\"\\u00c3\\u00a9t\\u00c3\\u00a9\"\n"
        let plain = try await IngestProcess.run(["repair", "--jsonl"], stdin: input)
        // A flag given twice is left to ArgumentParser, which reads it as given once.
        let parsed = try await IngestProcess.run(["repair", "--jsonl", "--jsonl"], stdin: input)
        #expect(plain.status == 65)
        #expect(parsed.status == plain.status)
        #expect(parsed.stdout == plain.stdout)
        #expect(parsed.stderr == plain.stderr)
    }
}
