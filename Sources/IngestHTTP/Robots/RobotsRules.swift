/// The rules of one robots.txt for one crawler, as RFC 9309 defines them.
///
/// The crawler's group is the one whose `user-agent` equals its product token (case-insensitive), all
/// such groups merged; without one, the `*` groups; without either, everything is allowed. A path is
/// allowed unless the longest matching rule is a `disallow`; on a tie `allow` wins. `*` matches any run
/// of characters and a final `$` anchors the end. Matching works on the URL's bytes as sent, with
/// non-ASCII rule characters percent-encoded first, so `/caf%C3%A9` and `/café` are the same rule.
public struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allows: Bool
        var pattern: [UInt8]
    }

    var rules: [Rule]

    init(rules: [Rule]) {
        self.rules = rules
    }

    /// No rules: everything is allowed (a 4xx robots.txt, or none that names this crawler or `*`).
    public static let allowAll = RobotsRules(rules: [])
    /// The whole site is off limits (robots.txt could not be fetched: a 5xx or no connection).
    public static let disallowAll = RobotsRules(rules: [Rule(allows: false, pattern: Array("/".utf8))])

    /// Parses a robots.txt body for the crawler named `productToken`. Unknown lines, and rules before any
    /// `user-agent`, are ignored, as the RFC asks.
    public init(parsing body: [UInt8], productToken: String) {
        let token = productToken.lowercased()
        var mine: [Rule] = []
        var anyone: [Rule] = []
        var foundMine = false
        var groupAgents: [String] = []
        var groupHasRules = false
        for rawLine in body.split(omittingEmptySubsequences: true, whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            var line = rawLine[...]
            if let hash = line.firstIndex(of: UInt8(ascii: "#")) { line = line[..<hash] }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let key = String(decoding: Self.trim(line[..<colon]), as: UTF8.self).lowercased()
            let value = Self.trim(line[line.index(after: colon)...])
            switch key {
            case "user-agent":
                if groupHasRules {
                    groupAgents = []
                    groupHasRules = false
                }
                let agent = String(decoding: value, as: UTF8.self).lowercased()
                groupAgents.append(agent)
                if agent == token { foundMine = true }
            case "allow", "disallow":
                guard !groupAgents.isEmpty else { continue }
                groupHasRules = true
                // An empty `disallow` allows everything: it is no rule at all.
                guard !value.isEmpty else { continue }
                let rule = Rule(allows: key == "allow", pattern: Self.percentEncodeNonASCII(value))
                if groupAgents.contains(token) { mine.append(rule) }
                if groupAgents.contains("*") { anyone.append(rule) }
            default:
                continue
            }
        }
        rules = foundMine ? mine : anyone
    }

    /// Whether the crawler may fetch `path` (the URL's path and query, as sent, starting with `/`).
    public func allows(path: String) -> Bool {
        let target = Array(path.isEmpty ? "/".utf8 : path.utf8)
        if target == Array("/robots.txt".utf8) { return true }
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, target) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allows) {
                best = rule
            }
        }
        return best?.allows ?? true
    }

    /// Whether `pattern` matches a prefix of `path` (the whole of it when the pattern ends in `$`).
    static func matches(_ pattern: [UInt8], _ path: [UInt8]) -> Bool {
        var body = pattern[...]
        let anchored = body.last == UInt8(ascii: "$")
        if anchored { body = body.dropLast() }
        // Glob matching with one backtrack point, the classic linear-space algorithm.
        var p = body.startIndex
        var t = 0
        var starP: Int? = nil
        var starT = 0
        while true {
            if p == body.endIndex {
                if !anchored || t == path.count { return true }
                guard let star = starP else { return false }
                p = star + 1
                starT += 1
                t = starT
                if t > path.count { return false }
                continue
            }
            if body[p] == UInt8(ascii: "*") {
                starP = p
                starT = t
                p += 1
                continue
            }
            if t < path.count, body[p] == path[t] {
                p += 1
                t += 1
                continue
            }
            guard let star = starP, starT < path.count else { return false }
            p = star + 1
            starT += 1
            t = starT
        }
    }

    private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }

    private static func percentEncodeNonASCII(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
