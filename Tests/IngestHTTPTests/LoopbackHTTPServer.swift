import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 with a random port, answering from a routing closure, so the
/// fetcher is tested over real sockets: timeouts, redirects, retries and limits included.
final class LoopbackHTTPServer: Sendable {
    struct Request: Sendable {
        var path: String
        /// Lower-cased names.
        var headers: [String: String]
        /// 1 for the first request to this path, 2 for the second, and so on.
        var number: Int
        var receivedAt: ContinuousClock.Instant
    }

    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
        /// Reads the request and never answers.
        case stall
        /// Sends the head and then the body in pieces with a pause before each.
        case trickle(headers: [(String, String)], pieces: [[UInt8]], pause: Duration)
        /// Answers after a pause, counting how many such answers are in progress at once.
        case slow(Duration, Reply.Box)

        /// Lets a reply hold another one.
        final class Box: Sendable {
            let reply: Reply
            init(_ reply: Reply) { self.reply = reply }
        }
    }

    typealias Route = @Sendable (Request) -> Reply

    let port: Int
    private let serverChannel: any Channel
    private let task: Task<Void, Never>
    private let log = Mutex<[Request]>([])
    private let busy = Mutex<(now: Int, peak: Int)>((0, 0))

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    var requests: [Request] { log.withLock { $0 } }

    func requests(to path: String) -> [Request] { requests.filter { $0.path == path } }

    /// The most `slow` replies that were in progress at the same time.
    var peakSlowReplies: Int { busy.withLock { $0.peak } }

    private init(port: Int, serverChannel: any Channel, task: Task<Void, Never>) {
        self.port = port
        self.serverChannel = serverChannel
        self.task = task
    }

    static func start(route: @escaping Route) async throws -> LoopbackHTTPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: child)
                }
            }
        let port = channel.channel.localAddress?.port ?? 0
        let state = Shared()
        let task = Task<Void, Never> {
            _ = try? await withThrowingDiscardingTaskGroup { group in
                try await channel.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask {
                            try? await Self.serve(connection, route: route, state: state)
                        }
                    }
                }
            }
        }
        let server = LoopbackHTTPServer(port: port, serverChannel: channel.channel, task: task)
        state.server.withLock { $0 = server }
        return server
    }

    func stop() async {
        task.cancel()
        try? await serverChannel.close()
    }

    /// Lets connection tasks reach the server object, which exists only once the port is bound.
    private final class Shared: Sendable {
        let server = Mutex<LoopbackHTTPServer?>(nil)
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, route: Route, state: Shared
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                case .body:
                    continue
                case .end:
                    guard let head, let server = state.server.withLock({ $0 }) else { continue }
                    var headers: [String: String] = [:]
                    for (name, value) in head.headers { headers[name.lowercased()] = value }
                    let request = server.log.withLock { log in
                        let number = log.filter { $0.path == head.uri }.count + 1
                        let request = Request(path: head.uri, headers: headers, number: number, receivedAt: .now)
                        log.append(request)
                        return request
                    }
                    try await answer(route(request), outbound: outbound, server: server)
                }
            }
        }
    }

    private static func answer(_ reply: Reply, outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>, server: LoopbackHTTPServer)
        async throws
    {
        switch reply {
        case .respond(let status, let extra, let body):
            var headers = HTTPHeaders(extra)
            headers.replaceOrAdd(name: "Content-Length", value: "\(body.count)")
            try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)))
            if !body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
        case .stall:
            try await Task.sleep(for: .seconds(600))
        case .trickle(let extra, let pieces, let pause):
            var headers = HTTPHeaders(extra)
            headers.replaceOrAdd(name: "Content-Length", value: "\(pieces.reduce(0) { $0 + $1.count })")
            try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)))
            for piece in pieces {
                try await Task.sleep(for: pause)
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: piece))))
            }
            try await outbound.write(.end(nil))
        case .slow(let pause, let box):
            server.busy.withLock { busy in
                busy.now += 1
                busy.peak = max(busy.peak, busy.now)
            }
            try? await Task.sleep(for: pause)
            server.busy.withLock { $0.now -= 1 }
            try await answer(box.reply, outbound: outbound, server: server)
        }
    }
}
