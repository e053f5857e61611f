import Foundation

/// Checks JSON values against the JSON Schema keywords the project's schemas use: type, const, enum,
/// required, properties, additionalProperties, items, minimum, maximum, minLength, pattern, and local
/// `$ref`s into `$defs`. An unknown keyword is an error, so a schema cannot silently outgrow the checker.
public struct JSONSchemaValidator {
    private let root: [String: Any]

    public init(schemaAt url: URL) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw SchemaProblem(path: "$", message: "the schema is not an object")
        }
        self.root = root
    }

    public struct SchemaProblem: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// Every problem of one JSON document (one JSONL line); empty when it is valid.
    public func problems(inJSON line: some Sequence<UInt8>) -> [SchemaProblem] {
        do {
            let value = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
            var problems: [SchemaProblem] = []
            check(value, against: root, path: "$", problems: &problems)
            return problems
        } catch {
            return [SchemaProblem(path: "$", message: "not JSON: \(error)")]
        }
    }

    private static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]

    private func check(_ value: Any, against schema: [String: Any], path: String, problems: inout [SchemaProblem]) {
        for (keyword, rule) in schema {
            switch keyword {
            case "$ref":
                guard let ref = rule as? String, ref.hasPrefix("#/$defs/"),
                    let definitions = root["$defs"] as? [String: Any],
                    let target = definitions[String(ref.dropFirst("#/$defs/".count))] as? [String: Any]
                else {
                    problems.append(SchemaProblem(path: path, message: "unresolvable $ref \(rule)"))
                    continue
                }
                check(value, against: target, path: path, problems: &problems)
            case "type":
                let allowed = (rule as? [String]) ?? [rule as? String ?? ""]
                if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                    problems.append(SchemaProblem(path: path, message: "expected \(allowed.joined(separator: "|")), got \(Self.typeName(value))"))
                }
            case "const":
                if !Self.equal(value, rule) { problems.append(SchemaProblem(path: path, message: "must be \(rule)")) }
            case "enum":
                if !((rule as? [Any]) ?? []).contains(where: { Self.equal(value, $0) }) {
                    problems.append(SchemaProblem(path: path, message: "\(value) is not one of \(rule)"))
                }
            case "required":
                guard let object = value as? [String: Any] else { continue }
                for key in (rule as? [String]) ?? [] where object[key] == nil {
                    problems.append(SchemaProblem(path: path, message: "missing required '\(key)'"))
                }
            case "properties":
                guard let object = value as? [String: Any], let properties = rule as? [String: Any] else { continue }
                for (key, sub) in properties {
                    if let member = object[key], let sub = sub as? [String: Any] {
                        check(member, against: sub, path: path + "." + key, problems: &problems)
                    }
                }
            case "additionalProperties":
                guard let object = value as? [String: Any] else { continue }
                let known = Set(((schema["properties"] as? [String: Any]) ?? [:]).keys)
                for (key, member) in object where !known.contains(key) {
                    if let allowed = rule as? Bool {
                        if !allowed { problems.append(SchemaProblem(path: path, message: "unexpected property '\(key)'")) }
                    } else if let sub = rule as? [String: Any] {
                        check(member, against: sub, path: path + "." + key, problems: &problems)
                    }
                }
            case "items":
                guard let array = value as? [Any], let sub = rule as? [String: Any] else { continue }
                for (index, item) in array.enumerated() {
                    check(item, against: sub, path: "\(path)[\(index)]", problems: &problems)
                }
            case "minimum", "maximum":
                guard let number = (value as? NSNumber)?.doubleValue, !(value is Bool), let bound = (rule as? NSNumber)?.doubleValue
                else { continue }
                if keyword == "minimum" ? number < bound : number > bound {
                    problems.append(SchemaProblem(path: path, message: "\(number) violates \(keyword) \(bound)"))
                }
            case "minLength":
                if let string = value as? String, string.count < ((rule as? Int) ?? 0) {
                    problems.append(SchemaProblem(path: path, message: "shorter than \(rule)"))
                }
            case "pattern":
                guard let string = value as? String, let pattern = rule as? String else { continue }
                if string.range(of: pattern, options: .regularExpression) == nil {
                    problems.append(SchemaProblem(path: path, message: "'\(string.prefix(60))' does not match \(pattern)"))
                }
            default:
                if !Self.annotations.contains(keyword) {
                    problems.append(SchemaProblem(path: path, message: "the validator does not know the keyword '\(keyword)'"))
                }
            }
        }
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "null": value is NSNull
        case "boolean": isBool(value)
        case "integer":
            if isBool(value) { false } else if let number = value as? NSNumber { number.doubleValue.rounded() == number.doubleValue } else { false }
        case "number": !isBool(value) && value is NSNumber
        default: false
        }
    }

    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func typeName(_ value: Any) -> String {
        for name in ["object", "array", "string", "null", "boolean", "integer", "number"] where matches(value, type: name) {
            return name
        }
        return "unknown"
    }

    private static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        switch (lhs, rhs) {
        case (let a as String, let b as String): a == b
        case (let a as NSNumber, let b as NSNumber): a == b
        default: false
        }
    }
}
