/// A pipeline file that cannot be used, with every problem found in it (not just the first).
public struct DefinitionError: Error, Sendable, CustomStringConvertible {
    public var issues: [DefinitionIssue]

    public init(issues: [DefinitionIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
