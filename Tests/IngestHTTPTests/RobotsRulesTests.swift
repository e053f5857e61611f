import Testing

@testable import IngestHTTP

@Suite struct RobotsRulesTests {
    static let robots = """
        # comments and unknown lines are ignored
        Sitemap: https://example.org/sitemap.xml
        User-agent: *
        Disallow: /private/
        Allow: /private/open
        Disallow: /*.pdf$
        Disallow: /search*query

        User-agent: OtherBot
        Disallow: /

        User-agent: Ingest
        User-agent: friend
        Disallow: /drafts/
        Allow: /drafts/public
        Disallow: /café
        """

    struct Case: Sendable, CustomTestStringConvertible {
        var token: String
        var path: String
        var allowed: Bool
        var testDescription: String { "\(token) \(path) → \(allowed ? "allow" : "disallow")" }
    }

    static let cases: [Case] = [
        // `*` group for a crawler with no group of its own.
        Case(token: "somebot", path: "/", allowed: true),
        Case(token: "somebot", path: "/private/x", allowed: false),
        Case(token: "somebot", path: "/private/open/x", allowed: true),  // longer allow wins
        Case(token: "somebot", path: "/a/b.pdf", allowed: false),  // `*` and `$`
        Case(token: "somebot", path: "/a/b.pdf?x=1", allowed: true),  // `$` anchors the end
        Case(token: "somebot", path: "/search/x?query=1", allowed: false),
        Case(token: "somebot", path: "/robots.txt", allowed: true),
        // A named group replaces `*` entirely, matched case-insensitively.
        Case(token: "ingest", path: "/private/x", allowed: true),
        Case(token: "ingest", path: "/drafts/x", allowed: false),
        Case(token: "ingest", path: "/drafts/public", allowed: true),
        Case(token: "INGEST", path: "/drafts/x", allowed: false),
        Case(token: "friend", path: "/drafts/x", allowed: false),
        Case(token: "otherbot", path: "/anything", allowed: false),
        // Non-ASCII rules match the percent-encoded path.
        Case(token: "ingest", path: "/caf%C3%A9/menu", allowed: false),
    ]

    @Test("rules are chosen by group and longest match", arguments: cases)
    func matching(_ testCase: Case) {
        let rules = RobotsRules(parsing: Array(Self.robots.utf8), productToken: testCase.token)
        #expect(rules.allows(path: testCase.path) == testCase.allowed)
    }

    @Test("an allow and a disallow of the same length: allow wins")
    func tieGoesToAllow() {
        let rules = RobotsRules(parsing: Array("User-agent: *\nDisallow: /page\nAllow: /page\n".utf8), productToken: "x")
        #expect(rules.allows(path: "/page"))
    }

    @Test("an empty disallow allows everything, and no group at all allows everything")
    func emptyRules() {
        #expect(RobotsRules(parsing: Array("User-agent: *\nDisallow:\n".utf8), productToken: "x").allows(path: "/a"))
        #expect(RobotsRules(parsing: Array("Disallow: /\n".utf8), productToken: "x").allows(path: "/a"))
        #expect(RobotsRules.disallowAll.allows(path: "/a") == false)
    }

    @Test("wildcards match any run, including none")
    func wildcards() {
        #expect(RobotsRules.matches(Array("/*/x$".utf8), Array("/a/b/x".utf8)))
        #expect(!RobotsRules.matches(Array("/*/x$".utf8), Array("/a/b/xy".utf8)))
        #expect(RobotsRules.matches(Array("/a*".utf8), Array("/a".utf8)))
        #expect(RobotsRules.matches(Array("*".utf8), Array("/".utf8)))
        #expect(!RobotsRules.matches(Array("/b".utf8), Array("/a".utf8)))
    }
}
