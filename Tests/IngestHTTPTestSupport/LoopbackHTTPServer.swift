import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 with a random port, answering from a routing closure, so fetching
/// is tested over real sockets: timeouts, redirects, retries and limits included.
///
/// It answers on NIO's event loop threads, never on Swift's cooperative pool, so tests elsewhere that block
/// the pool (waiting for a child process, say) cannot delay its answers into spurious client timeouts.
public final class LoopbackHTTPServer: Sendable {
    public struct Request: Sendable {
        public var path: String
        /// Lower-cased names.
        public var headers: [String: String]
        /// 1 for the first request to this path, 2 for the second, and so on.
        public var number: Int
        public var receivedAt: ContinuousClock.Instant
    }

    public enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
        /// Reads the request and never answers.
        case stall
        /// Sends the head and then the body in pieces with a pause before each.
        case trickle(headers: [(String, String)], pieces: [[UInt8]], pause: Duration)
        /// Answers after a pause, counting how many such answers are in progress at once.
        case slow(Duration, Reply.Box)

        /// Lets a reply hold another one.
        public final class Box: Sendable {
            let reply: Reply
            public init(_ reply: Reply) { self.reply = reply }
        }
    }

    public typealias Route = @Sendable (Request) -> Reply

    public let port: Int
    private let channel: any Channel
    private let log = Mutex<[Request]>([])
    private let busy = Mutex<(now: Int, peak: Int)>((0, 0))

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    public var requests: [Request] { log.withLock { $0 } }

    public func requests(to path: String) -> [Request] { requests.filter { $0.path == path } }

    /// The most `slow` replies that were in progress at the same time.
    public var peakSlowReplies: Int { busy.withLock { $0.peak } }

    private init(channel: any Channel) {
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
    }

    public static func start(route: @escaping Route) async throws -> LoopbackHTTPServer {
        let shared = Shared()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    try child.pipeline.syncOperations.addHandler(Handler(route: route, shared: shared))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = LoopbackHTTPServer(channel: channel)
        shared.server.withLock { $0 = server }
        return server
    }

    public func stop() async {
        try? await channel.close()
    }

    /// Lets connection handlers reach the server object, which exists only once the port is bound.
    private final class Shared: Sendable {
        let server = Mutex<LoopbackHTTPServer?>(nil)
    }

    fileprivate func received(_ head: HTTPRequestHead) -> Request {
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name.lowercased()] = value }
        return log.withLock { log in
            let request = Request(path: head.uri, headers: headers, number: log.filter { $0.path == head.uri }.count + 1, receivedAt: .now)
            log.append(request)
            return request
        }
    }

    fileprivate func slowReply(starting: Bool) {
        busy.withLock { busy in
            busy.now += starting ? 1 : -1
            busy.peak = max(busy.peak, busy.now)
        }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let route: Route
        private let shared: Shared
        private var head: HTTPRequestHead?

        init(route: @escaping Route, shared: Shared) {
            self.route = route
            self.shared = shared
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let received):
                head = received
            case .body:
                break
            case .end:
                guard let head, let server = shared.server.withLock({ $0 }) else { return }
                self.head = nil
                answer(route(server.received(head)), context: context, server: server)
            }
        }

        private func answer(_ reply: Reply, context: ChannelHandlerContext, server: LoopbackHTTPServer) {
            let loop = context.eventLoop
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
            switch reply {
            case .respond(let status, let extra, let body):
                var headers = HTTPHeaders(extra)
                headers.replaceOrAdd(name: "Content-Length", value: "\(body.count)")
                let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                if !body.isEmpty { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil) }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            case .stall:
                break
            case .trickle(let extra, let pieces, let pause):
                var headers = HTTPHeaders(extra)
                headers.replaceOrAdd(name: "Content-Length", value: "\(pieces.reduce(0) { $0 + $1.count })")
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
                for (index, piece) in pieces.enumerated() {
                    let last = index == pieces.count - 1
                    loop.scheduleTask(in: Self.amount(pause * (index + 1))) {
                        let (handler, context) = bound.value
                        context.write(handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: piece)))), promise: nil)
                        if last { context.write(handler.wrapOutboundOut(.end(nil)), promise: nil) }
                        context.flush()
                    }
                }
            case .slow(let pause, let box):
                server.slowReply(starting: true)
                loop.scheduleTask(in: Self.amount(pause)) {
                    server.slowReply(starting: false)
                    let (handler, context) = bound.value
                    handler.answer(box.reply, context: context, server: server)
                }
            }
        }

        private static func amount(_ duration: Duration) -> TimeAmount {
            let (seconds, attoseconds) = duration.components
            return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
    }
}
