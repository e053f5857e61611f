/// One option a stage accepts in a pipeline file: its name, type, allowed values and default.
public struct StageOptionSpec: Sendable {
    public enum Kind: Sendable {
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case boolean
        /// Any string, or only the listed ones.
        case string(allowed: [String]?)
        /// A comma-separated list of the listed strings, at least one and none twice (kept as the string).
        case list(allowed: [String])
    }

    public var name: String
    public var summary: String
    public var kind: Kind
    public var defaultValue: OptionValue

    public init(name: String, summary: String, kind: Kind, defaultValue: OptionValue) {
        self.name = name
        self.summary = summary
        self.kind = kind
        self.defaultValue = defaultValue
    }

    /// Converts a scalar from the file, or explains in a sentence why it is not acceptable.
    func value(from text: String) -> Result<OptionValue, OptionValueProblem> {
        switch kind {
        case .integer(let range):
            guard let value = Int(text.replacingUnderscores) else {
                return .failure(OptionValueProblem("expected a whole number, got '\(text)'"))
            }
            guard range.contains(value) else {
                return .failure(OptionValueProblem("\(value) is outside \(range.lowerBound)...\(range.upperBound)"))
            }
            return .success(.integer(value))
        case .number(let range):
            guard let value = Double(text.replacingUnderscores), value.isFinite else {
                return .failure(OptionValueProblem("expected a number, got '\(text)'"))
            }
            guard range.contains(value) else {
                return .failure(OptionValueProblem("\(value) is outside \(range.lowerBound)...\(range.upperBound)"))
            }
            return .success(.number(value))
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "on": return .success(.boolean(true))
            case "false", "no", "off": return .success(.boolean(false))
            default: return .failure(OptionValueProblem("expected true or false, got '\(text)'"))
            }
        case .string(let allowed):
            if let allowed, !allowed.contains(text) {
                return .failure(
                    OptionValueProblem("'\(text)' is not one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))"))
            }
            return .success(.string(text))
        case .list(let allowed):
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0.filter { !$0.isWhitespace })
            }
            if let unknown = items.first(where: { !allowed.contains($0) }) {
                return .failure(
                    OptionValueProblem(
                        "'\(unknown)' is not one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))"))
            }
            if Set(items).count != items.count {
                return .failure(OptionValueProblem("'\(text)' names an item twice"))
            }
            return .success(.string(items.joined(separator: ",")))
        }
    }
}

/// Why an option's value was refused, in words for the user.
struct OptionValueProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension String {
    /// YAML allows `33_554_432`; Swift's `Int(_:)` does not.
    fileprivate var replacingUnderscores: String { filter { $0 != "_" } }
}
