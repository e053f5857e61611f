/// A stage option's value as written in a pipeline file, after its type was checked.
public enum OptionValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case string(String)

    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .boolean(let value): String(value)
        case .string(let value): value
        }
    }
}
