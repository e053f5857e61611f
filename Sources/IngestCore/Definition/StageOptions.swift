/// The options one stage was configured with: every declared option, with defaults filled in.
public struct StageOptions: Sendable, Equatable {
    public private(set) var values: [String: OptionValue]

    public init(values: [String: OptionValue]) {
        self.values = values
    }

    /// Options with every default of the stage's spec, overridden by `overrides`.
    public init(specs: [StageOptionSpec], overrides: [String: OptionValue] = [:]) {
        var values: [String: OptionValue] = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        values.merge(overrides) { _, new in new }
        self.values = values
    }

    public func integer(_ name: String) -> Int? {
        if case .integer(let value)? = values[name] { return value }
        return nil
    }

    public func number(_ name: String) -> Double? {
        switch values[name] {
        case .number(let value)?: value
        case .integer(let value)?: Double(value)
        default: nil
        }
    }

    public func boolean(_ name: String) -> Bool? {
        if case .boolean(let value)? = values[name] { return value }
        return nil
    }

    public func string(_ name: String) -> String? {
        if case .string(let value)? = values[name] { return value }
        return nil
    }
}
