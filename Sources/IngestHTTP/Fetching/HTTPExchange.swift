/// One response as the fetcher uses it: status, headers with lower-cased names, and the body when it
/// was read (2xx responses only; other bodies are never downloaded).
struct HTTPExchange: Sendable {
    var status: Int
    var reason: String
    /// Repeated headers are joined with `, `, as HTTP allows.
    var headers: [String: String]
    var body: [UInt8]
}
