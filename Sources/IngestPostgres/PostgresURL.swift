import Foundation
public import IngestCore
import PostgresNIO
import NIOSSL

/// A `postgres://user:password@host:port/database?sslmode=…` connection string, as libpq and most
/// tools write it. It only ever comes from `--postgres-url` or `INGEST_POSTGRES_URL`, never from a
/// pipeline file, so committed pipelines cannot carry passwords.
public struct PostgresURL: Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let username: String
    public let password: String?
    public let database: String
    public let sslMode: String

    public init(_ string: String) throws(RunError) {
        guard let components = URLComponents(string: string),
            components.scheme == "postgres" || components.scheme == "postgresql"
        else {
            throw RunError(.invalidConfiguration, "the PostgreSQL URL must look like postgres://user:password@host:5432/database")
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        guard let user = components.user, !user.isEmpty else {
            throw RunError(.invalidConfiguration, "the PostgreSQL URL names no user (postgres://USER@host/database)")
        }
        username = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        let path = components.path.drop { $0 == "/" }
        database = path.isEmpty ? username : String(path)
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard ["disable", "prefer", "require"].contains(mode) else {
            throw RunError(.invalidConfiguration, "sslmode=\(mode) is not supported; use disable, prefer or require")
        }
        sslMode = mode
    }

    /// The URL without its password, for messages and logs.
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    /// The same server and credentials with another database name, for tests and administration.
    public func with(database name: String) -> String {
        var text = "postgres://\(username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username)"
        if let password { text += ":" + (password.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? password) }
        return text + "@\(host):\(port)/\(name)?sslmode=\(sslMode)"
    }

    func configuration() throws(RunError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch sslMode {
            case "disable": tls = .disable
            case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw RunError(.invalidConfiguration, "cannot set up TLS for \(self): \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
