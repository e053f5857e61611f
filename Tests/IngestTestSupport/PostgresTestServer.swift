import Foundation

/// The PostgreSQL server tests run against, named by `INGEST_TEST_POSTGRES_URL` (`.ci/run` starts one on
/// loopback and sets it). Outside CI, tests that need it are skipped when it is not set; under
/// `CI=true` its absence is a failure, so CI can never pass without having exercised PostgreSQL.
///
/// Rows are read back with `psql`, independently of the sink under test.
public struct PostgresTestServer: Sendable {
    public let url: String

    /// The configured server, or nil when tests may skip it.
    public static func configured() throws -> PostgresTestServer? {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["INGEST_TEST_POSTGRES_URL"], !url.isEmpty { return PostgresTestServer(url: url) }
        if environment["CI"] == "true" {
            throw PostgresTestError(message: "CI=true but INGEST_TEST_POSTGRES_URL is not set; .ci/run must start PostgreSQL")
        }
        return nil
    }

    /// Whether PostgreSQL tests run: a URL is set, or CI requires them (and then fails without one).
    public static var isEnabled: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !(environment["INGEST_TEST_POSTGRES_URL"] ?? "").isEmpty || environment["CI"] == "true"
    }

    public static func required() throws -> PostgresTestServer {
        guard let server = try configured() else {
            throw PostgresTestError(message: "INGEST_TEST_POSTGRES_URL is not set")
        }
        return server
    }

    /// A new, empty database on the server, and its URL.
    ///
    /// The name carries its creation time in Unix seconds, so `Scripts/test-postgres.sh` can drop the
    /// databases earlier runs left behind without touching those of a run still going on.
    public func createDatabase(_ label: String = #function) throws -> String {
        let labelPart = String(label.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(20))
        let createdAt = Int(Date().timeIntervalSince1970)
        let name = "ingest_t_\(labelPart)_\(createdAt)_\(UUID().uuidString.lowercased().prefix(8))"
        try Self.psql(url, ["-c", "CREATE DATABASE \(name)"])
        return Self.replacingDatabase(in: url, with: name)
    }

    public static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }

    /// Every row of `sql` as text values (nil for NULL), through `COPY … TO STDOUT`.
    public static func rows(_ url: String, _ sql: String) throws -> [[String?]] {
        let output = try psql(url, ["-c", "COPY (\(sql)) TO STDOUT"])
        return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { field in
                field == "\\N" ? nil : unescape(field)
            }
        }
    }

    public static func execute(_ url: String, _ sql: String) throws {
        try psql(url, ["-c", sql])
    }

    @discardableResult
    static func psql(_ url: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostgresTestError(message: "psql failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

public struct PostgresTestError: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
