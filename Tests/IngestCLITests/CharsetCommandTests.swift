import ArgumentParser
import Foundation
@testable import ingest
import IngestTestSupport
import IngestText
import Testing

/// `ingest charset` end to end: labels per path in order, thousands of paths, and usage mistakes reported
/// by ArgumentParser as for any other command although most paths bypass it.
@Suite struct CharsetCommandTests {
    /// Text in a single-byte encoding, made with the inverse of the decoder's own table.
    static func encode(_ text: String, as encoding: String) throws -> Data {
        let table = try #require(SingleByteTable.named(encoding))
        var byScalar: [Unicode.Scalar: UInt8] = [:]
        for (byte, scalar) in table.scalars.enumerated() where byScalar[scalar] == nil { byScalar[scalar] = UInt8(byte) }
        return Data(try text.unicodeScalars.map { try #require(byScalar[$0]) })
    }

    /// Three readable files in different encodings, with their expected labels.
    static func files(in directory: URL) throws -> [(path: String, label: String)] {
        let bulgarian = "Концертът на оркестъра ще се състои в събота вечерта в зала България, билетите са в продажба."
        let ukrainian = "Виставка сучасного мистецтва відкриється у п'ятницю в галереї на Подолі, вхід вільний для всіх."
        let samples: [(name: String, data: Data, label: String)] = [
            ("bg-utf8.txt", Data(bulgarian.utf8), "utf-8"),
            ("bg-1251.txt", try encode(bulgarian, as: "windows-1251"), "windows-1251"),
            ("uk-koi8u.txt", try encode(ukrainian, as: "koi8-u"), "koi8-u"),
        ]
        return try samples.map { sample in
            let url = directory.appendingPathComponent(sample.name)
            try sample.data.write(to: url)
            return (url.path, sample.label)
        }
    }

    @Test("5,000 paths each get their label, in order, and an unreadable one is reported with exit 66")
    func manyPaths() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let files = try Self.files(in: directory)
        let missing = directory.appendingPathComponent("missing.txt").path
        var expected = (0..<4_999).map { files[$0 % files.count] }
        expected.insert((missing, "error"), at: 2_500)
        let result = try await IngestProcess.run(["charset"] + expected.map(\.path))
        #expect(result.status == 66, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5_000)
        #expect(lines == expected.map { "\($0.path): \($0.label)" })
    }

    @Test("one path prints the bare label, and options may come after the paths")
    func onePathAndOptions() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let files = try Self.files(in: directory)
        let one = try await IngestProcess.run(["charset", files[1].path, "--url", "https://example.bg/"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == "windows-1251\n")
        let scored = try await IngestProcess.run(["charset", files[0].path, "--scores", "--", files[2].path])
        #expect(scored.status == 0, "\(scored.stderr)")
        let lines = scored.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(files[0].path): utf-8")
        #expect(lines.contains("\(files[2].path): koi8-u"))
        #expect(lines.contains { $0.hasPrefix("  koi8-u ") })
    }

    @Test("- reads standard input, alone or among paths")
    func standardInput() async throws {
        let directory = try FixturePaths.temporaryDirectory()
        let files = try Self.files(in: directory)
        let koi8 = try Data(contentsOf: URL(fileURLWithPath: files[2].path))
        let alone = try await IngestProcess.run(["charset", "-"], stdinBytes: koi8)
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(alone.stdout == "koi8-u\n")
        let among = try await IngestProcess.run(["charset", files[1].path, "-"], stdinBytes: koi8)
        #expect(among.stdout == "\(files[1].path): windows-1251\n-: koi8-u\n")
    }

    @Test("usage mistakes exit 64 with ArgumentParser's message", arguments: [
        ["charset"],
        ["charset", "--bogus", "a.html", "b.html"],
        ["charset", "a.html", "b.html", "--url"],
        ["charset", "--"],
    ])
    func usageMistakes(_ arguments: [String]) async throws {
        let result = try await IngestProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Usage: ingest charset"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--help prints the command's help even among many paths")
    func help() async throws {
        let result = try await IngestProcess.run(["charset", "a.html", "--help", "b.html", "c.html"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: ingest charset <files> ... [--url <url>] [--scores]"), "\(result.stdout)")
    }

    struct SplitCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var parsed: [String]
        var laterPaths: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let splitCases: [SplitCase] = [
        SplitCase(arguments: ["charset", "a", "b", "c"], parsed: ["charset", "a"], laterPaths: ["b", "c"]),
        SplitCase(
            arguments: ["charset", "--url", "x.bg", "a", "--scores", "b"], parsed: ["charset", "--url", "x.bg", "a", "--scores"],
            laterPaths: ["b"]),
        SplitCase(arguments: ["charset", "--url=x.bg", "a", "b"], parsed: ["charset", "--url=x.bg", "a"], laterPaths: ["b"]),
        SplitCase(arguments: ["charset", "-", "b"], parsed: ["charset", "-"], laterPaths: ["b"]),
        SplitCase(arguments: ["charset", "--", "-a", "--url", "b"], parsed: ["charset", "--", "-a"], laterPaths: ["--url", "b"]),
        SplitCase(arguments: ["charset", "a", "--", "-b", "c"], parsed: ["charset", "a"], laterPaths: ["-b", "c"]),
        SplitCase(arguments: ["charset", "a", "--url"], parsed: ["charset", "a", "--url"], laterPaths: []),
    ]

    @Test("the paths held back from ArgumentParser are exactly the later plain words, in order", arguments: splitCases)
    func split(_ testCase: SplitCase) throws {
        let split = try #require(CharsetCommand.splitPaths(testCase.arguments))
        #expect(split.parsed == testCase.parsed)
        #expect(split.laterPaths == testCase.laterPaths)
    }

    @Test("other commands are left to ArgumentParser whole")
    func otherCommands() {
        #expect(CharsetCommand.splitPaths(["repair", "a", "b"]) == nil)
        #expect(CharsetCommand.splitPaths([]) == nil)
    }

    @Test("every option the help shows with a value is one whose value is never taken for a path")
    func optionsTakingValueMatchHelp() throws {
        let help = CharsetCommand.helpMessage(columns: 200)
        let shown = Set(help.matches(of: /(--[a-z-]+) </).map { String($0.output.1) })
        #expect(!shown.isEmpty)
        #expect(shown == CharsetCommand.optionsTakingValue)
    }

    static let plainArguments: [[String]] = [
        ["charset", "a"],
        ["charset", "a", "b", "c"],
        ["charset", "--url", "https://example.bg/", "a"],
        ["charset", "a", "--scores", "b", "--url", "x.bg"],
        ["charset", "help"],
        ["charset", "a", "--", "-b", "--url", "--"],
        ["charset", "--", "-a"],
    ]

    @Test("arguments read without ArgumentParser come out as ArgumentParser reads them", arguments: plainArguments)
    func plainInvocation(_ arguments: [String]) throws {
        let plain = try #require(CharsetCommand.plainInvocation(arguments))
        let parsed = try #require(try Ingest.parseAsRoot(arguments) as? CharsetCommand)
        #expect(plain == CharsetCommand.Invocation(files: parsed.files, url: parsed.url, scores: parsed.scores))
    }

    @Test("anything but plain paths and options is left to ArgumentParser", arguments: [
        [], ["repair", "a"], ["charset"], ["charset", "--"], ["charset", "--help", "a"], ["charset", "a", "-h"],
        ["charset", "a", "--url"], ["charset", "--url=x.bg", "a"], ["charset", "--url", "-x", "a"],
        ["charset", "--scores", "--scores", "a"], ["charset", "--url", "a", "--url", "b", "c"], ["charset", "-", "a"],
        ["charset", "--bogus", "a"], ["charset", "a", "--version"],
    ])
    func leftToArgumentParser(_ arguments: [String]) {
        #expect(CharsetCommand.plainInvocation(arguments) == nil)
    }

    @Test("paths read straight from the C arguments are those plainInvocation reads, and only plain ASCII paths are", arguments: [
        (["charset", "a"], true), (["charset", "a", "b/c.html", ""], true), (["charset"], false), (["charset", "-"], false),
        (["charset", "a", "--scores"], false), (["charset", "--", "a"], false), (["charset", "--url", "x.bg", "a"], false),
        (["repair", "a"], false), (["charset", "a", "страница.html"], false), ([], false),
    ])
    func plainPaths(_ arguments: [String], read: Bool) throws {
        let copies = arguments.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let paths = copies.withUnsafeBufferPointer { argv in
            CharsetCommand.plainPaths(argv).map { paths in paths.map { String(cString: $0!) } }
        }
        #expect((paths != nil) == read)
        if let paths {
            let plain = try #require(CharsetCommand.plainInvocation(arguments))
            #expect(plain == CharsetCommand.Invocation(files: paths, url: nil, scores: false))
        }
    }

    @Test("every option the help shows is one plain arguments may hold")
    func plainInvocationKnowsEveryOption() throws {
        let help = CharsetCommand.helpMessage(columns: 200)
        let shown = Set(help.matches(of: /(--[a-z-]+)/).map { String($0.output.1) }).subtracting(["--help", "--version"])
        #expect(!shown.isEmpty)
        for option in shown {
            let value = CharsetCommand.optionsTakingValue.contains(option) ? ["x.bg"] : []
            #expect(CharsetCommand.plainInvocation(["charset", option] + value + ["a"]) != nil, "\(option)")
        }
    }
}
