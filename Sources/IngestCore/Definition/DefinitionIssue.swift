/// One problem in a pipeline file, located so an editor can jump to it.
public struct DefinitionIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, the form compilers use, which editors and CI annotate.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
