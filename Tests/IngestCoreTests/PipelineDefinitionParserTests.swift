import IngestCore
import IngestTestSupport
import Testing

@Suite struct PipelineDefinitionParserTests {
    let parser = PipelineDefinitionParser(registry: TestStages.registry)

    @Test("a valid file gives stages in order with options and defaults")
    func valid() throws {
        let definition = try parser.parse(
            yaml: """
                name: nightly
                stages:
                  - scripted:
                      limit: 5
                      mode: slow
                run:
                  concurrency: 3
                  max_failure_ratio: 0.1
                  user_agent: newsbot/2.1 (+https://example.org/bot)
                output:
                  sqlite: out.sqlite
                """, file: "p.yaml")
        #expect(definition.name == "nightly")
        #expect(definition.stages.map(\.name) == ["scripted"])
        #expect(definition.stages[0].options.integer("limit") == 5)
        #expect(definition.stages[0].options.string("mode") == "slow")
        #expect(definition.stages[0].options.number("ratio") == 0.5)
        #expect(definition.stages[0].line == 3)
        #expect(definition.concurrency == 3)
        #expect(definition.maxFailureRatio == 0.1)
        #expect(definition.userAgent == "newsbot/2.1 (+https://example.org/bot)")
        #expect(definition.output.sqlite == "out.sqlite")
    }

    @Test("a stage may be written as its bare name")
    func bareName() throws {
        let definition = try parser.parse(yaml: "name: x\nstages:\n  - scripted\n", file: "p.yaml")
        #expect(definition.stages.first?.options.integer("limit") == 10)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var yaml: String
        var line: Int
        var message: String
        var testDescription: String { message }
    }

    static let invalid: [Case] = [
        Case(yaml: "name: x\nstages:\n  - strip\n", line: 3, message: "unknown stage 'strip'"),
        Case(yaml: "name: x\nstages:\n  - scripted:\n      speed: 3\n", line: 4, message: "unknown option 'speed' for stage 'scripted'"),
        Case(yaml: "name: x\nstages:\n  - scripted:\n      limit: lots\n", line: 4, message: "expected a whole number, got 'lots'"),
        Case(yaml: "name: x\nstages:\n  - scripted:\n      limit: 500\n", line: 4, message: "500 is outside 1...100"),
        Case(yaml: "name: x\nstages:\n  - scripted:\n      strict: maybe\n", line: 4, message: "expected true or false"),
        Case(yaml: "name: x\nstages:\n  - scripted:\n      mode: warp\n", line: 4, message: "'warp' is not one of 'fast', 'slow'"),
        Case(yaml: "name: x\nstages:\n  - scripted\n  - scripted\n", line: 4, message: "listed twice"),
        Case(yaml: "name: x\nstages: []\n", line: 2, message: "'stages' is empty"),
        Case(yaml: "name: x\nstagse:\n  - scripted\n", line: 2, message: "unknown key 'stagse'"),
        Case(yaml: "stages:\n  - scripted\n", line: 1, message: "missing 'name'"),
        Case(yaml: "name: x\nstages:\n  - scripted\nrun:\n  max_failure_ratio: 2\n", line: 5, message: "outside 0.0...1.0"),
        Case(yaml: "name: x\nstages:\n  - scripted\nrun:\n  user_agent: [a, b]\n", line: 5, message: "'run.user_agent' takes one line of text"),
        Case(yaml: "name: x\nstages:\n  - scripted\noutput:\n  postgres: postgres://u:p@h/db\n", line: 5, message: "connection strings do not belong"),
        Case(yaml: "name: x\nstages:\n  - scripted\noutput:\n  sqlite: postgresql://u:p@h/db\n", line: 5, message: "use --postgres-url or INGEST_POSTGRES_URL"),
        Case(yaml: "name: x\nstages: [scripted\n", line: 3, message: "not valid YAML"),
    ]

    @Test("invalid files name the file, the line and the problem", arguments: invalid)
    func invalidFiles(_ testCase: Case) {
        #expect {
            _ = try parser.parse(yaml: testCase.yaml, file: "bad.yaml")
        } throws: { error in
            guard let error = error as? DefinitionError, let issue = error.issues.first else { return false }
            return issue.file == "bad.yaml" && issue.line == testCase.line && issue.message.contains(testCase.message)
                && issue.description.hasPrefix("bad.yaml:\(testCase.line):")
        }
    }

    @Test("every problem in a file is reported, not just the first")
    func allProblems() {
        #expect {
            _ = try parser.parse(yaml: "name: x\nstages:\n  - nope\n  - scripted:\n      limit: 0\nextra: 1\n", file: "f")
        } throws: { error in
            (error as? DefinitionError)?.issues.map(\.line) == [3, 5, 6]
        }
    }
}
