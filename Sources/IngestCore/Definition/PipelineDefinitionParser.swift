import Yams

/// Reads a pipeline file and checks it against the registered stages, reporting every problem with its
/// line and column.
///
/// The format:
/// ```yaml
/// name: events
/// stages:
///   - strip:
///       max_input_bytes: 33554432
/// run:
///   concurrency: 0          # 0: one per core
///   max_failure_ratio: 0.2
///   user_agent: "newsbot/2.1 (+https://example.org/bot)"   # for URL inputs
/// output:
///   sqlite: ingest.sqlite
/// ```
/// A stage is written as its name alone, or as a one-key mapping from its name to its options.
public struct PipelineDefinitionParser: Sendable {
    public var registry: StageRegistry

    public init(registry: StageRegistry) {
        self.registry = registry
    }

    public func parse(yaml: String, file: String) throws(DefinitionError) -> PipelineDefinition {
        var reporter = IssueReporter(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw DefinitionError(issues: [reporter.issue(for: error)])
        } catch {
            throw DefinitionError(issues: [DefinitionIssue(file: file, line: 1, column: 1, message: "\(error)")])
        }
        guard let root, case .mapping(let top) = root else {
            throw DefinitionError(issues: [
                DefinitionIssue(
                    file: file, line: root?.mark?.line ?? 1, column: root?.mark?.column ?? 1,
                    message: "a pipeline file is a mapping with at least 'name' and 'stages'")
            ])
        }

        var definition = PipelineDefinition(name: "", stages: [])
        var sawName = false
        var sawStages = false
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                if let name = reporter.nonEmptyString(value, what: "'name'") {
                    definition.name = name
                    sawName = true
                }
            case "description":
                definition.description = reporter.nonEmptyString(value, what: "'description'")
            case "stages":
                sawStages = true
                definition.stages = parseStages(value, reporter: &reporter)
            case "run":
                parseRun(value, into: &definition, reporter: &reporter)
            case "output":
                definition.output = parseOutput(value, reporter: &reporter)
            default:
                reporter.report(
                    keyNode, "unknown key '\(key)'; expected one of: name, description, stages, run, output")
            }
        }
        if !sawName { reporter.report(root, "missing 'name'") }
        if !sawStages { reporter.report(root, "missing 'stages'") }
        if !reporter.issues.isEmpty { throw DefinitionError(issues: reporter.issues) }
        return definition
    }

    private func parseStages(_ node: Node, reporter: inout IssueReporter) -> [StageEntry] {
        guard case .sequence(let items) = node else {
            reporter.report(node, "'stages' must be a list of stage names")
            return []
        }
        if items.isEmpty { reporter.report(node, "'stages' is empty; name at least one stage") }
        var entries: [StageEntry] = []
        var seen: Set<String> = []
        for item in items {
            let nameNode: Node
            let optionsNode: Node?
            switch item {
            case .scalar:
                nameNode = item
                optionsNode = nil
            case .mapping(let mapping) where mapping.count == 1:
                nameNode = mapping.keys.first ?? item
                optionsNode = mapping.values.first
            default:
                reporter.report(item, "a stage is its name, or its name followed by a mapping of options")
                continue
            }
            let name = nameNode.string ?? ""
            guard let descriptor = registry.descriptor(named: name) else {
                reporter.report(
                    nameNode, "unknown stage '\(name)'; this build has: \(registry.names.joined(separator: ", "))")
                continue
            }
            if !seen.insert(name).inserted {
                reporter.report(nameNode, "stage '\(name)' is listed twice")
                continue
            }
            let options = parseOptions(optionsNode, descriptor: descriptor, reporter: &reporter)
            entries.append(StageEntry(name: name, options: options, line: nameNode.mark?.line ?? 0))
        }
        return entries
    }

    private func parseOptions(_ node: Node?, descriptor: StageDescriptor, reporter: inout IssueReporter) -> StageOptions
    {
        var overrides: [String: OptionValue] = [:]
        switch node {
        case nil:
            break
        case .scalar(let scalar)? where scalar.tag == Tag(.null) || scalar.string.isEmpty:
            break
        case .mapping(let mapping)?:
            for (keyNode, valueNode) in mapping {
                let key = keyNode.string ?? ""
                guard let spec = descriptor.options.first(where: { $0.name == key }) else {
                    let known = descriptor.options.map(\.name).joined(separator: ", ")
                    reporter.report(
                        keyNode,
                        "unknown option '\(key)' for stage '\(descriptor.name)'"
                            + (known.isEmpty ? "; it takes no options" : "; it takes: \(known)"))
                    continue
                }
                guard case .scalar(let scalar) = valueNode else {
                    reporter.report(valueNode, "option '\(key)' of stage '\(descriptor.name)' takes a single value")
                    continue
                }
                switch spec.value(from: scalar.string) {
                case .success(let value): overrides[key] = value
                case .failure(let problem):
                    reporter.report(valueNode, "bad value for '\(key)' of stage '\(descriptor.name)': \(problem.message)")
                }
            }
        case let other?:
            reporter.report(other, "the options of stage '\(descriptor.name)' must be a mapping")
        }
        return StageOptions(specs: descriptor.options, overrides: overrides)
    }

    private func parseRun(_ node: Node, into definition: inout PipelineDefinition, reporter: inout IssueReporter) {
        guard case .mapping(let mapping) = node else {
            reporter.report(node, "'run' must be a mapping")
            return
        }
        let concurrency = StageOptionSpec(
            name: "concurrency", summary: "", kind: .integer(0...4096), defaultValue: .integer(0))
        let ratio = StageOptionSpec(
            name: "max_failure_ratio", summary: "", kind: .number(0...1), defaultValue: .number(0.2))
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let spec: StageOptionSpec
            switch key {
            case "concurrency": spec = concurrency
            case "max_failure_ratio": spec = ratio
            case "user_agent":
                guard let text = value.scalar?.string, !text.allSatisfy(\.isWhitespace), !text.contains(where: \.isNewline) else {
                    reporter.report(value, "'run.user_agent' takes one line of text")
                    continue
                }
                definition.userAgent = text
                continue
            default:
                reporter.report(keyNode, "unknown key 'run.\(key)'; expected concurrency, max_failure_ratio or user_agent")
                continue
            }
            guard let text = value.scalar?.string else {
                reporter.report(value, "'run.\(key)' takes a single value")
                continue
            }
            switch spec.value(from: text) {
            case .success(.integer(let count)): definition.concurrency = count == 0 ? nil : count
            case .success(let number): if case .number(let n) = number { definition.maxFailureRatio = n }
            case .failure(let problem): reporter.report(value, "bad value for 'run.\(key)': \(problem.message)")
            }
        }
    }

    private func parseOutput(_ node: Node, reporter: inout IssueReporter) -> OutputSettings {
        var output = OutputSettings()
        guard case .mapping(let mapping) = node else {
            reporter.report(node, "'output' must be a mapping")
            return output
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let path = reporter.nonEmptyString(value, what: "'output.\(key)'")
            if let path, path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") {
                reporter.report(
                    value, "connection strings do not belong in pipeline files; use --postgres-url or INGEST_POSTGRES_URL")
                continue
            }
            switch key {
            case "sqlite": output.sqlite = path
            case "jsonl": output.jsonl = path
            case "dead_letters": output.deadLetters = path
            case "postgres", "postgres_url":
                reporter.report(
                    keyNode, "connection strings do not belong in pipeline files; use --postgres-url or INGEST_POSTGRES_URL")
            default:
                reporter.report(keyNode, "unknown key 'output.\(key)'; expected sqlite, jsonl or dead_letters")
            }
        }
        return output
    }
}

/// Collects issues with positions; a value type threaded through the parse.
private struct IssueReporter {
    let file: String
    var issues: [DefinitionIssue] = []

    init(file: String) {
        self.file = file
    }

    mutating func report(_ node: Node, _ message: String) {
        issues.append(
            DefinitionIssue(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message))
    }

    mutating func nonEmptyString(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty, scalar.tag != Tag(.null) else {
            report(node, "\(what) must be a non-empty string")
            return nil
        }
        return scalar.string
    }

    func issue(for error: YamlError) -> DefinitionIssue {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            DefinitionIssue(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            DefinitionIssue(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            DefinitionIssue(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }
}
