import AsyncHTTPClient
import Foundation
import IngestCore
import NIOCore
import NIOHTTP1

/// Sends one GET and reads its body within the configured limits, turning every way it can fail into a
/// ``FetchFailure`` that says whether another attempt may help.
///
/// Redirects are not followed here: the fetcher follows them itself, so it can count them, check each new
/// URL against robots.txt and report the final URL.
struct HTTPTransport: Sendable {
    let client: HTTPClient
    let configuration: HTTPFetchConfiguration

    /// - Parameters:
    ///   - extraHeaders: conditional-request headers, say.
    ///   - bodyLimit: the cap on the body, as sent and as decoded.
    ///   - truncates: drop what passes `bodyLimit` instead of failing (robots.txt).
    func get(_ url: String, extraHeaders: [(String, String)] = [], bodyLimit: Int, truncates: Bool = false) async
        -> Result<HTTPExchange, FetchFailure>
    {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        for (name, value) in extraHeaders { request.headers.add(name: name, value: value) }
        let deadline = NIODeadline.now() + configuration.totalTimeout.timeAmount
        do {
            let response = try await client.execute(request, deadline: deadline)
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { $0 + ", " + value } ?? value
            }
            let status = Int(response.status.code)
            var body: [UInt8] = []
            if (200..<300).contains(status) {
                if !truncates, let declared = headers["content-length"].flatMap({ Int($0) }), declared > bodyLimit {
                    return .failure(
                        FetchFailure(
                            code: .tooLarge, message: "the body is \(declared) bytes (Content-Length), over the limit of \(bodyLimit) bytes",
                            retryable: false))
                }
                var collector = try BodyCollector(limit: bodyLimit, contentEncoding: headers["content-encoding"], truncates: truncates)
                for try await buffer in response.body {
                    try collector.append(buffer.readableBytesView)
                    if collector.isFull { break }
                    if NIODeadline.now() > deadline {
                        return .failure(totalTimeout(url))
                    }
                }
                body = try collector.finish()
            }
            return .success(HTTPExchange(status: status, reason: response.status.reasonPhrase, headers: headers, body: body))
        } catch let failure as BodyCollector.Failure {
            switch failure {
            case .tooLarge(let decoded):
                let what = decoded ? "decompressed body" : "body"
                return .failure(
                    FetchFailure(code: .tooLarge, message: "the \(what) passes the limit of \(bodyLimit) bytes", retryable: false))
            case .corrupt(let detail):
                return .failure(FetchFailure(code: .unreadable, message: "the body cannot be decompressed: \(detail)", retryable: false))
            }
        } catch {
            return .failure(classify(error, url: url))
        }
    }

    private func totalTimeout(_ url: String) -> FetchFailure {
        FetchFailure(code: .timeout, message: "no complete response within the total timeout of \(configuration.totalTimeout)", retryable: true)
    }

    /// Timeouts and connection failures may pass; a URL the client cannot use will not.
    func classify(_ error: any Error, url: String) -> FetchFailure {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return FetchFailure(code: .timeout, message: "no connection within the connect timeout of \(configuration.connectTimeout)", retryable: true)
            case .readTimeout:
                return FetchFailure(code: .timeout, message: "nothing received for the read timeout of \(configuration.readTimeout)", retryable: true)
            case .deadlineExceeded:
                return totalTimeout(url)
            case .invalidURL, .emptyHost, .emptyScheme:
                return FetchFailure(code: .invalidURL, message: "not a URL the client can fetch: \(url)", retryable: false)
            case .cancelled:
                return FetchFailure(code: .stopped, message: "the run stopped while the page was being fetched", retryable: false)
            default:
                return FetchFailure(code: .connectionFailed, message: "the connection failed: \(error)", retryable: true)
            }
        }
        if error is CancellationError {
            return FetchFailure(code: .stopped, message: "the run stopped while the page was being fetched", retryable: false)
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return FetchFailure(code: .timeout, message: "no connection within the connect timeout of \(configuration.connectTimeout)", retryable: true)
        }
        return FetchFailure(code: .connectionFailed, message: "the connection failed: \(error)", retryable: true)
    }
}
