import Foundation
import IngestCore
import IngestFetch

/// Gathers a response body as it streams in, decoding `gzip` or `deflate` content coding on the way, and
/// refusing to hold more than a limit of either the bytes as sent or the bytes decoded.
///
/// Decoding chunk by chunk with a fixed output buffer is what makes a gzip bomb harmless: a few kilobytes
/// that would expand to gigabytes stop at the limit, having never allocated more than it.
package struct BodyCollector {
    package enum Failure: Error, Equatable {
        /// The body passed the limit, as sent or decoded.
        case tooLarge(decoded: Bool)
        case corrupt(String)
    }

    private let limit: Int
    private let inflater: Inflater?
    private var output: [UInt8] = []
    private var received = 0
    private var ended = false
    /// When true, bytes past the limit are dropped instead of failing (robots.txt is read up to a limit).
    private let truncates: Bool

    /// - Parameter contentEncoding: the response's `Content-Encoding`; codings other than gzip and deflate
    ///   (and identity) are kept as they are, which the strip stage then reports as not text.
    package init(limit: Int, contentEncoding: String?, truncates: Bool = false) throws(Failure) {
        self.limit = limit
        self.truncates = truncates
        let coding = contentEncoding?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
        if ["gzip", "x-gzip", "deflate"].contains(coding) {
            do {
                inflater = try Inflater()
            } catch {
                throw .corrupt(error.message)
            }
        } else {
            inflater = nil
        }
    }

    /// True once a truncating collector has all it will keep, so the rest need not be downloaded.
    package var isFull: Bool { truncates && (received > limit || ended) }

    /// Whether the body was decoded from a content coding.
    package var decodes: Bool { inflater != nil }

    /// Adds the next bytes received.
    package mutating func append(_ bytes: some Collection<UInt8>) throws(Failure) {
        let before = received
        received += bytes.count
        if received > limit {
            guard truncates else { throw .tooLarge(decoded: false) }
            if inflater == nil, before < limit { output.append(contentsOf: bytes.prefix(limit - before)) }
            return
        }
        guard let inflater else {
            output.append(contentsOf: bytes)
            return
        }
        if ended { return }
        let input = Array(bytes)
        var offset = 0
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while offset < input.count {
            let step = input.withUnsafeBytes { all in
                chunk.withUnsafeMutableBytes { out in
                    inflater.step(input: UnsafeRawBufferPointer(rebasing: all[offset...]), output: out)
                }
            }
            offset += step.consumed
            if try keep(step, of: chunk) { return }
            if step.consumed == 0, step.produced == 0 { break }
        }
        // The input is used up, but zlib may still hold output for a full buffer: drain it.
        while true {
            let step = chunk.withUnsafeMutableBytes { out in
                inflater.step(input: UnsafeRawBufferPointer(start: nil, count: 0), output: out)
            }
            if step.failure == nil, step.produced == 0 { break }
            if try keep(step, of: chunk) { return }
        }
    }

    /// Keeps what one inflater step decoded into `chunk`, within the limit. True once the body is
    /// complete: its end marker was reached, or a truncating collector is full.
    private mutating func keep(_ step: Inflater.Step, of chunk: [UInt8]) throws(Failure) -> Bool {
        if let failure = step.failure { throw .corrupt(failure) }
        if output.count + step.produced > limit {
            guard truncates else { throw .tooLarge(decoded: true) }
            output.append(contentsOf: chunk[..<(limit - output.count)])
            ended = true
            return true
        }
        output.append(contentsOf: chunk[..<step.produced])
        if step.ended { ended = true }
        return step.ended
    }

    /// The whole body. A compressed body must have reached its end marker.
    package mutating func finish() throws(Failure) -> [UInt8] {
        if inflater != nil, !ended, !truncates {
            throw .corrupt(received == 0 ? "the compressed body is empty" : "the compressed body ends before its end marker")
        }
        return output
    }
}
